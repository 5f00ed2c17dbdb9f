package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.support.CapturedLogs;
import dev.articlechat.support.JsonErrors;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pages the server serves itself (demo page, widget script), their security headers, and CORS for /api/*. */
class WebRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMBEDDER = "https://news.example";

    private static Javalin app(String... corsOrigins) {
        return HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()
                .withWeb(new HttpSettings(List.of(corsOrigins))));
    }

    @Test
    void serves_the_demo_page_at_the_root_with_a_strict_content_security_policy() {
        JavalinTest.test(app(), (server, client) -> {
            Response page = client.get("/");

            assertThat(page.code()).isEqualTo(200);
            assertThat(page.headers().get("Content-Type")).first().asString().startsWith("text/html");
            assertThat(page.body().string()).containsPattern("<script[^>]* src=\"widget.js\"").doesNotContain("<style");
            assertThat(page.headers().get("Content-Security-Policy")).first().asString()
                    .contains("script-src 'self'").contains("style-src 'self'").contains("connect-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(page.headers().get("Referrer-Policy")).isNotEmpty();
        });
    }

    @Test
    void serves_the_widget_as_javascript_that_reads_the_same_in_any_page_encoding() {
        JavalinTest.test(app(), (server, client) -> {
            Response script = client.get("/widget.js");

            assertThat(script.code()).isEqualTo(200);
            assertThat(script.headers().get("Content-Type")).first().asString().startsWith("text/javascript");
            String source = script.body().string();
            assertThat(source).contains("attachShadow");
            // A page in another encoding reads a script in its own unless told; ASCII reads the same in all of them.
            assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(source)).isTrue();
            assertThat(source.length()).as("widget script and styles within 30 KB").isLessThanOrEqualTo(30 * 1024);
        });
    }

    @Test
    void keeps_json_errors_for_routes_that_do_not_exist() {
        JavalinTest.test(app(), (server, client) -> {
            for (String path : List.of("/api/nope", "/nope.html", "/web/widget.js")) {
                Response response = client.get(path);
                assertThat(response.code()).as(path).isEqualTo(404);
                JsonNode error = JSON.readTree(response.body().string());
                assertThat(error.get("status").asInt()).as(path).isEqualTo(404);
                assertThat(error.get("error").asText()).as(path).isNotBlank();
            }
        });
    }

    @Test
    void answers_the_preflight_of_a_configured_origin_for_a_json_post() {
        JavalinTest.test(app(EMBEDDER), (server, client) -> {
            for (String path : List.of("/api/ask", "/api/ask/stream")) {
                HttpResponse<String> preflight = preflight(server.port(), path, EMBEDDER);

                assertThat(preflight.statusCode()).as(path).isBetween(200, 204);
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue(EMBEDDER);
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
                        .containsIgnoringCase("content-type");
            }
        });
    }

    @Test
    void lets_a_configured_origin_read_answers_and_json_errors() {
        JavalinTest.test(app(EMBEDDER), (server, client) -> {
            Response answer = client.post("/api/ask", Map.of("question", "Who did Carney meet in Beijing?"),
                    request -> request.header("Origin", EMBEDDER));
            Response error = client.post("/api/ask", Map.of("question", ""), request -> request.header("Origin", EMBEDDER));

            assertThat(answer.code()).isEqualTo(200);
            assertThat(answer.headers().get("Access-Control-Allow-Origin")).containsExactly(EMBEDDER);
            assertThat(error.code()).isEqualTo(400);
            assertThat(error.headers().get("Access-Control-Allow-Origin")).containsExactly(EMBEDDER);
            assertThat(JSON.readTree(error.body().string()).get("status").asInt()).isEqualTo(400);
        });
    }

    @Test
    void answers_a_preflight_of_a_configured_origin_with_204() {
        JavalinTest.test(app(EMBEDDER), (server, client) -> {
            for (String path : List.of("/api/ask", "/api/ask/stream", "/v1/chat/completions")) {
                HttpResponse<String> preflight = preflight(server.port(), path, EMBEDDER);

                assertThat(preflight.statusCode()).as(path).isEqualTo(204);
                assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).as(path).hasValue("7200");
                assertThat(preflight.headers().firstValue("Vary")).as(path).hasValue("Origin");
            }
        });
    }

    /** Each route and method a page elsewhere might try; none may run, whatever it sends. */
    static Stream<String[]> foreignRequests() {
        return Stream.of(new String[] {"POST", "/api/ask", "{\"question\": \"Who did Carney meet?\"}"},
                new String[] {"POST", "/api/ask", "{\"question\": \"\"}"},
                new String[] {"POST", "/api/ask/stream", "{\"question\": \"Who did Carney meet?\"}"},
                new String[] {"POST", "/v1/chat/completions", "{\"messages\": [{\"role\": \"user\", \"content\": \"Who?\"}]}"},
                new String[] {"GET", "/api/article", null}, new String[] {"GET", "/api/articles", null},
                new String[] {"HEAD", "/api/article", null}, new String[] {"GET", "/v1/models", null},
                new String[] {"DELETE", "/api/ask", null}, new String[] {"GET", "/api/no-such-route", null});
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("foreignRequests")
    void refuses_a_request_from_another_origin_with_403_before_any_route_runs(String method, String path,
                                                                               String body) {
        for (Javalin app : List.of(app(EMBEDDER), app())) {
            JavalinTest.test(app, (server, client) -> {
                for (String origin : List.of("https://elsewhere.example", "null", "https://news.example.evil.example",
                        "http://localhost:" + (server.port() + 1))) {
                    HttpResponse<String> response = send(server.port(), method, path, body, origin);

                    assertThat(response.statusCode()).as(origin + " " + response.body()).isEqualTo(403);
                    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
                    if (!method.equals("HEAD")) {
                        assertThat(JsonErrors.assertError(path, 403, response.body())).contains("may not call this API");
                    }
                }
                HttpResponse<String> foreignPreflight = preflight(server.port(), path, "https://elsewhere.example");
                assertThat(foreignPreflight.statusCode()).isEqualTo(403);
                assertThat(foreignPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            });
        }
    }

    @Test
    void logs_a_refused_origin_once_with_how_to_allow_it_since_the_page_cannot_read_why() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            JavalinTest.test(app(EMBEDDER), (server, client) -> {
                for (int i = 0; i < 3; i++) {
                    send(server.port(), "POST", "/api/ask", "{\"question\": \"Who?\"}", "https://elsewhere.example");
                    preflight(server.port(), "/api/ask", "https://elsewhere.example");
                }
                send(server.port(), "GET", "/api/article", null, "https://other.example");
            });

            List<String> refused = logs.events().stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(line -> line.startsWith("Refused a request")).toList();
            assertThat(refused).hasSize(2);
            assertThat(refused.get(0)).contains("/api/ask", "https://elsewhere.example",
                    "--cors-origin https://elsewhere.example");
            assertThat(refused.get(1)).contains("/api/article", "https://other.example");
        }
    }

    @Test
    void lets_the_servers_own_pages_call_the_api_with_their_origin() {
        JavalinTest.test(app(EMBEDDER), (server, client) -> {
            HttpResponse<String> own = send(server.port(), "POST", "/api/ask",
                    "{\"question\": \"Who did Carney meet in Beijing?\"}", "http://localhost:" + server.port());

            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        });
    }

    @Test
    void sends_no_cors_headers_at_all_unless_origins_are_configured() {
        JavalinTest.test(app(), (server, client) -> {
            HttpResponse<String> preflight = preflight(server.port(), "/api/ask", EMBEDDER);

            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        });
    }

    @Test
    void allows_every_origin_only_when_told_to_with_a_star() {
        JavalinTest.test(app("*"), (server, client) -> {
            HttpResponse<String> preflight = preflight(server.port(), "/api/ask", "https://anyone.example");

            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        });
    }

    private static HttpResponse<String> send(int port, String method, String path, String body, String origin)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Origin", origin);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> preflight(int port, String path, String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
