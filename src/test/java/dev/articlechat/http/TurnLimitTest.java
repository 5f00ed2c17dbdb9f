package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.support.EventStreamClient;
import dev.articlechat.support.EventStreamClient.Response;
import dev.articlechat.support.JsonErrors;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One limit on a conversation, and one refusal of a longer one, on every route that takes a question: at most 20
 * turns before the question, else a 400 (OpenAI's error object on {@code /v1}) before any model work.
 */
class TurnLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "Who did Carney meet in Beijing?";

    private final Javalin app = HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults());

    @Test
    void a_conversation_of_21_turns_is_refused_alike_on_ask_its_stream_and_chat_completions() {
        JavalinTest.test(app, (server, client) -> {
            String origin = client.getOrigin();

            Response ask = EventStreamClient.postJson(origin + "/api/ask", askBody(21));
            Response stream = EventStreamClient.postJson(origin + "/api/ask/stream", askBody(21));
            Response completion = EventStreamClient.postJson(origin + "/v1/chat/completions", messages(21, false));
            Response streamed = EventStreamClient.postJson(origin + "/v1/chat/completions", messages(21, true));

            for (Response refused : List.of(ask, stream, completion, streamed)) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/json");
            }
            String message = JsonErrors.assertError("/api/ask", 400, ask.body());
            assertThat(message).contains("21 turns", "at most 20");
            assertThat(JsonErrors.assertError("/api/ask/stream", 400, stream.body())).isEqualTo(message);
            assertThat(JsonErrors.assertError("/v1/chat/completions", 400, completion.body())).isEqualTo(message);
            assertThat(JsonErrors.assertError("/v1/chat/completions", 400, streamed.body())).isEqualTo(message);
        });
    }

    @Test
    void two_hundred_messages_are_refused_at_once_rather_than_answered_after_a_timeout() {
        JavalinTest.test(app, (server, client) -> {
            long started = System.nanoTime();
            Response refused = EventStreamClient.postJson(client.getOrigin() + "/v1/chat/completions", messages(200, false));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(JsonErrors.assertError("/v1/chat/completions", 400, refused.body())).contains("200 turns");
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(2_000);
        });
    }

    @Test
    void a_conversation_of_exactly_20_turns_is_answered_on_chat_completions_and_system_messages_do_not_count() {
        JavalinTest.test(app, (server, client) -> {
            List<Map<String, String>> conversation = new ArrayList<>(turns(20));
            conversation.add(0, Map.of("role", "system", "content", "Be brief."));
            conversation.add(1, Map.of("role", "system", "content", "Be kind."));
            conversation.add(Map.of("role", "user", "content", QUESTION));

            Response answered = EventStreamClient.postJson(client.getOrigin() + "/v1/chat/completions",
                    JSON.writeValueAsString(Map.of("messages", conversation)));

            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        });
    }

    private static String askBody(int turns) throws Exception {
        return JSON.writeValueAsString(Map.of("question", QUESTION, "history", turns(turns)));
    }

    /** {@code turns} turns of conversation, then the question. */
    private static String messages(int turns, boolean stream) throws Exception {
        List<Map<String, String>> messages = new ArrayList<>(turns(turns));
        messages.add(Map.of("role", "user", "content", QUESTION));
        return JSON.writeValueAsString(Map.of("stream", stream, "messages", messages));
    }

    /** {@code count} alternating user and assistant turns. */
    private static List<Map<String, String>> turns(int count) {
        List<Map<String, String>> turns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            turns.add(i % 2 == 0 ? Map.of("role", "user", "content", QUESTION)
                    : Map.of("role", "assistant", "content", "He met President Xi Jinping [1]."));
        }
        return turns;
    }
}
