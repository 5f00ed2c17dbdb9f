package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.reindex.ArticleLibrary;
import dev.articlechat.reindex.ReindexJobs;
import dev.articlechat.support.AdminClient;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-index runs on a thread of its own and holds no lock the admin routes need: while one is running (here held
 * for as long as the test wants, as a long article's would run for minutes), uploads, removals, the job's status and
 * questions are each answered at once.
 */
class AdminWhileReindexingTest {

    private static final String TOKEN = "a-long-random-admin-token-for-tests";
    private static final long AT_ONCE_MS = 2_000;

    @TempDir
    Path dir;

    private final CountDownLatch rebuilding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private ArticleChat chat;
    private ReindexJobs jobs;
    private Javalin app;
    private AdminClient admin;

    @BeforeEach
    void serveWithAReindexThatRunsUntilReleased() {
        Settings settings = TestApp.settings(dir.resolve("index"), List.of()).withDataDir(dir.resolve("data"));
        chat = ArticleChat.open(settings);
        jobs = new ReindexJobs(() -> {
            rebuilding.countDown();
            release.await();
            return chat.reindex();
        });
        ArticleLibrary library = new ArticleLibrary(ArticleChat.store(settings).orElseThrow(), jobs,
                chat.answers()::corpus);
        app = HttpApi.create(chat.answers(), ServerOptions.defaults()
                .withOperations(new Operations(jobs, library, TOKEN, Duration.ZERO))).start("127.0.0.1", 0);
        admin = new AdminClient("http://127.0.0.1:" + app.port(), TOKEN);
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        app.stop();
        jobs.close();
        chat.close();
    }

    @Test
    void uploads_removals_status_and_questions_are_answered_at_once_while_a_reindex_runs() throws Exception {
        assertThat(admin.send("POST", "/admin/articles", "text/plain", article("Harbour Wall Rebuilt")).status())
                .isEqualTo(202);
        assertThat(rebuilding.await(10, TimeUnit.SECONDS)).as("the re-index started").isTrue();

        long started = System.nanoTime();
        AdminClient.Reply second = admin.send("POST", "/admin/articles", "text/plain", article("Ferry Route Restored"));
        AdminClient.Reply removed = admin.delete("/admin/articles/harbour-wall-rebuilt");
        AdminClient.Reply status = admin.get("/admin/reindex");
        AdminClient.Reply answer = admin.ask("Who did Carney meet in Beijing?");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(second.status()).as(second.body()).isEqualTo(202);
        assertThat(removed.status()).as(removed.body()).isEqualTo(202);
        assertThat(status.json().get("state").asText()).isEqualTo("running");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(tookMillis).as("ms for the four calls during the re-index").isLessThan(4 * AT_ONCE_MS);
    }

    private static byte[] article(String title) {
        return (title + "\nWork on it finished on Monday after two years. The council paid for most of it.\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
