package dev.articlechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a user would: a fresh index directory, the real server, real HTTP. */
class JarEndToEndIT {

    private static final Path JAR = Path.of("target", "article-chat.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void serve_builds_the_index_from_scratch_and_answers_over_http() throws Exception {
        Path indexDir = work.resolve("index");
        int port = freePort();
        Process server = start("serve", "--port", String.valueOf(port), "--host", "127.0.0.1",
                "--index-dir", indexDir.toString(), "--model-provider", "extractive");
        try {
            HttpClient http = HttpClient.newHttpClient();
            waitForHealth(http, port, server);
            assertThat(Files.list(indexDir)).isNotEmpty();

            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"On which day did Carney's visit to China begin?\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.get("answered").asBoolean()).isTrue();
            assertThat(answer.get("answer").asText()).contains("Wednesday").contains("[1]");
            assertThat(answer.get("citations").get(0).get("quote").asText()).contains("which began on Wednesday");
        } finally {
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("server stops on SIGTERM").isTrue();
        }
    }

    @Test
    void index_then_ask_in_the_terminal_prints_the_answer_and_its_sources() throws Exception {
        Path indexDir = work.resolve("index");
        Process index = start("index", "--index-dir", indexDir.toString());
        assertThat(index.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(index.exitValue()).isZero();

        Process ask = start("ask", "--index-dir", indexDir.toString(), "--model-provider", "extractive",
                "Which minister echoed Carney's message in Beijing?");
        String out = new String(ask.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ask.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(ask.exitValue()).isZero();
        assertThat(out).contains("Anita Anand").contains("Sources:").contains("[1]");
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(work.resolve("stderr-" + args[0] + ".log").toFile())
                .start();
    }

    private static void waitForHealth(HttpClient http, int port, Process server) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server process is running").isTrue();
            try {
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server did not become healthy within 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
