package dev.articlechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with the real default local model, as the README's run command starts it. CI fetches the
 * model first (.ci/run); on a machine without it in models/ this test is skipped, not failed.
 */
class LocalModelEndToEndIT {

    private static final Path MODEL = Path.of("models", "SmolLM2-135M-Instruct.Q4_1.gguf");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void the_default_local_model_answers_a_dev_question_with_verified_citations() throws Exception {
        assumeTrue(Files.isRegularFile(MODEL), "the default model has not been fetched into models/");
        int port = freePort();
        Process server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/article-chat.jar", "serve", "--port", String.valueOf(port), "--host", "127.0.0.1",
                "--index-dir", work.resolve("index").toString(), "--models-dir", "models"))
                .redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            JsonNode health = waitForHealth(http, port, server);
            assertThat(health.get("model").asText()).isEqualTo("local:SmolLM2-135M-Instruct.Q4_1.gguf");

            JsonNode article = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/article")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/ask"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"question\":\"Which minister echoed Carney's message in Beijing?\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.get("answered").asBoolean()).isTrue();
            assertThat(answer.get("answer").asText()).contains("Anand").contains("[1]");
            assertThat(answer.get("model").asText()).isIn("local:SmolLM2-135M-Instruct.Q4_1.gguf", "extractive");
            String text = article.get("text").asText();
            for (JsonNode citation : answer.get("citations")) {
                assertThat(text.substring(citation.get("start").asInt(), citation.get("end").asInt()))
                        .isEqualTo(citation.get("quote").asText());
            }
            assertThat(answer.get("citations").get(0).get("quote").asText()).contains("Anita Anand echoed");
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server stops on SIGTERM").isTrue();
        }
    }

    private static JsonNode waitForHealth(HttpClient http, int port, Process server) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server process is running").isTrue();
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("server did not become healthy within 180 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
