package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.ArticleChat;
import dev.articlechat.eval.EvalQuestion;
import dev.articlechat.eval.Evaluator;
import dev.articlechat.support.EventStreamClient;
import dev.articlechat.support.EventStreamClient.Response;
import dev.articlechat.support.TestApp;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/ask/stream} with the extractive answerer: event order, content, and bad input. */
class AskStreamRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEV_QUESTIONS = Path.of("src/test/resources/eval/dev-questions.jsonl");

    @Test
    void streams_sources_then_tokens_then_exactly_one_answer_that_the_tokens_add_up_to() {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            for (EvalQuestion question : Evaluator.read(DEV_QUESTIONS)) {
                String body = JSON.writeValueAsString(Map.of("question", question.q(), "history", question.history()));

                Response stream = EventStreamClient.postJson(client.getOrigin() + "/api/ask/stream", body);

                assertThat(stream.status()).isEqualTo(200);
                assertThat(stream.contentType()).startsWith("text/event-stream");
                List<String> names = stream.names();
                assertThat(names.get(0)).as(question.q()).isEqualTo("sources");
                assertThat(names.subList(1, names.size() - 1)).as(question.q()).isNotEmpty().containsOnly("token");
                assertThat(names.get(names.size() - 1)).as(question.q()).isEqualTo("answer");
                JsonNode answer = stream.last().json();
                assertThat(stream.tokens()).as(question.q()).isEqualTo(answer.get("answer").asText());
            }
        });
    }

    @Test
    void gives_the_same_answer_as_the_plain_route() {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            String body = "{\"question\": \"Where had Carney and Xi met before?\"}";
            JsonNode plain = JSON.readTree(client.post("/api/ask", JSON.readTree(body)).body().string());

            JsonNode streamed = EventStreamClient.postJson(client.getOrigin() + "/api/ask/stream", body).last().json();

            assertThat(streamed.get("answer")).isEqualTo(plain.get("answer"));
            assertThat(streamed.get("citations")).isEqualTo(plain.get("citations"));
            assertThat(streamed.get("answered").asBoolean()).isTrue();
        });
    }

    @Test
    void names_the_passages_it_answers_from_with_their_offsets_in_the_article() {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            String text = JSON.readTree(client.get("/api/article").body().string()).get("text").asText();

            Response stream = EventStreamClient.postJson(client.getOrigin() + "/api/ask/stream",
                    "{\"question\": \"How long is Carney's visit to China?\"}");

            JsonNode sources = stream.events().get(0).json();
            assertThat(sources.get("query").asText()).isEqualTo("How long is Carney's visit to China?");
            assertThat(sources.get("passages")).isNotEmpty().allSatisfy(passage ->
                    assertThat(text.substring(passage.get("start").asInt(), passage.get("end").asInt()))
                            .isEqualTo(passage.get("text").asText()));
            String cited = stream.last().json().get("citations").get(0).get("passageId").asText();
            assertThat(sources.get("passages")).extracting(p -> p.get("passageId").asText()).contains(cited);
        });
    }

    @Test
    void streams_a_plain_refusal_without_citations_when_the_article_does_not_say() {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            Response stream = EventStreamClient.postJson(client.getOrigin() + "/api/ask/stream",
                    "{\"question\": \"What is the capital of Peru?\"}");

            JsonNode answer = stream.last().json();
            assertThat(stream.names()).containsExactly("sources", "token", "answer");
            assertThat(answer.get("answered").asBoolean()).isFalse();
            assertThat(answer.get("citations")).isEmpty();
            assertThat(stream.tokens()).isEqualTo(TestApp.shared().answers().refusal());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"question\": \"\"}", "{\"question\": 42}", "{not json", "[]",
            "{\"question\": \"Who?\", \"history\": \"none\"}"})
    void rejects_bad_input_with_a_json_error_before_any_stream_starts(String body) {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            Response response = EventStreamClient.postJson(client.getOrigin() + "/api/ask/stream", body);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/json");
            assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(400);
            assertThat(response.events()).isEmpty();
        });
    }

    @Test
    void rejects_a_question_that_is_not_json_with_415_before_any_stream_starts() {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            Response response = EventStreamClient.post(client.getOrigin() + "/api/ask/stream", "text/plain",
                    "Who did Carney meet?");

            assertThat(response.status()).isEqualTo(415);
            assertThat(JSON.readTree(response.body()).get("error").asText()).contains("application/json");
        });
    }

    @Test
    void ends_with_an_error_event_and_no_answer_when_answering_fails() throws Exception {
        ArticleChat broken = ArticleChat.open(TestApp.settings(TestApp.temporaryIndexDir(), List.of()));
        broken.close(); // every search now fails: the index is closed

        JavalinTest.test(HttpApi.create(broken.answers(), ServerOptions.defaults()), (server, client) -> {
            Response stream = EventStreamClient.postJson(client.getOrigin() + "/api/ask/stream",
                    "{\"question\": \"Who did Carney meet?\"}");

            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.names()).containsExactly("error");
            JsonNode error = stream.last().json();
            assertThat(error.get("status").asInt()).isEqualTo(500);
            assertThat(error.get("error").asText()).doesNotContain("Exception").doesNotContain("lucene");
        });
    }
}
