package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AskRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app = HttpApi.create(TestApp.shared().answers());

    @Test
    void answers_a_question_with_a_citation_that_matches_the_article() {
        JavalinTest.test(app, (server, client) -> {
            JsonNode article = JSON.readTree(client.get("/api/article").body().string());
            var response = client.post("/api/ask", Map.of("question", "Who did Carney meet in Beijing?"));

            assertThat(response.code()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body().string());
            assertThat(answer.get("answered").asBoolean()).isTrue();
            assertThat(answer.get("answer").asText()).contains("Xi Jinping").contains("[1]");
            JsonNode citation = answer.get("citations").get(0);
            String text = article.get("text").asText();
            assertThat(text.substring(citation.get("start").asInt(), citation.get("end").asInt()))
                    .isEqualTo(citation.get("quote").asText());
        });
    }
}
