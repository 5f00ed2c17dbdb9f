package dev.articlechat.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.slack.api.app_backend.SlackSignature;
import dev.articlechat.slack.SlackSettings;
import dev.articlechat.support.JsonErrors;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
 * that fuzzing reaches past the signature check into the Slack controllers. A header line {@code X-Cut: N} sends the
 * request on a socket of its own with its body cut short, one of {@link TruncatedBody}'s ways, after about N bytes.
 * Seeds and regression inputs: {@code src/test/resources/dev/articlechat/http/HttpApiFuzzTestInputs/}.
 */
class HttpApiFuzzTest {

    private static final String SECRET = "fuzzing-signing-secret";

    private static Javalin app;
    private static SinkServer slack;
    private static HttpClient client;
    private static String origin;

    @BeforeAll
    static void startTheApp() throws IOException {
        slack = SinkServer.start();
        // no bot token: mentions are read and acknowledged but not answered; command answers go to the sink
        app = HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()
                .withSlack(new SlackSettings(SECRET, null, SlackSettings.EPHEMERAL, slack.url() + "/api/", null)))
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
        if (fuzzed.cut() >= 0) {
            sendCut(fuzzed);
            return;
        }
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
            JsonErrors.assertError(shapedBy(fuzzed.path()), response.statusCode(), response.body());
            assertThat(response.body()).as(what).doesNotContain("dev.articlechat");
        }
    }

    /**
     * The body cut short, as {@link TruncatedBody} cuts it (a Content-Length longer than what is sent, a chunk cut
     * short, no last chunk), sent on a socket that is then half-closed: a 4xx JSON error, never a 500.
     */
    private static void sendCut(FuzzedRequest fuzzed) throws IOException {
        String body = new String(fuzzed.body().getBytes(UTF_8), StandardCharsets.ISO_8859_1);
        // fewer bytes than the body has, so that every way of cutting it leaves it incomplete
        List<TruncatedBody> ways = TruncatedBody.cutAt(body, body.isEmpty() ? 0 : fuzzed.cut() % body.length());
        TruncatedBody cut = ways.get(fuzzed.cut() % ways.size()).to(fuzzed.path());
        StringBuilder headers = new StringBuilder();
        fuzzed.headers().forEach((name, value) -> headers.append(name).append(": ").append(
                value.equals("sign") && name.equalsIgnoreCase(SlackSignature.HeaderNames.X_SLACK_SIGNATURE)
                        ? new SlackSignature.Generator(SECRET).generate(fuzzed.timestamp(), cut.sent()) : value)
                .append("\r\n"));

        RawHttp.Reply reply = RawHttp.send(app.port(), cut.request(headers.toString()), true, 30_000);

        String what = cut + " → " + reply.text();
        assertThat(reply.status()).as(what).isBetween(400, 499);
        assertThat(reply.head()).as(what).containsIgnoringCase("Content-Type: application/json");
        JsonErrors.assertError(shapedBy(fuzzed.path()), reply.status(), reply.body());
    }

    /**
     * The path whose error shape applies. Jetty refuses an encoded NUL in a path segment while it parses the request
     * line, before there is a path to tell /v1 by: that error has the plain shape wherever it was sent. A NUL in the
     * query, or in a segment's parameters (after its {@code ;}), is read as usual.
     */
    private static String shapedBy(String path) {
        boolean refusedWhileParsed = Arrays.stream(path.split("\\?", 2)[0].split("/"))
                .anyMatch(segment -> segment.split(";", 2)[0].contains("%00"));
        return refusedWhileParsed ? "/" : path;
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
