package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.articlechat.answer.Question;
import dev.articlechat.answer.write.Answerer;
import dev.articlechat.answer.write.Draft;
import dev.articlechat.answer.write.DraftSink;
import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.support.CapturedLogs;
import dev.articlechat.support.ResponseHeaders;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Test;

/** Every response carries an X-Request-Id, and the log lines of its request carry the same id. */
class RequestIdTest {

    /** A model that fails in a way nobody planned for: the server logs it, with the request's id. */
    static final Answerer BROKEN = new Answerer() {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public Draft draft(Question question, Retrieval retrieval, DraftSink sentences) {
            throw new IllegalStateException("cannot read /srv/article-chat/secret/index/segments_3");
        }
    };

    private static Response ask(HttpClient client, String requestId) {
        return client.request("/api/ask", request -> {
            request.header("Content-Type", "application/json")
                    .post(BodyPublishers.ofString("{\"question\": \"Who did Carney meet?\"}"));
            if (requestId != null) {
                request.header("X-Request-Id", requestId);
            }
        });
    }

    @Test
    void echoes_a_plain_request_id_and_generates_one_otherwise() {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            assertThat(ResponseHeaders.first(ask(client, "edge-7f3a.9_x"), "X-Request-Id")).isEqualTo("edge-7f3a.9_x");

            String generated = ResponseHeaders.first(ask(client, null), "X-Request-Id");
            String replaced = ResponseHeaders.first(ask(client, "two words;<script>"), "X-Request-Id");
            String tooLong = ResponseHeaders.first(ask(client, "a".repeat(65)), "X-Request-Id");

            assertThat(generated).matches("[0-9a-f]{24}");
            assertThat(replaced).matches("[0-9a-f]{24}");
            assertThat(tooLong).matches("[0-9a-f]{24}");
            assertThat(generated).isNotEqualTo(replaced);
        });
    }

    @Test
    void unknown_routes_and_errors_carry_a_request_id_too() {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()), (server, client) -> {
            assertThat(ResponseHeaders.first(client.get("/nowhere"), "X-Request-Id")).isNotBlank();
            assertThat(ResponseHeaders.first(client.post("/api/ask", "not json"), "X-Request-Id")).isNotBlank();
        });
    }

    @Test
    void the_log_lines_of_a_request_name_its_id() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            Javalin failing = HttpApi.create(TestApp.answeringWith(BROKEN), ServerOptions.defaults());
            JavalinTest.test(failing, (server, client) -> {
                Response failed = ask(client, "trace-me-42");

                assertThat(failed.code()).isEqualTo(500);
                ILoggingEvent logged = logs.events().stream()
                        .filter(event -> event.getFormattedMessage().startsWith("Unexpected failure"))
                        .findFirst().orElseThrow();
                assertThat(logged.getMDCPropertyMap()).containsEntry("requestId", "trace-me-42");
            });
        }
    }
}
