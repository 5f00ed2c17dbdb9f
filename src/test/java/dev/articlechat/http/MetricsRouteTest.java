package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.ArticleChat;
import dev.articlechat.support.ResponseHeaders;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics}: Prometheus' text format with the server's meters, behind a token when one is set. */
class MetricsRouteTest {

    private static final String TOKEN = "metrics-token-for-tests";

    private static Javalin server(String token) {
        ArticleChat chat = TestApp.shared();
        return HttpApi.create(chat.answers(), ServerOptions.defaults().withMetrics(chat.metrics(), token)
                .withRateLimit(new RateLimit(60, 1, true)));
    }

    private static Response ask(HttpClient client, String question) {
        return client.request("/api/ask", request -> request.header("Content-Type", "application/json")
                .post(BodyPublishers.ofString("{\"question\": \"" + question + "\"}")));
    }

    @Test
    void shows_requests_by_route_and_status_answers_refusals_rate_limits_and_the_jvm() {
        JavalinTest.test(server(null), (server, client) -> {
            assertThat(ask(client, "What is the capital of Australia?").code()).isEqualTo(200);
            assertThat(client.get("/api/article", r -> r.header("X-Forwarded-For", "198.51.100.1")).code())
                    .isEqualTo(200);
            assertThat(client.get("/api/article", r -> r.header("X-Forwarded-For", "198.51.100.1")).code())
                    .isEqualTo(429); // a burst of one
            assertThat(client.get("/no/such/route").code()).isEqualTo(404);

            Response metrics = client.get("/metrics");

            assertThat(metrics.code()).isEqualTo(200);
            assertThat(ResponseHeaders.first(metrics, "Content-Type")).startsWith("text/plain");
            assertThat(metrics.body().string())
                    .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/ask\",status=\"200\"}")
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/article\",status=\"429\"}")
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}")
                    .doesNotContain("/no/such/route")
                    .containsPattern("articlechat_answers_total\\{answered=\"false\",cached=\"(true|false)\"}")
                    .containsPattern("articlechat_refusals_total [1-9]")
                    .containsPattern("articlechat_requests_rate_limited_total [1-9]")
                    .contains("articlechat_requests_shed_total")
                    .contains("articlechat_retrieval_seconds_count")
                    .contains("jvm_memory_used_bytes")
                    .contains("jvm_gc_")
                    .contains("jvm_threads_live_threads")
                    .contains("process_files_open_files");
        });
    }

    @Test
    void with_a_token_configured_the_metrics_need_it() {
        JavalinTest.test(server(TOKEN), (server, client) -> {
            Response none = client.get("/metrics");
            Response wrong = client.get("/metrics", r -> r.header("Authorization", "Bearer not-" + TOKEN));
            Response right = client.get("/metrics", r -> r.header("Authorization", "Bearer " + TOKEN));

            assertThat(none.code()).isEqualTo(401);
            assertThat(none.body().string()).contains("\"status\":401").doesNotContain(TOKEN);
            assertThat(wrong.code()).isEqualTo(401);
            assertThat(right.code()).isEqualTo(200);
            assertThat(right.body().string()).contains("jvm_memory_used_bytes");
        });
    }
}
