package dev.articlechat.slack;

import static dev.articlechat.slack.SlackRequests.event;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.http.HttpApi;
import dev.articlechat.http.ServerOptions;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The Slack routes on the wire: only signed requests get in, bad input is a JSON 4xx, no secret means no routes. */
class SlackRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MENTION = SlackRequests.mention("Ev1", "C1", "1700000000.000100", null, "U1",
            "<@UBOT> Who did Carney meet?");
    /** Slack's published example of a signed slash command (docs: "Verifying requests from Slack"). */
    private static final String PUBLISHED_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private final FakeSlack slack = newFakeSlack();
    private final Javalin app = HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()
            .withSlack(SlackRequests.settings(slack, SlackSettings.EPHEMERAL)));

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Test
    void refuses_an_unsigned_request_with_json_401_and_does_not_act_on_it() {
        JavalinTest.test(app, (server, client) -> {
            Response response = SlackRequests.post(client, "/slack/events", "application/json", MENTION, Map.of());

            assertError(response, 401);
            slack.quietly(Duration.ofMillis(200));
            assertThat(slack.calls()).isEmpty();
        });
    }

    @Test
    void refuses_a_request_signed_with_another_secret() {
        JavalinTest.test(app, (server, client) -> {
            String timestamp = SlackRequests.now();
            String forged = new com.slack.api.app_backend.SlackSignature.Generator("not-the-secret")
                    .generate(timestamp, MENTION);

            assertError(SlackRequests.post(client, "/slack/events", "application/json", MENTION,
                    Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", forged)), 401);
        });
    }

    @Test
    void refuses_a_body_changed_after_signing() {
        JavalinTest.test(app, (server, client) -> {
            String timestamp = SlackRequests.now();
            String signature = SlackRequests.signature(timestamp, MENTION);

            assertError(SlackRequests.post(client, "/slack/events", "application/json",
                    MENTION.replace("Carney", "Xi"), Map.of("X-Slack-Request-Timestamp", timestamp,
                            "X-Slack-Signature", signature)), 401);
        });
    }

    @Test
    void refuses_a_correctly_signed_request_that_is_more_than_five_minutes_old() {
        JavalinTest.test(app, (server, client) -> {
            String stale = String.valueOf(System.currentTimeMillis() / 1000 - 6 * 60);

            assertError(SlackRequests.post(client, "/slack/events", "application/json", MENTION,
                    Map.of("X-Slack-Request-Timestamp", stale,
                            "X-Slack-Signature", SlackRequests.signature(stale, MENTION))), 401);
        });
    }

    @Test
    void refuses_a_replay_of_slacks_published_example_because_it_is_years_old() {
        JavalinTest.test(app, (server, client) -> {
            assertError(SlackRequests.post(client, "/slack/commands", "application/x-www-form-urlencoded",
                    PUBLISHED_BODY, Map.of("X-Slack-Request-Timestamp", "1531420618", "X-Slack-Signature",
                            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")), 401);
        });
    }

    @Test
    void checks_the_signature_before_the_content_type_or_the_body() {
        JavalinTest.test(app, (server, client) -> {
            assertError(SlackRequests.post(client, "/slack/events", "text/plain", "not json", Map.of()), 401);
            assertError(SlackRequests.post(client, "/slack/commands", "application/json", "{}", Map.of()), 401);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1, 2]", "\"text\"", "{}", "{\"type\": 5}", "{\"type\": \"url_verification\"}",
            "{\"type\": \"event_callback\", \"event_id\": \"Ev1\"}",
            "{\"type\": \"event_callback\", \"event_id\": \"Ev1\", \"event\": \"app_mention\"}",
            "{\"type\": \"event_callback\", \"event\": {\"type\": \"app_mention\", \"channel\": \"C1\"}}",
            "{\"type\": \"event_callback\", \"event_id\": \"Ev1\", \"event\": {\"type\": \"app_mention\", \"ts\": \"1.2\"}}",
            "{\"type\": \"event_callback\", \"event_id\": \"Ev1\", \"event\": {\"type\": \"app_mention\", \"user\": \"U1\","
                    + " \"channel\": \"C1\", \"ts\": \"yesterday\"}}",
            "{\"type\": \"event_callback\", \"event_id\": \"Ev1\", \"event\": {\"type\": \"app_mention\", \"user\": \"U1\","
                    + " \"channel\": \"C1\", \"ts\": \"1.2\", \"blocks\": \"not blocks\"}}"})
    void answers_a_signed_but_malformed_event_with_json_400(String body) {
        JavalinTest.test(app, (server, client) -> {
            assertError(event(client, body), 400);
        });
    }

    @Test
    void answers_a_signed_event_of_the_wrong_content_type_with_json_415() {
        JavalinTest.test(app, (server, client) -> {
            assertError(SlackRequests.signed(client, "/slack/events", "application/x-www-form-urlencoded", MENTION), 415);
            assertError(SlackRequests.signed(client, "/slack/commands", "application/json", "{}"), 415);
        });
    }

    @Test
    void answers_a_command_without_a_response_url_with_json_400() {
        JavalinTest.test(app, (server, client) -> {
            assertError(SlackRequests.command(client, "command=%2Fask-article&text=hello"), 400);
            assertError(SlackRequests.command(client, "command=%2Fask-article&text=%zz&response_url=x"), 400);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\": \"app_rate_limited\", \"minute_rate_limited\": 1518467820}",
            "{\"type\": \"event_callback\", \"event_id\": \"Ev9\", \"event\": {\"type\": \"reaction_added\"}}",
            "{\"type\": \"event_callback\", \"event_id\": \"Ev9\", \"event\": {\"type\": \"app_mention\","
                    + " \"subtype\": \"message_changed\", \"channel\": \"C1\"}}"})
    void acknowledges_and_ignores_a_valid_event_it_has_no_business_with(String body) {
        JavalinTest.test(app, (server, client) -> {
            Response response = event(client, body);

            assertThat(response.code()).isEqualTo(200);
            slack.quietly(Duration.ofMillis(200));
            assertThat(slack.calls()).isEmpty();
        });
    }

    @Test
    void leaves_the_slack_routes_out_and_says_why_when_no_signing_secret_is_configured() {
        Logger log = (Logger) LoggerFactory.getLogger(SlackRoutes.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            Javalin off = HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()
                    .withSlack(new SlackSettings(null, FakeSlack.TOKEN, SlackSettings.EPHEMERAL)));
            JavalinTest.test(off, (server, client) -> {
                assertError(event(client, MENTION), 404);
                assertError(SlackRequests.command(client, "text=hi"), 404);
            });
        } finally {
            log.detachAppender(logged);
        }
        assertThat(logged.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .startsWith("Slack is off: no signing secret").doesNotContain(FakeSlack.TOKEN));
    }

    @Test
    void answers_slash_commands_but_not_mentions_without_a_bot_token() {
        Javalin noToken = HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()
                .withSlack(new SlackSettings(SlackRequests.SECRET, null, SlackSettings.EPHEMERAL, slack.apiUrl(),
                        SlackRequests.FAST_RETRIES)));
        JavalinTest.test(noToken, (server, client) -> {
            assertThat(event(client, MENTION).code()).isEqualTo(200);
            SlackRequests.command(client, "command=%2Fask-article&text=Who+did+Carney+meet%3F&user_id=U1"
                    + "&response_url=" + java.net.URLEncoder.encode(slack.responseUrl("r1"), "UTF-8"));

            slack.await("response_url", 1);
            assertThat(slack.calls()).extracting(FakeSlack.Call::method).containsExactly("response_url");
        });
    }

    @Test
    void never_logs_or_prints_the_secrets() {
        SlackSettings settings = SlackRequests.settings(slack, SlackSettings.IN_CHANNEL);

        assertThat(settings.toString()).doesNotContain(SlackRequests.SECRET).doesNotContain(FakeSlack.TOKEN)
                .contains("signingSecret=(set)", "botToken=(set)", "in_channel");
    }

    private static void assertError(Response response, int status) throws IOException {
        assertThat(response.code()).isEqualTo(status);
        assertThat(response.headers().get("Content-Type")).first().asString().startsWith("application/json");
        JsonNode body = JSON.readTree(response.body().string());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isNotBlank().doesNotContain("Exception");
    }

    private static FakeSlack newFakeSlack() {
        try {
            return new FakeSlack();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
