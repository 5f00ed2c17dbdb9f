package dev.articlechat.slack;

import static dev.articlechat.slack.SlackRequests.event;
import static dev.articlechat.slack.SlackRequests.mention;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /slack/events} against a fake Slack on loopback: mentions and direct messages answered in threads. */
class SlackEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GRACE = Duration.ofMillis(300);

    private final FakeSlack slack = newFakeSlack();

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Test
    void answers_slacks_url_verification_with_its_challenge() {
        JavalinTest.test(app(TestApp.shared().answers()), (server, client) -> {
            Response response = event(client, "{\"token\": \"t\", \"type\": \"url_verification\","
                    + " \"challenge\": \"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\"}");

            assertThat(response.code()).isEqualTo(200);
            assertThat(JSON.readTree(response.body().string()).get("challenge").asText())
                    .isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
            assertThat(slack.calls()).isEmpty();
        });
    }

    @Test
    void answers_a_mention_once_in_its_thread_even_when_slack_delivers_it_three_times() {
        JavalinTest.test(app(TestApp.shared().answers()), (server, client) -> {
            String text = "<@UBOT> Who did Carney meet in Beijing?";
            String ts = slack.userWrote("C1", null, "U1", text);
            String body = mention("Ev1", "C1", ts, null, "U1", text);

            long started = System.nanoTime();
            Response first = event(client, body);
            long acknowledgedMillis = (System.nanoTime() - started) / 1_000_000;
            Response retry = event(client, body, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");
            Response again = event(client, body);

            assertThat(List.of(first.code(), retry.code(), again.code())).containsOnly(200);
            assertThat(acknowledgedMillis).isLessThan(3000);
            slack.await("reactions.remove", 1);
            slack.quietly(GRACE);
            List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
            assertThat(posts).hasSize(1);
            FakeSlack.Call post = posts.get(0);
            assertThat(post.param("channel")).isEqualTo("C1");
            assertThat(post.param("thread_ts")).isEqualTo(ts);
            assertThat(post.param("text")).contains("Xi Jinping").contains("[1]");
            JsonNode blocks = JSON.readTree(post.param("blocks"));
            assertThat(blocks.get(0).get("type").asText()).isEqualTo("section");
            assertThat(blocks.get(1).get("type").asText()).isEqualTo("context");
            assertThat(blocks.get(1).get("elements").get(0).get("text").asText()).startsWith("*[1]* “")
                    .contains("Xi Jinping");
            assertThat(post.authorization()).isEqualTo("Bearer " + FakeSlack.TOKEN);
        });
    }

    @Test
    void shows_that_it_is_working_with_a_reaction_and_removes_it_after_answering() {
        JavalinTest.test(app(TestApp.shared().answers()), (server, client) -> {
            String ts = slack.userWrote("C1", null, "U1", "<@UBOT> Which minister echoed Carney's message?");
            event(client, mention("Ev1", "C1", ts, null, "U1", "<@UBOT> Which minister echoed Carney's message?"));

            slack.await("reactions.remove", 1);
            List<String> order = slack.calls().stream().map(FakeSlack.Call::method)
                    .filter(m -> !m.equals("auth.test")).toList();
            assertThat(order).containsExactly("reactions.add", "chat.postMessage", "reactions.remove");
            FakeSlack.Call added = slack.calls("reactions.add").get(0);
            assertThat(added.param("name")).isEqualTo(MentionAnswerer.WORKING);
            assertThat(added.param("timestamp")).isEqualTo(ts);
            assertThat(slack.calls("reactions.remove").get(0).params()).isEqualTo(added.params());
        });
    }

    @Test
    void does_not_answer_the_same_message_again_under_another_event_id() {
        JavalinTest.test(app(TestApp.shared().answers()), (server, client) -> {
            String ts = slack.userWrote("C1", null, "U1", "<@UBOT> Who did Carney meet?");
            event(client, mention("Ev1", "C1", ts, null, "U1", "<@UBOT> Who did Carney meet?"));
            event(client, mention("Ev2", "C1", ts, null, "U1", "<@UBOT> Who did Carney meet?"));

            slack.await("reactions.remove", 1);
            slack.quietly(GRACE);
            assertThat(slack.calls("chat.postMessage")).hasSize(1);
        });
    }

    @Test
    void ignores_messages_from_bots_itself_included() {
        JavalinTest.test(app(TestApp.shared().answers()), (server, client) -> {
            Map<String, Object> otherBot = new LinkedHashMap<>(Map.of("type", "app_mention", "user", "U9",
                    "bot_id", "B9", "text", "<@UBOT> Who did Carney meet?", "ts", "1700000001.000100",
                    "channel", "C1"));
            Map<String, Object> botMessage = new LinkedHashMap<>(Map.of("type", "message", "subtype", "bot_message",
                    "bot_id", FakeSlack.BOT_ID, "text", "Carney met Xi Jinping [1]", "ts", "1700000001.000200",
                    "channel", "D1", "channel_type", "im"));
            Map<String, Object> itself = new LinkedHashMap<>(Map.of("type", "message", "user", FakeSlack.BOT_USER,
                    "text", "Who did Carney meet?", "ts", "1700000001.000300", "channel", "D1",
                    "channel_type", "im"));

            assertThat(event(client, SlackRequests.callback("EvBot1", otherBot)).code()).isEqualTo(200);
            assertThat(event(client, SlackRequests.callback("EvBot2", botMessage)).code()).isEqualTo(200);
            assertThat(event(client, SlackRequests.callback("EvBot3", itself)).code()).isEqualTo(200);
            String ts = slack.userWrote("C1", null, "U1", "<@UBOT> Who did Carney meet?");
            event(client, mention("EvPerson", "C1", ts, null, "U1", "<@UBOT> Who did Carney meet?"));

            slack.await("chat.postMessage", 1);
            slack.quietly(GRACE);
            assertThat(slack.calls("chat.postMessage")).singleElement()
                    .satisfies(post -> assertThat(post.param("thread_ts")).isEqualTo(ts));
            assertThat(slack.calls("reactions.add")).hasSize(1);
        });
    }

    @Test
    void answers_a_direct_message_in_its_thread_and_ignores_channel_chatter() {
        JavalinTest.test(app(TestApp.shared().answers()), (server, client) -> {
            String chatter = slack.userWrote("C1", null, "U1", "Lunch at noon?");
            event(client, SlackRequests.callback("EvChatter", Map.of("type", "message", "user", "U1",
                    "text", "Lunch at noon?", "ts", chatter, "channel", "C1", "channel_type", "channel")));
            String ts = slack.userWrote("D1", null, "U1", "Which minister echoed Carney's message in Beijing?");
            event(client, SlackRequests.callback("EvDm", Map.of("type", "message", "user", "U1",
                    "text", "Which minister echoed Carney's message in Beijing?", "ts", ts, "channel", "D1",
                    "channel_type", "im")));

            FakeSlack.Call post = slack.await("chat.postMessage", 1).get(0);
            slack.quietly(GRACE);
            assertThat(slack.calls("chat.postMessage")).hasSize(1);
            assertThat(post.param("channel")).isEqualTo("D1");
            assertThat(post.param("thread_ts")).isEqualTo(ts);
            assertThat(post.param("text")).contains("Anita Anand");
        });
    }

    @Test
    void understands_a_follow_up_in_a_thread_from_the_threads_earlier_messages() {
        JavalinTest.test(app(TestApp.shared().answers()), (server, client) -> {
            String root = slack.userWrote("C1", null, "U1", "<@UBOT> When did Carney's trip to China begin?");
            event(client, mention("Ev1", "C1", root, null, "U1", "<@UBOT> When did Carney's trip to China begin?"));
            slack.await("chat.postMessage", 1);
            String followUp = slack.userWrote("C1", root, "U1", "<@UBOT> How long will it last?");

            event(client, mention("Ev2", "C1", followUp, root, "U1", "<@UBOT> How long will it last?"));

            FakeSlack.Call answer = slack.await("chat.postMessage", 2).get(1);
            assertThat(slack.calls("conversations.replies")).singleElement().satisfies(replies -> {
                assertThat(replies.param("channel")).isEqualTo("C1");
                assertThat(replies.param("ts")).isEqualTo(root);
            });
            assertThat(answer.param("thread_ts")).isEqualTo(root);
            assertThat(answer.param("text")).contains("four-day visit");
        });
    }

    @Test
    void cannot_answer_the_same_follow_up_outside_its_thread() {
        JavalinTest.test(app(TestApp.shared().answers()), (server, client) -> {
            String ts = slack.userWrote("C1", null, "U1", "<@UBOT> How long will it last?");

            event(client, mention("Ev1", "C1", ts, null, "U1", "<@UBOT> How long will it last?"));

            FakeSlack.Call answer = slack.await("chat.postMessage", 1).get(0);
            assertThat(slack.calls("conversations.replies")).isEmpty();
            assertThat(answer.param("text")).startsWith("The article does not say");
            assertThat(JSON.readTree(answer.param("blocks"))).hasSize(1);
        });
    }

    @Test
    void answers_a_bare_mention_with_how_to_ask() {
        JavalinTest.test(app(TestApp.shared().answers()), (server, client) -> {
            String ts = slack.userWrote("C1", null, "U1", "<@UBOT>");
            event(client, mention("Ev1", "C1", ts, null, "U1", "<@UBOT>"));

            assertThat(slack.await("chat.postMessage", 1).get(0).param("text")).contains("Ask me a question");
        });
    }

    @Test
    void posts_a_clear_message_in_the_thread_when_the_model_fails() {
        AnswerService failing = TestApp.answeringWith(FakeModels.broken("the model's process died"));
        JavalinTest.test(app(failing), (server, client) -> {
            String ts = slack.userWrote("C1", null, "U1", "<@UBOT> Who did Carney meet?");
            event(client, mention("Ev1", "C1", ts, null, "U1", "<@UBOT> Who did Carney meet?"));

            FakeSlack.Call post = slack.await("chat.postMessage", 1).get(0);
            assertThat(post.param("thread_ts")).isEqualTo(ts);
            assertThat(post.param("text")).startsWith("Sorry, I could not answer that just now");
            slack.await("reactions.remove", 1);
        });
    }

    @Test
    void waits_as_long_as_slacks_retry_after_says_when_rate_limited_then_posts_once() {
        slack.script("chat.postMessage", FakeSlack.Reply.rateLimited(1));
        JavalinTest.test(app(TestApp.shared().answers()), (server, client) -> {
            String ts = slack.userWrote("C1", null, "U1", "<@UBOT> Who did Carney meet?");
            event(client, mention("Ev1", "C1", ts, null, "U1", "<@UBOT> Who did Carney meet?"));

            List<FakeSlack.Call> posts = slack.await("chat.postMessage", 2);
            slack.await("reactions.remove", 1);
            assertThat(posts).hasSize(2);
            assertThat(posts.get(1).atMillis() - posts.get(0).atMillis()).isGreaterThanOrEqualTo(1000);
            assertThat(posts.get(1).params()).isEqualTo(posts.get(0).params());
        });
    }

    @Test
    void retries_transient_slack_errors_a_bounded_number_of_times() {
        slack.script("chat.postMessage", FakeSlack.Reply.error("internal_error"), FakeSlack.Reply.status(503),
                FakeSlack.Reply.error("internal_error"), FakeSlack.Reply.error("internal_error"));
        JavalinTest.test(app(TestApp.shared().answers()), (server, client) -> {
            String ts = slack.userWrote("C1", null, "U1", "<@UBOT> Who did Carney meet?");
            event(client, mention("Ev1", "C1", ts, null, "U1", "<@UBOT> Who did Carney meet?"));

            slack.await("reactions.remove", 1);
            slack.quietly(GRACE);
            assertThat(slack.calls("chat.postMessage")).hasSize(SlackRequests.FAST_RETRIES.attempts());
        });
    }

    @Test
    void does_not_retry_an_error_that_would_repeat() {
        slack.script("chat.postMessage", FakeSlack.Reply.error("channel_not_found"));
        JavalinTest.test(app(TestApp.shared().answers()), (server, client) -> {
            String ts = slack.userWrote("C1", null, "U1", "<@UBOT> Who did Carney meet?");
            event(client, mention("Ev1", "C1", ts, null, "U1", "<@UBOT> Who did Carney meet?"));

            slack.await("reactions.remove", 1);
            slack.quietly(GRACE);
            assertThat(slack.calls("chat.postMessage")).hasSize(1);
        });
    }

    private Javalin app(AnswerService answers) {
        return HttpApi.create(answers, ServerOptions.defaults()
                .withSlack(SlackRequests.settings(slack, SlackSettings.EPHEMERAL)));
    }

    private static FakeSlack newFakeSlack() {
        try {
            return new FakeSlack();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
