package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.support.JsonErrors;
import dev.articlechat.support.ResponseHeaders;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Per-client token buckets on /api and /v1: a burst, then 429 with Retry-After, for that client only. */
class RateLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BURST = 3;

    private static Javalin appLimitedTo(RateLimit limit) {
        return HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults().withRateLimit(limit));
    }

    private static Response get(HttpClient client, String path, String forwardedFor) {
        return client.get(path, request -> request.header("X-Forwarded-For", forwardedFor));
    }

    @Test
    void answers_429_with_retry_after_once_a_client_has_used_its_burst() {
        JavalinTest.test(appLimitedTo(new RateLimit(6, BURST, true)), (server, client) -> {
            for (int i = 0; i < BURST; i++) {
                assertThat(get(client, "/api/article", "203.0.113.7").code()).isEqualTo(200);
            }

            Response limited = get(client, "/v1/models", "203.0.113.7");

            assertThat(limited.code()).isEqualTo(429);
            assertThat(ResponseHeaders.first(limited, "Content-Type")).startsWith("application/json");
            // six a minute: the next token comes within ten seconds
            assertThat(Integer.parseInt(ResponseHeaders.first(limited, "Retry-After"))).isBetween(1, 10);
            assertThat(JsonErrors.assertError("/v1/models", 429, limited.body().string())).contains("Too many requests");
        });
    }

    @Test
    void other_clients_and_the_health_check_are_not_limited() {
        JavalinTest.test(appLimitedTo(new RateLimit(6, BURST, true)), (server, client) -> {
            for (int i = 0; i <= BURST; i++) {
                assertThat(get(client, "/api/article", "203.0.113.7").code()).isIn(200, 429);
            }
            assertThat(get(client, "/api/article", "203.0.113.7").code()).isEqualTo(429);

            assertThat(get(client, "/api/article", "198.51.100.20").code()).isEqualTo(200);
            assertThat(get(client, "/health", "203.0.113.7").code()).isEqualTo(200);
        });
    }

    @Test
    void a_forwarded_for_header_does_not_escape_the_limit_unless_the_proxy_is_trusted() {
        JavalinTest.test(appLimitedTo(new RateLimit(6, BURST, false)), (server, client) -> {
            for (int i = 0; i < BURST; i++) {
                assertThat(get(client, "/api/article", "192.0.2." + i).code()).isEqualTo(200);
            }
            assertThat(get(client, "/api/article", "192.0.2.99").code()).isEqualTo(429);
        });
    }

    @Test
    void behind_a_trusted_proxy_the_address_the_proxy_saw_counts_not_what_the_client_claimed() {
        JavalinTest.test(appLimitedTo(new RateLimit(6, BURST, true)), (server, client) -> {
            for (int i = 0; i < BURST; i++) {
                assertThat(get(client, "/api/article", "10.9.9." + i + ", 203.0.113.7").code()).isEqualTo(200);
            }
            assertThat(get(client, "/api/article", "10.9.9.77, 203.0.113.7").code()).isEqualTo(429);
        });
    }

    @Test
    void a_limit_of_zero_turns_rate_limiting_off() throws IOException {
        JavalinTest.test(appLimitedTo(RateLimit.OFF), (server, client) -> {
            for (int i = 0; i < 50; i++) {
                assertThat(client.get("/v1/models").code()).isEqualTo(200);
            }
        });
    }
}
