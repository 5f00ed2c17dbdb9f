package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Errors that Jetty answers before any route is reached are JSON too, never Jetty's HTML page. */
class JettyErrorsTest {

    private final Javalin app = HttpApi.create(TestApp.shared().answers()).start("127.0.0.1", 0);

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void answers_headers_too_large_for_the_server_with_a_json_error() throws IOException {
        String reply = send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 431").contains("application/json").contains("\"status\":431")
                .doesNotContain("<html", "<h1");
    }

    @Test
    void answers_a_malformed_request_line_with_a_json_error() throws IOException {
        String reply = send("GET /health HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(reply).matches("(?s)HTTP/1.1 [45]\\d\\d .*").contains("application/json").doesNotContain("<html");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
