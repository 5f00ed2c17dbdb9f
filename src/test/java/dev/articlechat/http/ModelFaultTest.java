package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.ArticleChat;
import dev.articlechat.support.EventStreamClient;
import dev.articlechat.support.EventStreamClient.Event;
import dev.articlechat.support.EventStreamClient.Response;
import dev.articlechat.support.MisbehavingModelServer;
import dev.articlechat.support.MisbehavingModelServer.Fault;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OpenAI-compatible model fails the ways real servers do (dies mid-stream, hangs before or after its headers,
 * answers with garbage), and every route that asks it still gives the client a clean outcome within the model
 * timeout and a margin: the extractive answer with {@code fallback} saying why, or a JSON error or error event,
 * never a hung request or a 500. The margin is generous; the point is "bounded", not a speed.
 */
class ModelFaultTest {

    private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(2);
    /** Retrieval, the extractive answer and a loaded machine; a hung request would take the client's 60 s. */
    private static final Duration MARGIN = Duration.ofSeconds(15);
    private static final List<String> REASONS = List.of("model error", "timeout", "empty", "unsupported", "refused");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger ASKED = new AtomicInteger();

    private static MisbehavingModelServer model;
    private static ArticleChat chat;
    private static Javalin app;
    private static String origin;

    @BeforeAll
    static void startTheMisbehavingModelAndTheApp() {
        model = MisbehavingModelServer.start();
        chat = ArticleChat.open(TestApp.withOpenAiModel(model.baseUrl(), MODEL_TIMEOUT));
        app = HttpApi.create(chat.answers(), ServerOptions.defaults()
                .withKeepAlive(Duration.ofMillis(500))).start("127.0.0.1", 0);
        origin = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stopThem() throws IOException {
        app.stop();
        chat.close();
        model.close();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void ask_gets_the_extractive_answer_and_the_reason_when_the_model(Fault fault) {
        model.failWith(fault);

        Response response = withinTheTimeout(() -> EventStreamClient.postJson(origin + "/api/ask", question()));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertFellBack(json(response.body()));
        assertThat(json(response.body()).path("fallback").asText()).startsWith(reasonFor(fault));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void ask_stream_ends_with_one_answer_event_that_says_why_when_the_model(Fault fault) {
        model.failWith(fault);

        Response stream = withinTheTimeout(() -> EventStreamClient.postJson(origin + "/api/ask/stream", question()));

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.names()).as(stream.body()).startsWith("sources").endsWith("answer")
                .doesNotContain("error").containsOnlyOnce("answer");
        assertFellBack(stream.last().json());
        assertThat(stream.tokens()).as("what was streamed is replaced by the final answer").isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void a_chat_completion_is_the_extractive_answer_and_the_reason_when_the_model(Fault fault) {
        model.failWith(fault);

        Response response = withinTheTimeout(() -> EventStreamClient.postJson(origin + "/v1/chat/completions",
                "{\"model\": \"article-chat\", \"messages\": [{\"role\": \"user\", \"content\": " + quoted() + "}]}"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode completion = json(response.body());
        assertThat(completion.path("choices").path(0).path("message").path("content").asText()).isNotBlank();
        assertThat(completion.path("fallback").asText()).as(response.body()).satisfies(ModelFaultTest::isAReason);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void a_streamed_chat_completion_ends_with_the_reason_and_done_when_the_model(Fault fault) {
        model.failWith(fault);

        Response stream = withinTheTimeout(() -> EventStreamClient.postJson(origin + "/v1/chat/completions",
                "{\"model\": \"article-chat\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": "
                        + quoted() + "}]}"));

        assertThat(stream.status()).isEqualTo(200);
        List<Event> events = stream.events();
        assertThat(events.get(events.size() - 1).data()).as(stream.body()).isEqualTo("[DONE]");
        JsonNode last = events.get(events.size() - 2).json();
        assertThat(last.has("error")).as(stream.body()).isFalse();
        assertThat(last.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(last.path("fallback").asText()).as(stream.body()).satisfies(ModelFaultTest::isAReason);
    }

    /** A new question each time, so that no answer comes from the cache instead of the failing model. */
    private String question() {
        return "{\"question\": " + quoted() + "}";
    }

    private String quoted() {
        return "\"On which day did Carney's visit to China begin? (asked " + ASKED.incrementAndGet() + " times)\"";
    }

    private static Response withinTheTimeout(Supplier<Response> request) {
        int before = model.requests();
        long started = System.nanoTime();
        Response response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("the time to a complete response").isLessThan(MODEL_TIMEOUT.plus(MARGIN));
        assertThat(model.requests()).as("the failing model was asked").isGreaterThan(before);
        return response;
    }

    private static void assertFellBack(JsonNode answer) {
        assertThat(answer.path("model").asText()).as(answer.toString()).isEqualTo("extractive");
        assertThat(answer.path("fallback").asText()).as(answer.toString()).satisfies(ModelFaultTest::isAReason);
        assertThat(answer.path("answer").asText()).isNotBlank();
    }

    /** The reason a client is told, where the fault decides it; garbage may also read as an empty answer. */
    private static String reasonFor(Fault fault) {
        return switch (fault) {
            case HANGS_BEFORE_HEADERS, STALLS_MID_STREAM -> "timeout";
            case DIES_MID_STREAM, HTML_ERROR_PAGE -> "model error";
            default -> "";
        };
    }

    private static void isAReason(String fallback) {
        assertThat(REASONS).anySatisfy(reason -> assertThat(fallback).startsWith(reason));
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
