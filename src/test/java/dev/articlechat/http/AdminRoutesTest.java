package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.articlechat.reindex.ReindexJobs;
import dev.articlechat.support.AdminClient;
import dev.articlechat.support.Eventually;
import dev.articlechat.support.TestApp;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who may re-index: the admin routes exist only with a token, and want it on every request. The rebuild here
 * waits for the test's word, so that a job is reliably still running when a second one is asked for.
 */
class AdminRoutesTest {

    private static final String TOKEN = "s3cret-admin-token-of-decent-length";

    private final CountDownLatch finishBuild = new CountDownLatch(1);
    private final ReindexJobs jobs = new ReindexJobs(() -> {
        if (!finishBuild.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never let the build finish");
        }
        return 42;
    });

    @AfterEach
    void stop() {
        finishBuild.countDown();
        jobs.close();
    }

    @Test
    void admin_routes_do_not_exist_when_no_token_is_configured() {
        JavalinTest.test(HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()
                .withOperations(new Operations(jobs, null, null, Duration.ZERO))), (server, client) -> {
            for (AdminClient.Reply reply : List.of(new AdminClient(client.getOrigin(), TOKEN).post("/admin/reindex"),
                    new AdminClient(client.getOrigin(), null).get("/admin/reindex"))) {
                assertThat(reply.status()).isEqualTo(404);
                assertThat(reply.json().get("status").asInt()).isEqualTo(404);
                assertThat(reply.json().get("error").asText()).contains("/admin/reindex");
            }
            assertThat(jobs.status().state().json()).isEqualTo("idle");
        });
    }

    @Test
    void refuses_a_missing_or_wrong_token_with_401_and_starts_nothing() {
        JavalinTest.test(app(), (server, client) -> {
            for (String token : new String[] {null, "wrong", TOKEN + "x", TOKEN.substring(1), ""}) {
                AdminClient.Reply reply = new AdminClient(client.getOrigin(), token).post("/admin/reindex");

                assertThat(reply.status()).as("token %s", token).isEqualTo(401);
                assertThat(reply.json().get("status").asInt()).isEqualTo(401);
                assertThat(reply.json().get("error").asText()).contains("admin token").doesNotContain(TOKEN);
                assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer");
            }
            assertThat(new AdminClient(client.getOrigin(), "wrong").get("/admin/reindex").status()).isEqualTo(401);
            assertThat(jobs.status().state().json()).isEqualTo("idle");
        });
    }

    @Test
    void starts_a_job_with_the_right_token_and_refuses_a_second_while_it_runs() {
        JavalinTest.test(app(), (server, client) -> {
            AdminClient admin = new AdminClient(client.getOrigin(), TOKEN);
            assertThat(admin.get("/admin/reindex").json().get("state").asText()).isEqualTo("idle");

            AdminClient.Reply started = admin.post("/admin/reindex");

            assertThat(started.status()).isEqualTo(202);
            assertThat(started.json().get("state").asText()).isEqualTo("running");
            assertThat(started.json().get("id").asInt()).isEqualTo(1);
            assertThat(started.json().get("startedAt").asText()).endsWith("Z");
            AdminClient.Reply second = admin.post("/admin/reindex");
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.json().get("status").asInt()).isEqualTo(409);
            assertThat(second.json().get("error").asText()).contains("Re-index 1 is still running");
            assertThat(admin.get("/admin/reindex").json().get("state").asText()).isEqualTo("running");

            finishBuild.countDown();

            assertThat(Eventually.within(Duration.ofSeconds(5),
                    () -> admin.get("/admin/reindex").json().get("state").asText().equals("succeeded"))).isTrue();
            JsonNode done = admin.get("/admin/reindex").json();
            assertThat(done.get("passages").asInt()).isEqualTo(42);
            assertThat(done.has("error")).isFalse();
            assertThat(admin.post("/admin/reindex").status()).as("the next one may start").isEqualTo(202);
        });
    }

    private io.javalin.Javalin app() {
        return HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults()
                .withOperations(new Operations(jobs, null, TOKEN, Duration.ZERO)));
    }
}
