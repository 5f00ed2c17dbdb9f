package dev.articlechat.slack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.answer.AnswerService;
import dev.articlechat.http.HttpApi;
import dev.articlechat.http.ServerOptions;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /slack/commands}: acknowledged at once, answered later on the command's response URL. */
class SlackCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";
    /** Longer than the three seconds Slack waits for a slash command's reply. */
    private static final Duration SLOW = Duration.ofMillis(3500);

    private final FakeSlack slack = newFakeSlack();

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Test
    void acknowledges_within_three_seconds_while_the_model_is_slow_then_posts_the_answer_to_the_response_url() {
        AnswerService slow = TestApp.answeringWith(FakeModels.slow(SLOW));
        JavalinTest.test(app(slow, SlackSettings.EPHEMERAL), (server, client) -> {
            long started = System.nanoTime();
            Response ack = SlackRequests.command(client, form("Who did Carney meet in Beijing?", "r1"));
            long acknowledgedMillis = millisSince(started);

            assertThat(ack.code()).isEqualTo(200);
            assertThat(acknowledgedMillis).isLessThan(3000);
            JsonNode reply = JSON.readTree(ack.body().string());
            assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
            assertThat(reply.get("text").asText()).startsWith("Working on it").contains("Who did Carney meet in Beijing?");

            FakeSlack.Call answer = slack.await("response_url", 1).get(0);
            assertThat(millisSince(started)).isGreaterThanOrEqualTo(SLOW.toMillis());
            assertThat(answer.param("path")).isEqualTo("/hooks/r1");
            JsonNode body = answer.json();
            assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
            assertThat(body.get("text").asText()).contains("Xi Jinping");
            JsonNode blocks = body.get("blocks");
            assertThat(blocks.get(0).get("elements").get(0).get("text").asText())
                    .isEqualTo("<@U1> asked: Who did Carney meet in Beijing?");
            assertThat(blocks.get(1).get("type").asText()).isEqualTo("section");
            assertThat(blocks.get(1).get("text").get("type").asText()).isEqualTo("mrkdwn");
            assertThat(blocks.get(2).get("elements").get(0).get("text").asText()).startsWith("*[1]* “");
        });
    }

    @Test
    void posts_the_answer_for_the_whole_channel_when_configured_so() {
        JavalinTest.test(app(TestApp.shared().answers(), SlackSettings.IN_CHANNEL), (server, client) -> {
            SlackRequests.command(client, form("Which minister echoed Carney's message in Beijing?", "r2"));

            JsonNode body = slack.await("response_url", 1).get(0).json();
            assertThat(body.get("response_type").asText()).isEqualTo("in_channel");
            assertThat(body.get("text").asText()).contains("Anita Anand");
        });
    }

    @Test
    void answers_a_command_without_a_question_with_how_to_use_it() {
        JavalinTest.test(app(TestApp.shared().answers(), SlackSettings.IN_CHANNEL), (server, client) -> {
            Response ack = SlackRequests.command(client, form("", "r3"));

            assertThat(ack.code()).isEqualTo(200);
            JsonNode reply = JSON.readTree(ack.body().string());
            assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
            assertThat(reply.get("text").asText()).contains("/ask-article Who did Carney meet?");
            slack.quietly(Duration.ofMillis(200));
            assertThat(slack.calls()).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\u00a0", "\u200b\u200b", "\ufeff", "\u0301", "\ue000", "\ufffd", "\u2060\u00ad"})
    void answers_a_command_of_invisible_characters_with_how_to_use_it_not_an_apology(String invisible) {
        JavalinTest.test(app(TestApp.shared().answers(), SlackSettings.IN_CHANNEL), (server, client) -> {
            Response ack = SlackRequests.command(client, form(invisible, "r3i"));

            assertThat(ack.code()).isEqualTo(200);
            String text = JSON.readTree(ack.body().string()).get("text").asText();
            assertThat(text).contains("no visible characters", "/ask-article Who did Carney meet?")
                    .doesNotContain("Sorry");
            slack.quietly(Duration.ofMillis(200));
            assertThat(slack.calls()).isEmpty();
        });
    }

    @Test
    void answers_an_identical_signed_command_sent_again_within_five_minutes_once() {
        JavalinTest.test(app(TestApp.shared().answers(), SlackSettings.EPHEMERAL), (server, client) -> {
            String form = form("Who did Carney meet in Beijing?", "r7");
            String timestamp = SlackRequests.now();
            Map<String, String> headers = Map.of("X-Slack-Request-Timestamp", timestamp,
                    "X-Slack-Signature", SlackRequests.signature(timestamp, form));

            List<Response> acks = List.of(
                    SlackRequests.post(client, "/slack/commands", FORM, form, headers),
                    SlackRequests.post(client, "/slack/commands", FORM, form, headers),
                    SlackRequests.post(client, "/slack/commands", FORM, form, headers));

            assertThat(acks).allSatisfy(ack -> assertThat(ack.code()).isEqualTo(200));
            slack.await("response_url", 1);
            slack.quietly(Duration.ofMillis(500));
            assertThat(slack.calls()).hasSize(1);
            // the same question asked anew is a new command, with a new timestamp and signature
            Thread.sleep(1100);
            SlackRequests.command(client, form);
            assertThat(slack.await("response_url", 2)).hasSize(2);
        });
    }

    @Test
    void says_when_the_article_does_not_cover_a_question_and_shows_no_sources() {
        JavalinTest.test(app(TestApp.shared().answers(), SlackSettings.EPHEMERAL), (server, client) -> {
            SlackRequests.command(client, form("What is the capital of Australia?", "r4"));

            JsonNode body = slack.await("response_url", 1).get(0).json();
            assertThat(body.get("text").asText()).startsWith("The article does not say");
            assertThat(body.get("blocks")).hasSize(2);
            assertThat(body.get("blocks").get(1).get("type").asText()).isEqualTo("section");
        });
    }

    @Test
    void retries_a_rate_limited_response_url_after_the_time_slack_asks_for() {
        slack.script("response_url", FakeSlack.Reply.rateLimited(1));
        JavalinTest.test(app(TestApp.shared().answers(), SlackSettings.EPHEMERAL), (server, client) -> {
            SlackRequests.command(client, form("Who did Carney meet?", "r5"));

            List<FakeSlack.Call> posts = slack.await("response_url", 2);
            assertThat(posts.get(1).atMillis() - posts.get(0).atMillis()).isGreaterThanOrEqualTo(1000);
            assertThat(posts.get(1).json()).isEqualTo(posts.get(0).json());
        });
    }

    @Test
    void tells_only_the_asker_when_the_model_fails() {
        AnswerService failing = TestApp.answeringWith(FakeModels.broken("out of memory in the model server"));
        JavalinTest.test(app(failing, SlackSettings.IN_CHANNEL), (server, client) -> {
            SlackRequests.command(client, form("Who did Carney meet?", "r6"));

            JsonNode body = slack.await("response_url", 1).get(0).json();
            assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
            assertThat(body.get("text").asText()).startsWith("Sorry, I could not answer that just now");
        });
    }

    @Test
    void answers_slacks_certificate_check_with_200_and_nothing_else() {
        JavalinTest.test(app(TestApp.shared().answers(), SlackSettings.EPHEMERAL), (server, client) -> {
            Response response = SlackRequests.command(client, "ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO");

            assertThat(response.code()).isEqualTo(200);
            slack.quietly(Duration.ofMillis(100));
            assertThat(slack.calls()).isEmpty();
        });
    }

    @Test
    void refuses_a_response_url_that_is_not_slacks() {
        JavalinTest.test(app(TestApp.shared().answers(), SlackSettings.EPHEMERAL), (server, client) -> {
            String form = "command=%2Fask-article&text=hello&user_id=U1&response_url="
                    + URLEncoder.encode("http://203.0.113.9/steal", UTF_8);

            Response response = SlackRequests.command(client, form);

            assertThat(response.code()).isEqualTo(400);
            assertThat(JSON.readTree(response.body().string()).get("status").asInt()).isEqualTo(400);
            slack.quietly(Duration.ofMillis(100));
            assertThat(slack.calls()).isEmpty();
        });
    }

    private String form(String text, String hook) {
        return "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T1&team_domain=example&channel_id=C1&channel_name=general"
                + "&user_id=U1&user_name=reader&command=%2Fask-article&text=" + URLEncoder.encode(text, UTF_8)
                + "&api_app_id=A1&is_enterprise_install=false&response_url="
                + URLEncoder.encode(slack.responseUrl(hook), UTF_8) + "&trigger_id=13345224609.738474920.8088930838d";
    }

    private Javalin app(AnswerService answers, String commandResponse) {
        return HttpApi.create(answers, ServerOptions.defaults()
                .withSlack(SlackRequests.settings(slack, commandResponse)));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static FakeSlack newFakeSlack() {
        try {
            return new FakeSlack();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
