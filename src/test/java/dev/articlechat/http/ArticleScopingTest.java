package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.articlechat.ArticleChat;
import dev.articlechat.support.AdminClient;
import dev.articlechat.support.Citations;
import dev.articlechat.support.EventStreamClient;
import dev.articlechat.support.JsonErrors;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three articles from one server, over a real index: a question scoped to one article is answered from it alone,
 * on every route; a question about another article's subject refuses; an unknown article is a 404.
 */
class ArticleScopingTest {

    private static final String CARNEY = "carney-praises-renewed-canada-china";
    private static final String HARBOUR = "saltmouth-council-approves-38-5-million";

    @TempDir
    static Path dir;

    private static ArticleChat chat;
    private static Javalin app;
    private static AdminClient client;

    @BeforeAll
    static void serveThreeArticles() throws URISyntaxException {
        chat = ArticleChat.open(TestApp.settings(dir.resolve("index"), List.of(resource("/article.txt"),
                resource("/articles/harbour-flood.txt"), resource("/articles/vaccine-trial.txt"))));
        app = HttpApi.create(chat.answers(), ServerOptions.defaults()).start("127.0.0.1", 0);
        client = new AdminClient("http://127.0.0.1:" + app.port(), null);
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        chat.close();
    }

    @Test
    void lists_every_article_with_its_passages() {
        JsonNode articles = client.get("/api/articles").json().get("articles");

        assertThat(articles).hasSize(3);
        assertThat(articles.findValuesAsText("id")).contains(CARNEY, HARBOUR);
        articles.forEach(a -> assertThat(a.get("passages").asInt()).isPositive());
        articles.forEach(a -> assertThat(a.get("title").asText()).isNotBlank());
    }

    @Test
    void a_scoped_question_cites_only_its_article() {
        JsonNode answer = client.askAbout("How many votes did the flood barrier motion pass by?", HARBOUR).json();

        assertThat(answer.get("answered").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.get("citations").findValuesAsText("articleId")).containsOnly(HARBOUR);
        assertQuotesVerify(answer);
    }

    @Test
    void a_question_about_another_article_refuses_naming_the_article_asked_about() {
        JsonNode answer = client.askAbout("What did Xi Jinping say about Canada and China?", HARBOUR).json();

        assertThat(answer.get("answered").asBoolean()).as(answer.toString()).isFalse();
        assertThat(answer.get("citations")).isEmpty();
        assertThat(answer.get("answer").asText()).contains("Saltmouth");
    }

    @Test
    void an_unscoped_question_names_the_article_of_each_citation() {
        JsonNode answer = client.ask("How many votes did the flood barrier motion pass by?").json();

        assertThat(answer.get("answered").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.get("citations").findValuesAsText("articleId")).contains(HARBOUR);
        assertQuotesVerify(answer);
    }

    @Test
    void an_unknown_article_is_a_404_on_ask_stream_and_chat_completions() {
        AdminClient.Reply ask = client.askAbout("Who voted?", "no-such-article");
        JsonErrors.assertError("/api/ask", 404, ask.body());
        assertThat(ask.status()).isEqualTo(404);

        AdminClient.Reply stream = client.send("POST", "/api/ask/stream", "application/json",
                "{\"question\": \"Who voted?\", \"articleId\": \"no-such-article\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(stream.status()).isEqualTo(404);
        JsonErrors.assertError("/api/ask/stream", 404, stream.body());

        AdminClient.Reply completion = client.send("POST", "/v1/chat/completions", "application/json",
                ("{\"model\": \"article-chat:no-such-article\", \"messages\": [{\"role\": \"user\", "
                        + "\"content\": \"Who voted?\"}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(completion.status()).isEqualTo(404);
        JsonErrors.assertError("/v1/chat/completions", 404, completion.body());
    }

    @Test
    void an_article_id_that_is_not_a_string_is_a_400() {
        AdminClient.Reply reply = client.send("POST", "/api/ask", "application/json",
                "{\"question\": \"Who voted?\", \"articleId\": 7}".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        JsonErrors.assertError("/api/ask", 400, reply.body());
    }

    @Test
    void the_models_are_every_article_together_and_each_alone() {
        JsonNode models = client.get("/v1/models").json().get("data");

        List<String> ids = new ArrayList<>(models.findValuesAsText("id"));
        assertThat(ids).containsExactlyInAnyOrder("article-chat", "article-chat:" + CARNEY, "article-chat:" + HARBOUR,
                "article-chat:" + chat.answers().corpus().articles().get(2).id());
    }

    @Test
    void a_chat_completion_for_one_articles_model_cites_only_that_article() {
        AdminClient.Reply reply = client.send("POST", "/v1/chat/completions", "application/json",
                ("{\"model\": \"article-chat:" + HARBOUR + "\", \"messages\": [{\"role\": \"user\", "
                        + "\"content\": \"Which storm flooded Saltmouth in 2022?\"}]}").getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("citations").findValuesAsText("articleId")).isNotEmpty().containsOnly(HARBOUR);
        assertThat(reply.json().get("model").asText()).isEqualTo("article-chat:" + HARBOUR);
    }

    @Test
    void a_scoped_stream_sends_only_its_articles_sources() throws Exception {
        EventStreamClient.Response stream = EventStreamClient.postJson("http://127.0.0.1:" + app.port()
                + "/api/ask/stream", "{\"question\": \"Which storm flooded Saltmouth in 2022?\", \"articleId\": \""
                + HARBOUR + "\"}");

        assertThat(stream.names()).startsWith("sources").endsWith("answer");
        JsonNode answer = stream.last().json();
        assertThat(answer.get("answered").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.get("citations").findValuesAsText("articleId")).containsOnly(HARBOUR);
        assertThat(stream.events().get(0).json().findValuesAsText("articleId")).containsOnly(HARBOUR);
    }

    private static void assertQuotesVerify(JsonNode answer) {
        Citations.assertAllVerbatim(answer, id -> client.get("/api/article?id=" + id).json().get("text").asText());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ArticleScopingTest.class.getResource(name).toURI());
    }
}
