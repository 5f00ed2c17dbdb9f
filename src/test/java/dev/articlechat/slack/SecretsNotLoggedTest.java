package dev.articlechat.slack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.http.HttpApi;
import dev.articlechat.http.RateLimit;
import dev.articlechat.http.ServerOptions;
import dev.articlechat.model.ChatModelSettings;
import dev.articlechat.support.CapturedLogs;
import dev.articlechat.support.FakeOpenAiServer;
import dev.articlechat.support.FakeOpenAiServer.Reply;
import dev.articlechat.support.TestApp;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole application with every secret it can hold (a model API key, Slack's signing secret and bot token,
 * a metrics token), asked over every route, with failures on the way: no log line, at DEBUG, holds a secret.
 */
class SecretsNotLoggedTest {

    private static final String MODEL_KEY = "sk-model-key-that-must-never-be-logged-7Qx";
    private static final String METRICS_TOKEN = "metrics-token-that-must-never-be-logged-3Zp";
    private static final String WEDNESDAY = "which began on Wednesday";

    @Test
    void no_log_line_holds_the_model_key_the_slack_secrets_or_the_metrics_token() throws Exception {
        List<String> secrets = List.of(MODEL_KEY, METRICS_TOKEN, SlackRequests.SECRET, FakeSlack.TOKEN);
        List<String> responses = new ArrayList<>();
        try (CapturedLogs logs = CapturedLogs.start();
             FakeOpenAiServer model = FakeOpenAiServer.start();
             FakeSlack slack = new FakeSlack();
             ArticleChat chat = ArticleChat.open(Settings.defaults(TestApp.temporaryIndexDir()).withChatModel(
                     ChatModelSettings.openAi(model.baseUrl(), "fake-model", MODEL_KEY)
                             .withTimeout(Duration.ofSeconds(10))))) {
            model.replyWith(request -> Reply.content("Carney's visit to China began on Wednesday ["
                    + request.numberOf(WEDNESDAY) + "]."));
            ServerOptions options = ServerOptions.defaults()
                    .withSlack(SlackRequests.settings(slack, SlackSettings.EPHEMERAL))
                    .withMetrics(chat.metrics(), METRICS_TOKEN).withRateLimit(new RateLimit(600, 100, false));

            JavalinTest.test(HttpApi.create(chat.answers(), options), (server, client) -> {
                responses.add(json(client, "/api/ask", "{\"question\": \"When did Carney's visit begin?\"}").body().string());
                responses.add(json(client, "/api/ask/stream", "{\"question\": \"When did the visit start?\"}").body().string());
                responses.add(json(client, "/v1/chat/completions",
                        "{\"messages\": [{\"role\": \"user\", \"content\": \"When did the trip begin?\"}]}").body().string());
                model.replyWith(Reply.raw(500, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));
                responses.add(json(client, "/api/ask", "{\"question\": \"Which day did the China trip begin?\"}").body().string());
                responses.add(client.get("/metrics", r -> r.header("Authorization", "Bearer " + METRICS_TOKEN)).body().string());
                responses.add(client.get("/metrics", r -> r.header("Authorization", "Bearer x" + METRICS_TOKEN)).body().string());

                String text = "<@UBOT> Who did Carney meet in Beijing?";
                String ts = slack.userWrote("C1", null, "U1", text);
                responses.add(SlackRequests.event(client, SlackRequests.mention("Ev1", "C1", ts, null, "U1", text)).body().string());
                responses.add(SlackRequests.command(client, "team_id=T1&channel_id=C1&user_id=U1&user_name=reader"
                        + "&command=%2Fask-article&text="
                        + URLEncoder.encode("Who did Carney meet?", UTF_8) + "&response_url="
                        + URLEncoder.encode(slack.responseUrl("r1"), UTF_8)).body().string());
                responses.add(SlackRequests.post(client, "/slack/events", "application/json", "{}",
                        Map.of("X-Slack-Request-Timestamp", SlackRequests.now(), "X-Slack-Signature", "v0=forged")).body().string());
                slack.await("chat.postMessage", 1);
                slack.await("response_url", 1);
            });

            assertThat(model.lastRequest().authorization()).isEqualTo("Bearer " + MODEL_KEY); // the key was used
            List<String> lines = logs.lines();
            assertThat(lines).hasSizeGreaterThan(5);
            for (String secret : secrets) {
                assertThat(lines).as("log lines holding " + secret).noneMatch(line -> line.contains(secret));
                assertThat(responses).as("responses holding " + secret).noneMatch(body -> body.contains(secret));
            }
        }
    }

    private static Response json(io.javalin.testtools.HttpClient client, String path, String body) {
        return client.request(path, request -> request.header("Content-Type", "application/json")
                .post(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }
}
