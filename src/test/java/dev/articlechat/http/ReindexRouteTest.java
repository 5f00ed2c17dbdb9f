package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.articlechat.ArticleChat;
import dev.articlechat.reindex.ReindexJobs;
import dev.articlechat.support.AdminClient;
import dev.articlechat.support.ArticleVersions;
import dev.articlechat.support.Citations;
import dev.articlechat.support.Eventually;
import dev.articlechat.support.TestApp;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /admin/reindex} on a real server over a real index on disk: the article file is edited, removed or
 * broken, the index directory deleted or corrupted, and questions are answered throughout.
 */
class ReindexRouteTest {

    private static final String TOKEN = "a-long-random-admin-token-for-tests";
    private static final String VISIT_LENGTH = "How long is Carney's visit to China?";

    @TempDir
    Path dir;

    private Path article;
    private Path indexDir;
    private ArticleChat chat;
    private ReindexJobs jobs;

    @BeforeEach
    void serveTheOriginalArticleFromAFile() throws IOException {
        article = Files.writeString(dir.resolve("article.txt"), ArticleVersions.original());
        indexDir = dir.resolve("index");
        chat = ArticleChat.open(TestApp.settings(indexDir, List.of(article)));
        jobs = new ReindexJobs(chat::reindex);
    }

    @AfterEach
    void stop() throws IOException {
        jobs.close();
        chat.close();
    }

    @Test
    void serves_the_edited_article_after_a_reindex_and_the_original_until_then() {
        JavalinTest.test(app(), (server, client) -> {
            AdminClient admin = new AdminClient(client.getOrigin(), TOKEN);
            String original = ArticleVersions.served(ArticleVersions.original());
            assertAnswerCites(admin.ask(VISIT_LENGTH).json(), original, ArticleVersions.ORIGINAL_LENGTH);

            Files.writeString(article, ArticleVersions.edited());
            assertThat(article(admin)).as("before the re-index").isEqualTo(original);
            assertAnswerCites(admin.ask(VISIT_LENGTH).json(), original, ArticleVersions.ORIGINAL_LENGTH);

            JsonNode job = admin.reindex();

            assertThat(job.get("state").asText()).isEqualTo("succeeded");
            assertThat(job.get("passages").asInt()).isPositive();
            assertThat(job.has("finishedAt")).isTrue();
            String edited = ArticleVersions.served(ArticleVersions.edited());
            assertThat(article(admin)).isEqualTo(edited).contains(ArticleVersions.EDITORS_NOTE);
            assertAnswerCites(admin.ask(VISIT_LENGTH).json(), edited, ArticleVersions.EDITED_LENGTH);
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> generations().size() == 1))
                    .as("the replaced generation is deleted once released: %s", generations()).isTrue();
        });
    }

    @Test
    void keeps_the_old_index_serving_and_says_why_when_the_article_file_is_gone() {
        JavalinTest.test(app(), (server, client) -> {
            AdminClient admin = new AdminClient(client.getOrigin(), TOKEN);
            List<Path> before = generations();
            Files.delete(article);

            JsonNode job = admin.reindex();

            assertThat(job.get("state").asText()).isEqualTo("failed");
            assertThat(job.get("error").asText()).contains("cannot read article").contains("no such file")
                    .contains("previous index keeps serving").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(admin.get("/admin/reindex").body()).doesNotContain("Exception");
            String original = ArticleVersions.served(ArticleVersions.original());
            assertThat(article(admin)).isEqualTo(original);
            assertAnswerCites(admin.ask(VISIT_LENGTH).json(), original, ArticleVersions.ORIGINAL_LENGTH);
            assertThat(generations()).as("a failed build leaves nothing behind").isEqualTo(before);
        });
    }

    @Test
    void keeps_the_old_index_serving_when_the_edited_article_is_invalid() {
        JavalinTest.test(app(), (server, client) -> {
            AdminClient admin = new AdminClient(client.getOrigin(), TOKEN);
            Files.writeString(article, "Only a title, the body was lost in the edit");

            JsonNode job = admin.reindex();

            assertThat(job.get("state").asText()).isEqualTo("failed");
            assertThat(job.get("error").asText()).contains("has a title but no body");
            assertAnswerCites(admin.ask(VISIT_LENGTH).json(), ArticleVersions.served(ArticleVersions.original()),
                    ArticleVersions.ORIGINAL_LENGTH);
        });
    }

    /**
     * The open searcher keeps the deleted files (Linux keeps an unlinked file while it is mapped), and a
     * re-index never reads the served generation: it builds a new one from the article, so it rebuilds cleanly.
     */
    @Test
    void answers_from_the_open_index_after_its_directory_is_deleted_and_rebuilds_it_on_reindex() {
        JavalinTest.test(app(), (server, client) -> {
            AdminClient admin = new AdminClient(client.getOrigin(), TOKEN);
            deleteRecursively(indexDir);

            assertAnswersFromTheArticle(admin, ArticleVersions.served(ArticleVersions.original()));
            JsonNode job = admin.reindex();

            assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("succeeded");
            assertThat(generations()).hasSize(1);
            assertAnswersFromTheArticle(admin, ArticleVersions.served(ArticleVersions.original()));
        });
    }

    /** Corruption replaces files (as a failed copy or restore does); the mapped originals stay readable. */
    @Test
    void answers_from_the_open_index_after_its_files_are_corrupted_and_rebuilds_on_reindex() {
        JavalinTest.test(app(), (server, client) -> {
            AdminClient admin = new AdminClient(client.getOrigin(), TOKEN);
            Path served = generations().get(0);
            try (Stream<Path> files = Files.list(served)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                    Files.write(file, "not a Lucene file".getBytes());
                }
            }

            assertAnswersFromTheArticle(admin, ArticleVersions.served(ArticleVersions.original()));
            JsonNode job = admin.reindex();

            assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("succeeded");
            assertThat(generations()).doesNotContain(served);
            assertAnswersFromTheArticle(admin, ArticleVersions.served(ArticleVersions.original()));
        });
    }

    @Test
    void a_restarted_server_serves_the_newest_generation_and_clears_unfinished_ones() throws IOException {
        JavalinTest.test(app(), (server, client) -> {
            Files.writeString(article, ArticleVersions.edited());
            new AdminClient(client.getOrigin(), TOKEN).reindex();
        });
        Path newest = generations().get(0);
        Path unfinished = Files.createDirectories(indexDir.resolve("generation-999"));
        jobs.close();
        chat.close();

        chat = ArticleChat.open(TestApp.settings(indexDir, List.of(article)));
        jobs = new ReindexJobs(chat::reindex);

        assertThat(generations()).containsExactly(newest);
        assertThat(unfinished).doesNotExist();
        assertThat(chat.answers().corpus().primary().text()).contains(ArticleVersions.EDITORS_NOTE);
    }

    private io.javalin.Javalin app() {
        return HttpApi.create(chat.answers(), ServerOptions.defaults()
                .withOperations(new Operations(jobs, null, TOKEN, Duration.ZERO)));
    }

    private static String article(AdminClient client) {
        return client.get("/api/article").json().get("text").asText();
    }

    /** Questions unlike each other, so that none is answered from the cache and every one searches the index. */
    private static void assertAnswersFromTheArticle(AdminClient admin, String text) {
        for (String question : List.of("Who did Carney meet in Beijing?", "Which minister echoed Carney's message?",
                "What did Xi say about the relationship?", "When did the visit begin?")) {
            AdminClient.Reply reply = admin.ask(question);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().get("answered").asBoolean()).as(question).isTrue();
            Citations.assertAllVerbatim(reply.json(), text);
        }
    }

    private static void assertAnswerCites(JsonNode answer, String text, String phrase) {
        assertThat(answer.get("answered").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.get("citations").toString()).contains(phrase);
        Citations.assertAllVerbatim(answer, text);
    }


    private List<Path> generations() {
        if (!Files.isDirectory(indexDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(indexDir)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
