package dev.articlechat.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.support.JsonErrors;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/article} and {@code GET /health}: the text that citation offsets point into. */
class ArticleRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TITLE =
            "Carney Praises Renewed Canada–China Strategic Ties During Talks with Xi in Beijing";

    private final Javalin app = HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults());

    @Test
    void serves_the_bundled_article_with_its_title_text_and_passages() {
        JavalinTest.test(app, (server, client) -> {
            Response response = client.get("/api/article");

            assertThat(response.code()).isEqualTo(200);
            assertThat(response.headers().get("Content-Type")).first().asString().startsWith("application/json");
            JsonNode article = JSON.readTree(response.body().string());
            assertThat(article.get("id").asText()).isNotBlank();
            assertThat(article.get("title").asText()).isEqualTo(TITLE);
            assertThat(article.get("text").asText()).contains("Foreign Affairs Minister Anita Anand");
            assertThat(article.get("passages").isArray()).isTrue();
            assertThat(article.get("passages")).isNotEmpty();
        });
    }

    /** Ids no article has, and queries that cannot be decoded at all. */
    @ParameterizedTest
    @ValueSource(strings = {"id=nope", "id=", "id=%", "id=%zz", "id=%e9", "id=%%", "id=%00", "a=1&id=%", "id"})
    void answers_an_unknown_or_malformed_id_with_a_json_404_on_get_and_head(String query) throws Exception {
        JavalinTest.test(app, (server, client) -> {
            for (String method : new String[] {"GET", "HEAD"}) {
                RawHttp.Reply reply = RawHttp.send(server.port(), (method + " /api/article?" + query
                        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(ISO_8859_1),
                        false, 5_000);

                assertThat(reply.status()).as(method + " " + query + " → " + reply.text()).isIn(400, 404);
                assertThat(reply.head()).as(method).containsIgnoringCase("Content-Type: application/json");
                if (method.equals("GET")) {
                    JsonErrors.assertError("/api/article", reply.status(), reply.body());
                } else {
                    assertThat(reply.body()).isEmpty();
                }
            }
        });
    }

    @Test
    void answers_head_as_get_without_the_body() throws Exception {
        JavalinTest.test(app, (server, client) -> {
            for (String path : new String[] {"/api/article", "/api/articles", "/health", "/v1/models"}) {
                RawHttp.Reply head = RawHttp.send(server.port(), ("HEAD " + path
                        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(ISO_8859_1),
                        false, 5_000);

                assertThat(head.status()).as(path).isEqualTo(200);
                assertThat(head.head()).as(path).containsIgnoringCase("Content-Type: application/json");
                assertThat(head.body()).as(path).isEmpty();
            }
        });
    }

    @Test
    void cuts_passages_that_lie_inside_the_text_in_order_without_overlap() {
        JavalinTest.test(app, (server, client) -> {
            JsonNode article = article(client);
            String text = article.get("text").asText();

            int previousEnd = 0;
            Set<String> ids = new HashSet<>();
            for (JsonNode passage : article.get("passages")) {
                String id = passage.get("id").asText();
                int start = passage.get("start").asInt();
                int end = passage.get("end").asInt();
                assertThat(ids.add(id)).as("%s is unique", id).isTrue();
                assertThat(start).as("start of %s", id).isGreaterThanOrEqualTo(previousEnd);
                assertThat(end).as("end of %s", id).isGreaterThan(start).isLessThanOrEqualTo(text.length());
                assertThat(text.substring(start, end)).as("text of %s", id).isNotBlank();
                previousEnd = end;
            }
        });
    }

    @Test
    void strips_the_web_page_leftovers_after_the_article() {
        JavalinTest.test(app, (server, client) -> {
            String text = article(client).get("text").asText();

            assertThat(text).doesNotContain("Comments", "Board of Peace", "one month ago");
            assertThat(text.strip()).endsWith("comments Ottawa has firmly rejected.");
        });
    }

    @Test
    void answers_404_in_json_for_an_unknown_article() {
        JavalinTest.test(app, (server, client) -> {
            Response response = client.get("/api/article?id=unknown");

            assertThat(response.code()).isEqualTo(404);
            assertThat(response.headers().get("Content-Type")).first().asString().startsWith("application/json");
            JsonNode error = JSON.readTree(response.body().string());
            assertThat(error.get("error").asText()).isNotBlank();
            assertThat(error.get("status").asInt()).isEqualTo(404);
        });
    }

    @Test
    void serves_the_primary_article_when_asked_for_it_by_id() {
        JavalinTest.test(app, (server, client) -> {
            JsonNode primary = article(client);

            Response response = client.get("/api/article?id=" + primary.get("id").asText());

            assertThat(response.code()).isEqualTo(200);
            assertThat(JSON.readTree(response.body().string())).isEqualTo(primary);
        });
    }

    @Test
    void reports_healthy_with_the_model_and_as_many_passages_as_the_article_has() {
        JavalinTest.test(app, (server, client) -> {
            int passages = article(client).get("passages").size();

            Response response = client.get("/health");

            assertThat(response.code()).isEqualTo(200);
            JsonNode health = JSON.readTree(response.body().string());
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("model").asText()).isEqualTo("extractive");
            assertThat(health.get("passages").asInt()).isEqualTo(passages);
        });
    }

    private static JsonNode article(HttpClient client) throws Exception {
        Response response = client.get("/api/article");
        assertThat(response.code()).isEqualTo(200);
        return JSON.readTree(response.body().string());
    }
}
