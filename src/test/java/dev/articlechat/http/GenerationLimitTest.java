package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.support.EventStreamClient;
import dev.articlechat.support.FakeOpenAiServer;
import dev.articlechat.support.FakeOpenAiServer.Reply;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A slow language model (the loopback OpenAI-compatible fake, holding its replies until the test lets them go)
 * with one generation at a time and one question waiting: the rest are answered extractively at once, saying the
 * model is busy, and none hangs. Holding the replies, not timing them, keeps a loaded machine from reordering.
 */
class GenerationLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEDNESDAY = "which began on Wednesday";

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
    void answers_one_with_the_model_and_queues_one_and_answers_the_rest_extractively_saying_busy() throws Exception {
        // The model holds its first reply until the test lets it go, so however late the four questions arrive on
        // a loaded machine, one is generating and one is waiting while the other two are turned away.
        CountDownLatch release = new CountDownLatch(1);
        fake.replyWith(request -> {
            awaitQuietly(release);
            return Reply.content("Carney's visit to China began on Wednesday [" + request.numberOf(WEDNESDAY) + "].");
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        JavalinTest.test(server(), (server, client) -> {
            List<Future<Response>> responses = askAtOnce(pool, client, 4, "Shed");

            List<Future<Response>> backFirst = firstDone(responses, 2);
            List<String> turnedAway = answeredBy(backFirst);
            release.countDown();
            List<Future<Response>> letIn = new ArrayList<>(responses);
            letIn.removeAll(backFirst);

            assertThat(turnedAway).containsExactly("busy", "busy");
            assertThat(answeredBy(letIn)).containsExactly("model", "model");
            assertThat(app.metrics().scrape()).containsPattern("articlechat_requests_shed_total [2-9]")
                    .containsPattern("articlechat_fallbacks_total\\{reason=\"busy\"} [2-9]");
        });
        release.countDown();
        pool.shutdownNow();
    }

    /** Waits until the metrics show {@code line}, however slowly a loaded machine gets the requests there. */
    private static void awaitMetric(String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!app.metrics().scrape().contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(app.metrics().scrape()).contains(line);
    }

    private static void awaitQuietly(CountDownLatch release) {
        try {
            release.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first {@code count} responses to come back, in the order they came; fails if they take over 15 s. */
    private static List<Future<Response>> firstDone(List<Future<Response>> responses, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<Future<Response>> done = new ArrayList<>();
        while (done.size() < count && System.nanoTime() < deadline) {
            for (Future<Response> response : responses) {
                if (response.isDone() && !done.contains(response)) {
                    done.add(response);
                }
            }
            Thread.sleep(20);
        }
        assertThat(done).as("responses back while the model is held").hasSize(count);
        return done;
    }

    private static List<String> answeredBy(List<Future<Response>> responses) throws Exception {
        List<String> answeredBy = new ArrayList<>();
        for (Future<Response> future : responses) {
            Response response = future.get(15, TimeUnit.SECONDS); // none hangs
            assertThat(response.code()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body().string());
            answeredBy.add(body.path("fallback").asText("model").split(":")[0]);
        }
        return answeredBy;
    }

    @Test
    void a_stream_asked_while_the_model_is_saturated_gets_the_extractive_answer_at_once() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        fake.replyWith(request -> {
            awaitQuietly(release);
            return Reply.content("Carney's visit to China began on Wednesday [" + request.numberOf(WEDNESDAY) + "].");
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        JavalinTest.test(server(), (server, client) -> {
            List<Future<Response>> busy = askAtOnce(pool, client, 2, "Stream");
            awaitMetric("articlechat_generations_active 1.0"); // both let in: one answering, one waiting
            awaitMetric("articlechat_generations_waiting 1.0");

            EventStreamClient.Response stream = EventStreamClient.postJson(client.getOrigin() + "/api/ask/stream",
                    "{\"question\": \"When did the visit begin?\"}");

            assertThat(stream.names()).containsExactly("sources", "token", "answer");
            JsonNode answer = stream.last().json();
            assertThat(answer.get("fallback").asText()).startsWith("busy");
            assertThat(answer.get("model").asText()).isEqualTo("extractive");
            assertThat(stream.tokens()).isEqualTo(answer.get("answer").asText());
            release.countDown();
            for (Future<Response> response : busy) {
                assertThat(response.get(15, TimeUnit.SECONDS).code()).isEqualTo(200);
            }
        });
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void counts_the_tokens_a_model_writes_and_its_fallbacks_by_reason() {
        fake.replyWith(request -> Reply.content("Carney's visit to China began on Wednesday ["
                + request.numberOf(WEDNESDAY) + "]."));
        JavalinTest.test(server(), (server, client) -> {
            Response answered = ask(client, "/api/ask", "{\"question\": \"Which day did Carney's China trip start?\"}");
            assertThat(JSON.readTree(answered.body().string()).has("fallback")).isFalse();
            fake.replyWith(Reply.raw(500, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));
            Response fellBack = ask(client, "/api/ask", "{\"question\": \"On which day did the China trip start?\"}");
            assertThat(JSON.readTree(fellBack.body().string()).get("fallback").asText()).startsWith("model error");

            String metrics = client.get("/metrics").body().string();

            assertThat(metrics).containsPattern("articlechat_tokens_generated_total [1-9]")
                    .contains("articlechat_fallbacks_total{reason=\"model error\"}")
                    .contains("articlechat_generation_seconds_count{model=\"extractive\"}")
                    .contains("articlechat_generations_active 0.0");
        });
    }
}
