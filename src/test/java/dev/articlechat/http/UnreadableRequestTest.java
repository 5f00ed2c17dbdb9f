package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.support.JsonErrors;
import dev.articlechat.support.TestApp;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests the server cannot read, found by fuzzing: those Jetty refuses before any route sees them (an encoded NUL
 * in the path) and bodies in a charset the JVM does not have. They get the JSON error every route gives, not
 * Jetty's HTML page or a 500.
 */
class UnreadableRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_path_with_an_encoded_nul_gets_a_json_400() {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            String response = raw(server.port(), "GET /api/art%00icle HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertJsonError(response, 400);
        });
    }

    @Test
    void a_post_to_a_path_with_an_encoded_nul_gets_a_json_400() {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            String response = raw(server.port(), "POST /%00%00 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                    + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");

            assertJsonError(response, 400);
        });
    }

    @Test
    void a_request_line_that_is_not_http_gets_a_json_400() {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            String response = raw(server.port(), "GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header\u0001: x\r\n\r\n");

            assertJsonError(response, 400);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"charset=utf-7", "charsetAutf-8"})
    void a_body_in_a_charset_the_server_does_not_have_or_cannot_parse_gets_a_json_415(String charset) {
        String body = "{\"question\": \"Who?\", \"messages\": [{\"role\": \"user\", \"content\": \"Who?\"}]}";
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            for (String path : new String[] {"/api/ask", "/api/ask/stream", "/v1/chat/completions"}) {
                String response = raw(server.port(), "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json; " + charset + "\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body);

                assertThat(response).as(path).startsWith("HTTP/1.1 415");
                String message = JsonErrors.assertError(path, 415, response.substring(response.indexOf("\r\n\r\n") + 4));
                assertThat(message).isEqualTo("The request's charset cannot be read; send UTF-8.");
            }
        });
    }

    /** Javalin decodes the query string with the request's charset too: found by fuzzing as a 500 on a GET. */
    @ParameterizedTest
    @ValueSource(strings = {"charset=utf-7", "charsetAutf-8"})
    void any_request_in_a_charset_the_server_cannot_read_gets_a_json_415_before_its_route(String charset) {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            for (String target : new String[] {"/api/article?/ask/stream", "/api/article?id=x", "/api/articles",
                    "/v1/models", "/health", "/nowhere?x"}) {
                String response = raw(server.port(), "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json; " + charset + "\r\nConnection: close\r\n\r\n");

                assertThat(response).as(target).startsWith("HTTP/1.1 415");
                JsonErrors.assertError(target, 415, response.substring(response.indexOf("\r\n\r\n") + 4));
            }
        });
    }

    private static void assertJsonError(String response, int status) throws IOException {
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        assertThat(head).startsWith("HTTP/1.1 " + status).containsIgnoringCase("Content-Type: application/json");
        JsonNode error = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("error").asText()).startsWith("The request could not be read");
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
