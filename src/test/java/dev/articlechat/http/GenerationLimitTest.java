package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.support.FakeOpenAiServer;
import dev.articlechat.support.FakeOpenAiServer.Reply;
import dev.articlechat.support.JsonErrors;
import dev.articlechat.support.ResponseHeaders;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A slow language model (the loopback OpenAI-compatible fake, two seconds a reply) with one generation at a
 * time and one question waiting: the rest are turned away at once with 503 and Retry-After, and none hangs.
 */
class GenerationLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEDNESDAY = "which began on Wednesday";
    private static final Duration SLOW = Duration.ofSeconds(2);

    private static FakeOpenAiServer fake;
    private static ArticleChat app;

    @BeforeAll
    static void startASlowModelWithOneSlotAndAQueueOfOne() {
        fake = FakeOpenAiServer.start();
        app = ArticleChat.open(TestApp.withOpenAiModel(fake.baseUrl(), Duration.ofSeconds(20))
                .withGenerations(new Settings.Generations(1, 1)));
    }

    @AfterAll
    static void stopThem() throws IOException {
        app.close();
        fake.close();
    }

    @AfterEach
    void forgetTheScript() {
        fake.reset();
    }

    private static Javalin server() {
        return HttpApi.create(app.answers(), ServerOptions.defaults().withMetrics(app.metrics(), null));
    }

    private static void replySlowlyAboutWednesday() {
        fake.replyWith(request -> Reply.content("Carney's visit to China began on Wednesday ["
                + request.numberOf(WEDNESDAY) + "].").after(SLOW));
    }

    private static Response ask(HttpClient client, String path, String body) {
        return client.request(path, request -> request.header("Content-Type", "application/json")
                .post(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    private static List<Future<Response>> askAtOnce(ExecutorService pool, HttpClient client, int count, String topic) {
        List<Future<Response>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String question = "{\"question\": \"" + topic + " " + i + ": when did Carney's visit to China begin?\"}";
            responses.add(pool.submit(() -> ask(client, "/api/ask", question)));
        }
        return responses;
    }

    @Test
    void answers_one_and_queues_one_and_sheds_the_rest_with_retry_after() throws Exception {
        replySlowlyAboutWednesday();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        JavalinTest.test(server(), (server, client) -> {
            List<Future<Response>> responses = askAtOnce(pool, client, 4, "Shed");

            List<Integer> codes = new ArrayList<>();
            for (Future<Response> future : responses) {
                Response response = future.get(15, TimeUnit.SECONDS); // none hangs
                codes.add(response.code());
                if (response.code() == 503) {
                    assertThat(Integer.parseInt(ResponseHeaders.first(response, "Retry-After"))).isBetween(1, 60);
                    JsonNode body = JSON.readTree(response.body().string());
                    assertThat(body.get("status").asInt()).isEqualTo(503);
                    assertThat(body.get("error").asText()).contains("busy");
                }
            }

            assertThat(codes).containsExactlyInAnyOrder(200, 200, 503, 503);
            assertThat(app.metrics().scrape()).contains("articlechat_requests_shed_total 2.0");
        });
        pool.shutdownNow();
    }

    @Test
    void a_stream_asked_while_the_model_is_saturated_gets_a_json_503_before_any_event() throws Exception {
        replySlowlyAboutWednesday();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        JavalinTest.test(server(), (server, client) -> {
            List<Future<Response>> busy = askAtOnce(pool, client, 2, "Stream");
            Thread.sleep(500); // both let in: one answering, one waiting

            Response stream = ask(client, "/api/ask/stream", "{\"question\": \"When did the visit begin?\"}");
            Response completion = ask(client, "/v1/chat/completions",
                    "{\"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"When did the trip begin?\"}]}");

            for (Response shed : List.of(stream, completion)) {
                assertThat(shed.code()).isEqualTo(503);
                assertThat(ResponseHeaders.first(shed, "Content-Type")).startsWith("application/json");
                assertThat(ResponseHeaders.first(shed, "Retry-After")).isNotNull();
            }
            JsonErrors.assertError("/api/ask/stream", 503, stream.body().string());
            JsonErrors.assertError("/v1/chat/completions", 503, completion.body().string());
            for (Future<Response> response : busy) {
                assertThat(response.get(15, TimeUnit.SECONDS).code()).isEqualTo(200);
            }
        });
        pool.shutdownNow();
    }

    @Test
    void counts_the_tokens_a_model_writes_and_its_fallbacks_by_reason() {
        fake.replyWith(request -> Reply.content("Carney's visit to China began on Wednesday ["
                + request.numberOf(WEDNESDAY) + "]. He was greeted by Premier Li Qiang at the airport ["
                + request.numberOf(WEDNESDAY) + "]."));
        JavalinTest.test(server(), (server, client) -> {
            Response answered = ask(client, "/api/ask", "{\"question\": \"Which day did Carney's China trip start?\"}");
            assertThat(JSON.readTree(answered.body().string()).get("fallback").asText()).startsWith("unsupported");

            String metrics = client.get("/metrics").body().string();

            assertThat(metrics).containsPattern("articlechat_tokens_generated_total [1-9]")
                    .contains("articlechat_fallbacks_total{reason=\"unsupported\"}")
                    .contains("articlechat_generation_seconds_count{model=\"extractive\"}")
                    .contains("articlechat_generations_active 0.0");
        });
    }
}
