package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.articlechat.slack.SlackSettings;
import dev.articlechat.support.JsonErrors;
import dev.articlechat.support.ResponseHeaders;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every response carries and never carries: browser security headers, JSON errors without stack traces
 * or paths, and the 64 KiB body limit on every route that takes a body, Slack's and the OpenAI-compatible ones
 * included.
 */
class SecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNING_SECRET = "security-test-signing-secret";
    private static final String TOO_LARGE = "x".repeat((int) HttpApi.MAX_BODY_BYTES + 1024);

    private static Javalin server() {
        return HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()
                .withSlack(new SlackSettings(SIGNING_SECRET, null, SlackSettings.EPHEMERAL))
                .withRateLimit(new RateLimit(60, 1, true)));
    }

    private static Response post(HttpClient client, String path, String contentType, String body,
                                 Map<String, String> headers) {
        return client.request(path, request -> {
            request.post(BodyPublishers.ofString(body)).header("Content-Type", contentType);
            headers.forEach(request::header);
        });
    }

    private static Map<String, String> slackSigned(String body) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        return Map.of("X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", new SlackSignature.Generator(SIGNING_SECRET).generate(timestamp, body));
    }

    private static void assertSecurityHeaders(Response response) {
        assertThat(ResponseHeaders.first(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(ResponseHeaders.first(response, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(ResponseHeaders.first(response, "Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void json_answers_errors_and_unknown_routes_all_carry_the_security_headers() {
        JavalinTest.test(server(), (server, client) -> {
            Response ok = post(client, "/api/ask", "application/json", "{\"question\": \"Who did Carney meet?\"}",
                    Map.of("X-Forwarded-For", "192.0.2.1"));
            Response bad = post(client, "/api/ask", "application/json", "{", Map.of("X-Forwarded-For", "192.0.2.2"));
            Response limited = client.get("/v1/models", r -> r.header("X-Forwarded-For", "192.0.2.2"));
            Response missing = client.get("/no/such/page");
            Response wrongMethod = client.get("/api/ask");

            assertThat(List.of(ok.code(), bad.code(), limited.code(), missing.code(), wrongMethod.code()))
                    .containsExactly(200, 400, 429, 404, 405);
            for (Response response : List.of(ok, bad, limited, missing, wrongMethod, client.get("/health"),
                    client.get("/metrics"))) {
                assertSecurityHeaders(response);
            }
        });
    }

    @Test
    void an_internal_failure_answers_json_without_a_stack_trace_or_a_path() {
        Javalin failing = HttpApi.create(TestApp.answeringWith(RequestIdTest.BROKEN), ServerOptions.defaults());
        JavalinTest.test(failing, (server, client) -> {
            Response failed = post(client, "/api/ask", "application/json", "{\"question\": \"Who did Carney meet?\"}",
                    Map.of());
            Response failedStream = post(client, "/api/ask/stream", "application/json",
                    "{\"question\": \"Who did Carney meet in Beijing?\"}", Map.of());
            Response failedCompletion = post(client, "/v1/chat/completions", "application/json",
                    "{\"messages\": [{\"role\": \"user\", \"content\": \"Who met Xi?\"}]}", Map.of());

            assertThat(failed.code()).isEqualTo(500);
            assertThat(failedCompletion.code()).isEqualTo(500);
            JsonNode body = JSON.readTree(failed.body().string());
            assertThat(body.get("status").asInt()).isEqualTo(500);
            for (String text : List.of(body.toString(), failedStream.body().string(), failedCompletion.body().string())) {
                assertThat(text).doesNotContain("/srv/").doesNotContain("segments_3")
                        .doesNotContain("IllegalStateException").doesNotContain("at dev.articlechat")
                        .doesNotContain(".java:");
            }
            assertSecurityHeaders(failed);
        });
    }

    @Test
    void bodies_over_64_kib_are_refused_with_json_413_on_every_route_that_takes_one() {
        JavalinTest.test(server(), (server, client) -> {
            String bigQuestion = "{\"question\": \"" + TOO_LARGE + "\"}";
            String bigForm = "command=%2Fask-article&text=" + TOO_LARGE;
            List<Response> refused = List.of(
                    post(client, "/api/ask", "application/json", bigQuestion, Map.of("X-Forwarded-For", "192.0.2.10")),
                    post(client, "/api/ask/stream", "application/json", bigQuestion, Map.of("X-Forwarded-For", "192.0.2.11")),
                    post(client, "/v1/chat/completions", "application/json", "{\"messages\": [{\"role\": \"user\", "
                            + "\"content\": \"" + TOO_LARGE + "\"}]}", Map.of("X-Forwarded-For", "192.0.2.12")),
                    post(client, "/slack/events", "application/json", bigQuestion, slackSigned(bigQuestion)),
                    post(client, "/slack/commands", "application/x-www-form-urlencoded", bigForm, slackSigned(bigForm)));

            List<String> paths = List.of("/api/ask", "/api/ask/stream", "/v1/chat/completions", "/slack/events",
                    "/slack/commands");
            for (int i = 0; i < refused.size(); i++) {
                Response response = refused.get(i);
                assertThat(response.code()).isEqualTo(413);
                assertThat(ResponseHeaders.first(response, "Content-Type")).startsWith("application/json");
                JsonErrors.assertError(paths.get(i), 413, response.body().string());
            }
        });
    }
}
