package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;

/** The pages the server serves itself (demo page, widget script), their security headers, and CORS for /api/*. */
class WebRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMBEDDER = "https://news.example";

    private static Javalin app(String... corsOrigins) {
        return HttpApi.create(TestApp.shared().answers(), null, new HttpSettings(List.of(corsOrigins)));
    }

    @Test
    void serves_the_demo_page_at_the_root_with_a_strict_content_security_policy() {
        JavalinTest.test(app(), (server, client) -> {
            Response page = client.get("/");

            assertThat(page.code()).isEqualTo(200);
            assertThat(page.headers().get("Content-Type")).first().asString().startsWith("text/html");
            assertThat(page.body().string()).contains("<script src=\"widget.js\"").doesNotContain("<style");
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
    void gives_other_origins_no_cors_permission() {
        JavalinTest.test(app(EMBEDDER), (server, client) -> {
            HttpResponse<String> preflight = preflight(server.port(), "/api/ask", "https://elsewhere.example");
            Response answer = client.post("/api/ask", Map.of("question", "Who did Carney meet?"),
                    request -> request.header("Origin", "https://elsewhere.example"));

            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(answer.headers().get("Access-Control-Allow-Origin")).isNullOrEmpty();
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
