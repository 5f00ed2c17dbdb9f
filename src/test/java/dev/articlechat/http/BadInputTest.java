package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests the API must turn away: each gets {@code {"error": ..., "status": ...}} with the right status,
 * never an HTML page or a stack trace, and none of them hurts the server.
 */
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    private final Javalin app = HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults());

    /** One request that must fail, and how. {@code contentType} or {@code body} may be null (not sent). */
    record BadRequest(String description, String method, String path, String contentType, String body,
                      int status) {

        @Override
        public String toString() {
            return description + " -> " + status;
        }

        Response sendWith(HttpClient client) {
            return client.request(path, request -> {
                var publisher = body == null ? BodyPublishers.noBody()
                        : BodyPublishers.ofString(body, StandardCharsets.UTF_8);
                switch (method) {
                    case "GET" -> request.get();
                    case "POST" -> request.post(publisher);
                    case "DELETE" -> request.delete(publisher);
                    default -> throw new IllegalArgumentException(method);
                }
                if (contentType != null) {
                    request.header("Content-Type", contentType);
                }
            });
        }
    }

    static Stream<BadRequest> badRequests() {
        return Stream.of(
                ask("a missing question", "{}", 400),
                ask("a null question", "{\"question\": null}", 400),
                ask("an empty question", "{\"question\": \"\"}", 400),
                ask("a whitespace-only question", "{\"question\": \" \\t\\n  \"}", 400),
                ask("a question of control characters only", "{\"question\": \"\\u0000\\u0007\"}", 400),
                ask("a question of 2001 characters after trimming",
                        question("  " + "a".repeat(2001) + "  "), 400),
                ask("a number as the question", "{\"question\": 42}", 400),
                ask("an array as the question", "{\"question\": [\"Who did Carney meet?\"]}", 400),
                ask("an object as the question", "{\"question\": {\"text\": \"Who did Carney meet?\"}}", 400),
                ask("a boolean as the question", "{\"question\": true}", 400),
                ask("invalid JSON", "{\"question\": \"Who did Carney meet?\"", 400),
                ask("JSON followed by more text", "{\"question\": \"Who did Carney meet?\"} trailing", 400),
                ask("two JSON objects", "{\"question\": \"Who did Carney meet?\"}{\"question\": 1}", 400),
                ask("a duplicated key", "{\"question\": 5, \"question\": \"Who did Carney meet?\"}", 400),
                ask("an empty body", "", 400),
                ask("a JSON array body", "[\"Who did Carney meet?\"]", 400),
                ask("a JSON string body", "\"Who did Carney meet?\"", 400),
                ask("a JSON null body", "null", 400),
                ask("a history that is a string", historyOf("\"Who did Carney meet?\""), 400),
                ask("a history that is an object", historyOf("{\"role\": \"user\", \"content\": \"Hi\"}"), 400),
                ask("a history turn with the role system", historyOf("[{\"role\": \"system\", \"content\": \"Hi\"}]"), 400),
                ask("a history turn without a role", historyOf("[{\"content\": \"Hi\"}]"), 400),
                ask("a history turn that is a string", historyOf("[\"Hi\"]"), 400),
                ask("a history turn whose content is a number", historyOf("[{\"role\": \"user\", \"content\": 7}]"), 400),
                ask("a history turn without content", historyOf("[{\"role\": \"user\"}]"), 400),
                ask("a history of 21 turns", historyOf(turns(21)), 400),
                ask("a body over 64 KiB", question("Who did Carney meet? " + "x".repeat(70_000)), 413),
                new BadRequest("a text/plain body", "POST", "/api/ask", "text/plain",
                        "{\"question\": \"Who did Carney meet?\"}", 415),
                new BadRequest("a form-urlencoded body", "POST", "/api/ask", "application/x-www-form-urlencoded",
                        "question=Who+did+Carney+meet%3F", 415),
                new BadRequest("a JSONP content type", "POST", "/api/ask", "application/jsonp",
                        "{\"question\": \"Who did Carney meet?\"}", 415),
                new BadRequest("a body without a content type", "POST", "/api/ask", null,
                        "{\"question\": \"Who did Carney meet?\"}", 415),
                new BadRequest("an unknown route", "GET", "/no/such", null, null, 404),
                new BadRequest("an unknown article id", "GET", "/api/article?id=unknown", null, null, 404),
                new BadRequest("DELETE on /api/ask", "DELETE", "/api/ask", null, null, 405),
                new BadRequest("GET on /api/ask", "GET", "/api/ask", null, null, 405),
                new BadRequest("POST on /health", "POST", "/health", JSON_TYPE, "{}", 405));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answers_a_json_error_with_the_right_status(BadRequest bad) {
        JavalinTest.test(app, (server, client) -> {
            Response response = bad.sendWith(client);

            assertIsJsonError(response, bad.status());
        });
    }

    @Test
    void stays_healthy_after_every_kind_of_bad_request() {
        JavalinTest.test(app, (server, client) -> {
            List<BadRequest> all = badRequests().toList();
            for (BadRequest bad : all) {
                assertThat(bad.sendWith(client).code()).as(bad.description()).isEqualTo(bad.status());
            }

            Response health = client.get("/health");

            assertThat(health.code()).isEqualTo(200);
            assertThat(JSON.readTree(health.body().string()).get("status").asText()).isEqualTo("ok");
            assertThat(client.post("/api/ask", Map.of("question", "Who did Carney meet in Beijing?")).code())
                    .isEqualTo(200);
        });
    }

    @Test
    void accepts_a_question_of_exactly_2000_characters_after_trimming() {
        JavalinTest.test(app, (server, client) -> {
            String question = "Who did Carney meet in Beijing? ".repeat(63).substring(0, 2000);
            assertThat(question.strip()).hasSize(2000);

            Response response = postJson(client, question("   " + question + "\n"));

            assertThat(response.code()).as(response.body().string()).isEqualTo(200);
            assertThat(JSON.readTree(response.body().string()).get("answer").asText()).isNotBlank();
        });
    }

    @Test
    void accepts_a_history_of_exactly_20_turns() {
        JavalinTest.test(app, (server, client) -> {
            Response response = postJson(client, historyOf(turns(20)));

            assertThat(response.code()).as(response.body().string()).isEqualTo(200);
            assertThat(JSON.readTree(response.body().string()).get("answer").asText()).isNotBlank();
        });
    }

    @Test
    void accepts_a_json_content_type_with_a_charset() {
        JavalinTest.test(app, (server, client) -> {
            Response response = client.request("/api/ask", request -> request
                    .post(BodyPublishers.ofString(question("Who did Carney meet in Beijing?")))
                    .header("Content-Type", "application/json; charset=utf-8"));

            assertThat(response.code()).as(response.body().string()).isEqualTo(200);
        });
    }

    private static void assertIsJsonError(Response response, int status) throws Exception {
        String body = response.body().string();
        assertThat(response.code()).as(body).isEqualTo(status);
        assertThat(response.headers().get("Content-Type")).as(body)
                .isNotNull().first().asString().startsWith(JSON_TYPE);
        assertThat(body).doesNotContain("Exception", "at dev.", "at io.", "<html");
        JsonNode error = JSON.readTree(body);
        assertThat(error.isObject()).as(body).isTrue();
        assertThat(error.get("error").isTextual()).as(body).isTrue();
        assertThat(error.get("error").asText()).as(body).isNotBlank();
        assertThat(error.get("status").isInt()).as(body).isTrue();
        assertThat(error.get("status").asInt()).isEqualTo(status);
    }

    private static Response postJson(HttpClient client, String body) {
        return client.request("/api/ask", request -> request
                .post(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", JSON_TYPE));
    }

    private static BadRequest ask(String description, String body, int status) {
        return new BadRequest(description, "POST", "/api/ask", JSON_TYPE, body, status);
    }

    private static String question(String text) {
        return json(Map.of("question", text));
    }

    private static String historyOf(String historyJson) {
        return "{\"question\": \"Who did Carney meet?\", \"history\": " + historyJson + "}";
    }

    /** {@code count} alternating user and assistant turns, as a JSON array. */
    private static String turns(int count) {
        List<Map<String, String>> turns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            turns.add(i % 2 == 0
                    ? Map.of("role", "user", "content", "Who did Carney meet in Beijing?")
                    : Map.of("role", "assistant", "content", "He met President Xi Jinping [1]."));
        }
        return json(turns);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
