package dev.articlechat.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.articlechat.slack.SlackSettings;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the whole HTTP surface: fuzzed requests go over loopback to the real app (the
 * extractive answerer, Slack routes on), and no response may be a 500 or an error that is not the JSON error
 * shape {@code {"error": "...", "status": N}}. A 503 is allowed only as that shape: it is the documented answer
 * when Slack questions queue up.
 *
 * <p>An input reads like an HTTP request: a first line {@code METHOD /path}, header lines, a blank line and the
 * body. The header line {@code X-Slack-Signature: sign} is replaced by Slack's real signature of the body, so
 * that fuzzing reaches past the signature check into the Slack controllers.
 * Seeds and regression inputs: {@code src/test/resources/dev/articlechat/http/HttpApiFuzzTestInputs/}.
 */
class HttpApiFuzzTest {

    private static final String SECRET = "fuzzing-signing-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Javalin app;
    private static SinkServer slack;
    private static HttpClient client;
    private static String origin;

    @BeforeAll
    static void startTheApp() throws IOException {
        slack = SinkServer.start();
        // no bot token: mentions are read and acknowledged but not answered; command answers go to the sink
        app = HttpApi.create(TestApp.shared().answers(), null,
                new SlackSettings(SECRET, null, SlackSettings.EPHEMERAL, slack.url() + "/api/", null))
                .start("127.0.0.1", 0);
        origin = "http://127.0.0.1:" + app.port();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopIt() {
        if (app != null) {
            app.stop();
        }
        slack.close();
    }

    @FuzzTest(maxDuration = "10s")
    void answers_any_request_without_a_500_and_with_json_errors(byte[] input) throws Exception {
        FuzzedRequest fuzzed = FuzzedRequest.parse(new String(input, UTF_8), slack.url());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + fuzzed.path()))
                .timeout(Duration.ofSeconds(30))
                .method(fuzzed.method(), HttpRequest.BodyPublishers.ofString(fuzzed.body()));
        fuzzed.headers().forEach((name, value) -> request.header(name,
                value.equals("sign") && name.equalsIgnoreCase(SlackSignature.HeaderNames.X_SLACK_SIGNATURE)
                        ? new SlackSignature.Generator(SECRET).generate(fuzzed.timestamp(), fuzzed.body()) : value));

        HttpResponse<String> response = send(request.build());

        String what = fuzzed.method() + " " + fuzzed.path() + " → " + response.statusCode() + " " + response.body();
        assertThat(response.statusCode()).as(what).isNotEqualTo(500).isLessThan(600);
        if (response.statusCode() >= 500) {
            assertThat(response.statusCode()).as(what).isEqualTo(503);
        }
        if (response.statusCode() >= 400 && !fuzzed.method().equals("HEAD")) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("error").isTextual()).as(what).isTrue();
            assertThat(error.path("status").asInt()).as(what).isEqualTo(response.statusCode());
            assertThat(response.body()).as(what).doesNotContain("Exception", "\tat ", "dev.articlechat");
        }
    }

    /**
     * Once more on a closed connection: after a request it refuses, Jetty closes the connection, and the client may
     * already have taken that connection from its pool for the next request. A second failure is a real one.
     */
    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (IOException closedUnderneath) {
            return client.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
        }
    }
}
