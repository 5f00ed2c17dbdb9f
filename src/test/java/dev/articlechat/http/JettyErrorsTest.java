package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Errors that Jetty answers before any route is reached are JSON too, never Jetty's HTML page. */
class JettyErrorsTest {

    private final Javalin app = HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults())
            .start("127.0.0.1", 0);

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

        assertThat(reply).startsWith("HTTP/1.1 400").contains("application/json").doesNotContain("<html");
    }

    @Test
    void answers_an_http_0_9_request_line_with_a_json_400_not_a_5xx() throws IOException {
        for (String line : List.of("GET /health\r\n\r\n", "GET /health\n\n", "GET /\r\n", "GET /health HTTP/0.9\r\n\r\n")) {
            String reply = send(line);

            assertThat(reply).as(line).startsWith("HTTP/1.1 400").contains("application/json")
                    .contains("\"status\":400").doesNotContain("<html");
        }
    }

    @Test
    void serves_a_burst_of_clients_from_a_bounded_pool_of_threads() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(128);
        try {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                replies.add(clients.submit(() -> send("GET /api/article HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n")));
            }
            for (Future<String> reply : replies) {
                assertThat(reply.get(60, TimeUnit.SECONDS)).startsWith("HTTP/1.1 200");
            }
        } finally {
            clients.shutdownNow();
        }

        QueuedThreadPool pool = (QueuedThreadPool) app.jettyServer().server().getThreadPool();
        assertThat(pool.getMaxThreads()).isEqualTo(HttpApi.MAX_THREADS);
        assertThat(pool.getThreads()).isLessThanOrEqualTo(HttpApi.MAX_THREADS);
    }

    @Test
    void answers_an_http2_preface_with_a_json_4xx() throws IOException {
        String reply = send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

        assertThat(reply).matches("(?s)HTTP/1.1 4\\d\\d .*").contains("application/json").contains("\"status\":4");
    }

    @Test
    void closes_connections_that_send_their_headers_a_byte_at_a_time_after_the_header_deadline() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(clients.submit(this::sendHeadersSlowly));
            }
            long started = System.nanoTime();
            for (Future<String> reply : replies) {
                assertThat(reply.get(30, TimeUnit.SECONDS)).startsWith("HTTP/1.1 408").contains("application/json")
                        .contains("\"status\":408");
            }
            long heldMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(heldMillis).isLessThan(HttpApi.HEADER_DEADLINE.toMillis() + 3_000);
        } finally {
            clients.shutdownNow();
        }
        assertThat(send("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    /** A header byte every 100 ms, for far longer than the deadline; what the server said once it had enough. */
    private String sendHeadersSlowly() throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(100);
            byte[] head = ("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "a".repeat(400))
                    .getBytes(StandardCharsets.ISO_8859_1);
            StringBuilder reply = new StringBuilder();
            for (byte b : head) {
                try {
                    socket.getOutputStream().write(b);
                    int n = socket.getInputStream().read();
                    if (n < 0) {
                        return reply.toString();
                    }
                    reply.append((char) n).append(new String(socket.getInputStream().readAllBytes(),
                            StandardCharsets.ISO_8859_1));
                    return reply.toString();
                } catch (java.net.SocketTimeoutException nothingYet) {
                    // the server is still waiting for the rest
                } catch (IOException closed) {
                    return reply.toString();
                }
            }
            return reply.toString();
        }
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
