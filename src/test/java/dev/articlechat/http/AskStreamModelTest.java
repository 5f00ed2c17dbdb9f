package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.articlechat.ArticleChat;
import dev.articlechat.support.EventStreamClient;
import dev.articlechat.support.EventStreamClient.Response;
import dev.articlechat.support.Eventually;
import dev.articlechat.support.FakeOpenAiServer;
import dev.articlechat.support.FakeOpenAiServer.Reply;
import dev.articlechat.support.TestApp;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/ask/stream} answered by a language model: an OpenAI-compatible server on loopback that
 * streams its reply piece by piece over the real protocol.
 */
class AskStreamModelTest {

    private static final String WEDNESDAY = "which began on Wednesday";
    private static final String EIGHT_YEARS = "in eight years";

    private static FakeOpenAiServer fake;
    private static ArticleChat app;

    @BeforeAll
    static void startTheFakeModelAndTheApp() {
        fake = FakeOpenAiServer.start();
        app = ArticleChat.open(TestApp.withOpenAiModel(fake.baseUrl(), Duration.ofSeconds(20)));
    }

    @AfterAll
    static void stopThem() throws IOException {
        app.close();
        fake.close();
    }

    @AfterEach
    void theScriptFoundWhatItLookedFor() {
        assertThat(fake.scriptFailures()).as("scripts that failed").isEmpty();
        fake.reset();
    }

    @Test
    void streams_each_checked_sentence_as_the_model_finishes_it() {
        fake.replyWith(request -> Reply.content("Carney's visit to China began on Wednesday [" + request.numberOf(WEDNESDAY)
                + "]. It is the first trip by a Canadian prime minister to China in eight years ["
                + request.numberOf(EIGHT_YEARS) + "]."));

        JavalinTest.test(HttpApi.create(app.answers(), ServerOptions.defaults()), (server, client) -> {
            Response stream = EventStreamClient.postJson(client.getOrigin() + "/api/ask/stream",
                    "{\"question\": \"When did Carney's visit to China begin?\"}");

            assertThat(stream.names()).as(stream.body()).containsExactly("sources", "token", "token", "answer");
            JsonNode answer = stream.last().json();
            assertThat(answer.get("model").asText()).isEqualTo("openai:fake-model");
            assertThat(answer.has("fallback")).isFalse();
            assertThat(stream.tokens()).isEqualTo(answer.get("answer").asText())
                    .isEqualTo("Carney's visit to China began on Wednesday [1]. It is the first trip by a Canadian"
                            + " prime minister to China in eight years [1].");
        });
    }

    @Test
    void drops_a_later_sentence_that_fails_its_check_and_the_stream_adds_up_to_the_answer() {
        fake.replyWith(request -> Reply.content("Carney's visit to China began on Wednesday [" + request.numberOf(WEDNESDAY)
                + "]. He was greeted by Premier Li Qiang at the airport [" + request.numberOf(WEDNESDAY) + "]."));

        JavalinTest.test(HttpApi.create(app.answers(), ServerOptions.defaults()), (server, client) -> {
            Response stream = EventStreamClient.postJson(client.getOrigin() + "/api/ask/stream",
                    "{\"question\": \"Which day did Carney's China visit start?\"}");

            assertThat(stream.names()).containsExactly("sources", "token", "answer");
            JsonNode answer = stream.last().json();
            assertThat(answer.has("fallback")).isFalse();
            assertThat(answer.get("model").asText()).isEqualTo("openai:fake-model");
            assertThat(answer.get("answer").asText()).isEqualTo("Carney's visit to China began on Wednesday [1].");
            assertThat(stream.tokens()).isEqualTo(answer.get("answer").asText());
        });
    }

    @Test
    void answers_from_the_article_when_the_model_fails_before_writing_anything() {
        fake.replyWith(Reply.raw(500, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));

        JavalinTest.test(HttpApi.create(app.answers(), ServerOptions.defaults()), (server, client) -> {
            Response stream = EventStreamClient.postJson(client.getOrigin() + "/api/ask/stream",
                    "{\"question\": \"When did the prime minister's trip to China begin?\"}");

            assertThat(stream.names()).containsExactly("sources", "token", "answer");
            JsonNode answer = stream.last().json();
            assertThat(answer.get("fallback").asText()).startsWith("model error");
            assertThat(stream.tokens()).isEqualTo(answer.get("answer").asText());
            assertThat(answer.get("citations")).isNotEmpty();
        });
    }

    @Test
    void stops_generating_when_the_client_hangs_up() {
        fake.replyWith(request -> Reply.content(("Carney's visit to China began on Wednesday [" + request.numberOf(WEDNESDAY)
                + "]. " + "It is the first trip by a Canadian prime minister to China in eight years ".repeat(8)
                + "[" + request.numberOf(EIGHT_YEARS) + "].")).streamedSlowly(Duration.ofMillis(40)));

        JavalinTest.test(HttpApi.create(app.answers(), ServerOptions.defaults()
                .withKeepAlive(Duration.ofMillis(100))), (server, client) -> {
            List<String> read = EventStreamClient.postAndHangUpAfter("127.0.0.1", server.port(), "/api/ask/stream",
                    "{\"question\": \"When did the visit to China begin, and what does it mark?\"}", "token");

            assertThat(read).contains("event: sources");
            int total = "Carney's visit to China began on Wednesday [1]. ".split(" ").length
                    + ("It is the first trip by a Canadian prime minister to China in eight years ".repeat(8)).split(" ").length;
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> fake.streamsAbandoned() == 1))
                    .as("the model's stream was closed").isTrue();
            assertThat(fake.piecesStreamed()).isLessThan(total / 2);
        });
    }

    @Test
    void refuses_when_the_only_sentence_names_someone_the_article_does_not() {
        fake.replyWith(request -> Reply.content("Carney was welcomed at the airport by Premier Li Qiang ["
                + request.numberOf(WEDNESDAY) + "]."));

        JavalinTest.test(HttpApi.create(app.answers(), ServerOptions.defaults()), (server, client) -> {
            Response stream = EventStreamClient.postJson(client.getOrigin() + "/api/ask/stream",
                    "{\"question\": \"Who welcomed Carney when his visit to China began?\"}");

            assertThat(stream.names()).containsExactly("sources", "token", "answer");
            JsonNode answer = stream.last().json();
            assertThat(answer.has("fallback")).isFalse();
            assertThat(answer.get("answered").asBoolean()).isFalse();
            assertThat(answer.get("citations")).isEmpty();
            assertThat(stream.tokens()).isEqualTo(answer.get("answer").asText()).doesNotContain("Li Qiang");
        });
    }

    @Test
    void keeps_a_quiet_stream_open_with_comment_lines() {
        fake.replyWith(request -> Reply.content("Carney's visit to China began on Wednesday ["
                + request.numberOf(WEDNESDAY) + "].").after(Duration.ofMillis(600)));

        JavalinTest.test(HttpApi.create(app.answers(), ServerOptions.defaults()
                .withKeepAlive(Duration.ofMillis(100))), (server, client) -> {
            Response stream = EventStreamClient.postJson(client.getOrigin() + "/api/ask/stream",
                    "{\"question\": \"On which day did Carney's visit to China begin?\"}");

            assertThat(stream.comments()).contains("keep-alive");
            assertThat(stream.names()).containsExactly("sources", "token", "answer");
        });
    }
}
