package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.ingest.ArticleFormat;
import dev.articlechat.reindex.ArticleLibrary;
import dev.articlechat.reindex.ReindexJobs;
import dev.articlechat.support.AdminClient;
import dev.articlechat.support.Eventually;
import dev.articlechat.support.JsonErrors;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /admin/articles} and {@code DELETE /admin/articles/{id}} on a real server with a data directory: an
 * added article is answerable within seconds and after a restart; what is no article is a 4xx that changes nothing.
 */
class ArticleUploadTest {

    private static final String TOKEN = "a-long-random-admin-token-for-tests";
    private static final String LIGHTHOUSE = """
            Volunteers Relight the Old Lighthouse at Penmarrow Point
            The lighthouse at Penmarrow Point shone again on Saturday night for the first time since 1987.
            A group of forty volunteers spent three years restoring the lamp room and the brass lens.
            The restoration cost £212,000, most of it raised by a village raffle and a lottery grant.
            The light will shine every Saturday evening from May to September.
            """;

    @TempDir
    Path dir;

    private Settings settings;
    private ArticleChat chat;
    private ReindexJobs jobs;
    private Javalin app;
    private AdminClient admin;

    @BeforeEach
    void serveTheBundledArticleWithADataDirectory() {
        settings = TestApp.settings(dir.resolve("index"), List.of()).withDataDir(dir.resolve("data"));
        start();
    }

    private void start() {
        chat = ArticleChat.open(settings);
        jobs = new ReindexJobs(chat::reindex);
        ArticleLibrary library = new ArticleLibrary(ArticleChat.store(settings).orElseThrow(), jobs,
                chat.answers()::corpus);
        app = HttpApi.create(chat.answers(), ServerOptions.defaults()
                .withOperations(new Operations(jobs, library, TOKEN, Duration.ZERO))).start("127.0.0.1", 0);
        admin = new AdminClient("http://127.0.0.1:" + app.port(), TOKEN);
    }

    @AfterEach
    void stop() throws IOException {
        app.stop();
        jobs.close();
        chat.close();
    }

    @Test
    void an_added_article_is_answerable_within_seconds_and_after_a_restart() throws IOException {
        AdminClient.Reply added = admin.send("POST", "/admin/articles", "text/plain; charset=utf-8", bytes(LIGHTHOUSE));

        assertThat(added.status()).as(added.body()).isEqualTo(202);
        String id = added.json().get("id").asText();
        assertThat(id).isEqualTo("volunteers-relight-the-old-lighthouse");
        assertThat(added.json().get("passages").asInt()).isEqualTo(4);
        assertThat(Eventually.within(Duration.ofSeconds(20), () -> listed().contains(id))).isTrue();
        assertAnswersAbout(id, "How much did the restoration cost?", "£212,000");
        assertThat(listed()).as("the bundled article is still served").contains("carney-praises-renewed-canada-china");

        stop();
        start();

        assertThat(listed()).contains(id);
        assertAnswersAbout(id, "How much did the restoration cost?", "£212,000");
    }

    @Test
    void an_article_sent_as_json_with_its_own_id_is_replaced_by_the_next_of_that_id() {
        AdminClient.Reply first = admin.send("POST", "/admin/articles", "application/json", bytes("""
                {"id": "lighthouse", "title": "Lighthouse Relit", "text": "The lamp was relit on Saturday night \
                after years of work by forty volunteers. It will shine every Saturday from May."}"""));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(Eventually.within(Duration.ofSeconds(20), () -> listed().contains("lighthouse"))).isTrue();

        AdminClient.Reply second = admin.send("POST", "/admin/articles", "application/json", bytes("""
                {"id": "lighthouse", "title": "Lighthouse Relit", "text": "The lamp was relit on Sunday morning \
                by the mayor of Penmarrow. The lighthouse had been dark since 1987."}"""));

        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().get("replaced").asBoolean()).isTrue();
        assertThat(Eventually.within(Duration.ofSeconds(20),
                () -> admin.get("/api/article?id=lighthouse").json().get("text").asText().contains("Sunday"))).isTrue();
        assertThat(listed()).filteredOn("lighthouse"::equals).hasSize(1);
    }

    @Test
    void an_html_page_is_served_as_its_headline_and_paragraphs() throws Exception {
        byte[] page = Files.readAllBytes(Path.of(getClass().getResource("/articles/html/council-budget.html").toURI()));

        AdminClient.Reply added = admin.send("POST", "/admin/articles", "text/html; charset=utf-8", page);

        assertThat(added.status()).as(added.body()).isEqualTo(202);
        String id = added.json().get("id").asText();
        assertThat(added.json().get("title").asText()).isEqualTo("Council approves £2.4bn budget after late-night vote");
        assertThat(Eventually.within(Duration.ofSeconds(20), () -> listed().contains(id))).isTrue();
        String text = admin.get("/api/article?id=" + id).json().get("text").asText();
        assertThat(text).startsWith("Riverside’s city council approved").doesNotContain("Advertisement", "JSON-LD");
        assertAnswersAbout(id, "By how many votes did the budget pass?", "31 votes to 24");
    }

    @Test
    void a_removed_article_is_no_longer_served_and_one_from_a_file_cannot_be_removed() {
        admin.send("POST", "/admin/articles", "text/plain", bytes(LIGHTHOUSE));
        String id = "volunteers-relight-the-old-lighthouse";
        assertThat(Eventually.within(Duration.ofSeconds(20), () -> listed().contains(id))).isTrue();

        AdminClient.Reply removed = admin.delete("/admin/articles/" + id);

        assertThat(removed.status()).as(removed.body()).isEqualTo(202);
        assertThat(Eventually.within(Duration.ofSeconds(20), () -> !listed().contains(id))).isTrue();
        assertThat(admin.askAbout("How much did the restoration cost?", id).status()).isEqualTo(404);
        AdminClient.Reply again = admin.delete("/admin/articles/" + id);
        assertThat(again.status()).isEqualTo(404);
        JsonErrors.assertError("/admin/articles/" + id, 404, again.body());
        AdminClient.Reply bundled = admin.delete("/admin/articles/carney-praises-renewed-canada-china");
        assertThat(bundled.status()).isEqualTo(409);
        JsonErrors.assertError("/admin/articles/x", 409, bundled.body());
    }

    @Test
    void an_article_from_a_file_cannot_be_replaced_by_an_upload_any_more_than_removed() {
        String bundled = "carney-praises-renewed-canada-china";
        String before = admin.get("/api/article?id=" + bundled).json().get("text").asText();

        AdminClient.Reply upload = admin.send("POST", "/admin/articles", "application/json", bytes("""
                {"id": "%s", "title": "Takeover", "text": "Nobody met anybody in Beijing on Friday. \
                The talks were cancelled."}""".formatted(bundled)));
        AdminClient.Reply removal = admin.delete("/admin/articles/" + bundled);

        assertThat(upload.status()).as(upload.body()).isEqualTo(409);
        JsonErrors.assertError("/admin/articles", 409, upload.body());
        assertThat(JsonErrors.message(upload.body())).contains(bundled, "file given at start");
        assertThat(removal.status()).isEqualTo(409);
        assertThat(JsonErrors.message(removal.body())).isEqualTo(JsonErrors.message(upload.body()));
        assertThat(admin.get("/admin/reindex").json().get("id").asLong()).as("no re-index was started").isZero();
        assertThat(ArticleChat.store(settings).orElseThrow().contains(bundled)).as("nothing stored").isFalse();
        assertThat(admin.get("/api/article?id=" + bundled).json().get("text").asText()).isEqualTo(before);
    }

    @Test
    void a_stored_article_with_the_id_of_a_file_is_not_served_after_a_restart() throws IOException {
        String bundled = "carney-praises-renewed-canada-china";
        String before = admin.get("/api/article?id=" + bundled).json().get("text").asText();
        // as an older server stored it, when such uploads were accepted
        ArticleChat.store(settings).orElseThrow().save(bundled, ArticleFormat.TEXT,
                "Takeover\n\nNobody met anybody in Beijing on Friday. The talks were cancelled.\n");

        stop();
        start();

        assertThat(admin.get("/api/article?id=" + bundled).json().get("text").asText()).isEqualTo(before);
        assertAnswersAbout(bundled, "Who did Carney meet in Beijing?", "Xi Jinping");
        assertThat(listed()).filteredOn(bundled::equals).hasSize(1);
    }

    @Test
    void an_article_of_more_passages_than_the_limit_is_a_413_that_says_so_and_stores_nothing() {
        StringBuilder page = new StringBuilder("<html><head><title>Endless Minutes</title></head><body><article>");
        for (int i = 0; i <= ArticleLibrary.MAX_PASSAGES; i++) {
            page.append("<p>Item ").append(i).append(" passed.</p>");
        }
        page.append("</article></body></html>");
        assertThat(page.length()).as("within the size limit").isLessThan(AdminArticlesController.MAX_ARTICLE_BYTES);

        AdminClient.Reply refused = admin.send("POST", "/admin/articles", "text/html", bytes(page.toString()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(JsonErrors.message(refused.body())).contains((ArticleLibrary.MAX_PASSAGES + 1) + " passages",
                "at most " + ArticleLibrary.MAX_PASSAGES);
        assertThat(admin.get("/admin/reindex").json().get("id").asLong()).as("no re-index was started").isZero();
    }

    @Test
    void what_is_no_article_is_refused_and_changes_nothing() {
        List<String> before = listed();
        assertRefused("text/plain", bytes(""), 400);
        assertRefused("text/plain", bytes("   \n  \n"), 400);
        assertRefused("text/plain", new byte[] {0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 1, 2, 3, (byte) 0xff}, 400);
        assertRefused("text/plain", bytes("Only A Headline Here\n"), 400);
        assertRefused("text/plain", bytes("A Title\nno prose here at all\njust lines"), 400);
        assertRefused("application/json", bytes("{\"text\": \"A body without a title. It has two sentences.\"}"), 400);
        assertRefused("application/json", bytes("{\"title\": \"T\", \"text\": \"One. Two.\", \"id\": \"../x\"}"), 400);
        assertRefused("application/json", bytes("[1, 2]"), 400);
        assertRefused("image/png", bytes(LIGHTHOUSE), 415);
        assertRefused("text/plain", bytes(LIGHTHOUSE + "x".repeat(1024 * 1024)), 413);
        AdminClient.Reply unauthorised = new AdminClient("http://127.0.0.1:" + app.port(), null)
                .send("POST", "/admin/articles", "text/plain", bytes(LIGHTHOUSE));
        assertThat(unauthorised.status()).isEqualTo(401);

        assertThat(admin.get("/admin/reindex").json().get("id").asLong()).as("no re-index was started").isZero();
        assertThat(listed()).isEqualTo(before);
    }

    private void assertRefused(String type, byte[] body, int status) {
        AdminClient.Reply reply = admin.send("POST", "/admin/articles", type, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        JsonErrors.assertError("/admin/articles", status, reply.body());
    }

    private void assertAnswersAbout(String id, String question, String expected) {
        JsonNode answer = admin.askAbout(question, id).json();
        assertThat(answer.get("answered").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.get("answer").asText()).contains(expected);
        assertThat(answer.get("citations").findValuesAsText("articleId")).containsOnly(id);
    }

    private List<String> listed() {
        return admin.get("/api/articles").json().get("articles").findValuesAsText("id");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
