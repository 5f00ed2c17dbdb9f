package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.articlechat.ArticleChat;
import dev.articlechat.support.CapturedLogs;
import dev.articlechat.support.EventStreamClient;
import dev.articlechat.support.Eventually;
import dev.articlechat.support.FakeOpenAiServer;
import dev.articlechat.support.FakeOpenAiServer.Reply;
import dev.articlechat.support.TestApp;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A client that leaves mid-answer, with the server's default settings (a keep-alive comment only every 15 s): the
 * stream is probed while quiet, so the model's generation is stopped (and logged once as cancelled) within a
 * fraction of a second of the tab closing, on the widget's stream and on OpenAI's alike, instead of at the next keep-alive or the model timeout.
 */
class ClosedTabTest {

    /** The model writes one long sentence slowly: nothing is sent to the client until it ends. */
    private static final String LONG_SENTENCE = "Carney's visit to China began on Wednesday and "
            + "it is the first trip by a Canadian prime minister to China in eight years ".repeat(20);
    /**
     * About two probes of the stream and a poll of the model's stream: 180 to 400 ms on a quiet machine, with room
     * for a loaded one (before the probes: not within 10 s).
     */
    private static final long STOPPED_WITHIN_MS = 1_500;

    private static FakeOpenAiServer fake;
    private static ArticleChat app;

    @BeforeAll
    static void startTheFakeModelAndTheApp() {
        fake = FakeOpenAiServer.start();
        app = ArticleChat.open(TestApp.withOpenAiModel(fake.baseUrl(), Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stopThem() throws IOException {
        app.close();
        fake.close();
    }

    @AfterEach
    void reset() {
        fake.reset();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/ask/stream|{\"question\": \"When did the visit to China begin, and what does it mark?\"}|event: sources",
            "/v1/chat/completions|{\"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"When did the visit to China begin, and what does it mark?\"}]}|data: {"})
    void stops_the_generation_within_a_second_of_the_client_leaving(String path, String body, String firstLine) {
        fake.replyWith(request -> Reply.content(LONG_SENTENCE + "[" + request.numberOf("which began on Wednesday")
                + "].").streamedSlowly(Duration.ofMillis(50)));

        try (CapturedLogs logs = CapturedLogs.start()) {
            JavalinTest.test(HttpApi.create(app.answers(), ServerOptions.defaults()), (server, client) -> {
                EventStreamClient.postAndHangUpAt("127.0.0.1", server.port(), path, body, firstLine);
                long left = System.currentTimeMillis();

                assertThat(Eventually.within(Duration.ofSeconds(10), () -> fake.streamsAbandoned() == 1))
                        .as("the model's stream was closed").isTrue();
                List<ILoggingEvent> cancelled = logs.events().stream()
                        .filter(e -> e.getFormattedMessage().contains("nobody is waiting for the answer")).toList();
                assertThat(cancelled).as("logged once as cancelled").hasSize(1);
                long noticedAfterMs = cancelled.get(0).getTimeStamp() - left;
                assertThat(noticedAfterMs).as("ms from the client leaving to the generation being stopped")
                        .isLessThan(STOPPED_WITHIN_MS);
            });
        }
    }
}
