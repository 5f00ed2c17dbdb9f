package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.support.Citations;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/ask} with good requests: the answer's shape and the citation invariants of docs/API.md. */
class AskRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private final Javalin app = HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults());

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
            Citations.assertVerbatim(citation, text);
        });
    }

    @Test
    void answers_with_every_field_the_contract_names() {
        JavalinTest.test(app, (server, client) -> {
            Response response = client.post("/api/ask", Map.of("question", "Who did Carney meet in Beijing?"));

            assertThat(response.code()).isEqualTo(200);
            assertThat(response.headers().get("Content-Type")).first().asString().startsWith("application/json");
            JsonNode answer = JSON.readTree(response.body().string());
            assertThat(answer.get("answer").isTextual()).isTrue();
            assertThat(answer.get("answered").isBoolean()).isTrue();
            assertThat(answer.get("model").asText()).isEqualTo("extractive");
            assertThat(answer.get("citations").isArray()).isTrue();
            assertThat(answer.get("citations")).isNotEmpty();
            for (JsonNode citation : answer.get("citations")) {
                assertThat(citation.get("n").isInt()).isTrue();
                assertThat(citation.get("passageId").asText()).matches("p\\d+");
                assertThat(citation.get("quote").isTextual()).isTrue();
                assertThat(citation.get("start").isInt()).isTrue();
                assertThat(citation.get("end").isInt()).isTrue();
            }
            JsonNode timings = answer.get("timingsMs");
            for (String stage : List.of("retrieve", "generate", "total")) {
                assertThat(timings.get(stage).isIntegralNumber()).as(stage).isTrue();
                assertThat(timings.get(stage).asLong()).as(stage).isNotNegative();
            }
            assertThat(timings.get("total").asLong())
                    .isGreaterThanOrEqualTo(timings.get("retrieve").asLong())
                    .isGreaterThanOrEqualTo(timings.get("generate").asLong());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Who did Carney meet in Beijing?",
            "Which minister echoed Carney's message in Beijing?",
            "What tariffs did Ottawa impose on China?",
            "For how long were relations between the two countries strained?",
            "Which fields besides pets were covered by the signed agreements?"})
    void numbers_citations_from_one_and_uses_each_of_them(String question) {
        JavalinTest.test(app, (server, client) -> {
            JsonNode answer = ask(client, question);

            assertThat(answer.get("answered").asBoolean()).isTrue();
            List<Integer> numbers = new ArrayList<>();
            answer.get("citations").forEach(c -> numbers.add(c.get("n").asInt()));
            List<Integer> oneToN = new ArrayList<>();
            for (int n = 1; n <= numbers.size(); n++) {
                oneToN.add(n);
            }
            assertThat(numbers).isNotEmpty().isEqualTo(oneToN);
            assertThat(new TreeSet<>(markersIn(answer.get("answer").asText()))).containsExactlyElementsOf(oneToN);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Who did Carney meet in Beijing?",
            "Which minister echoed Carney's message in Beijing?",
            "What did Xi say a good relationship contributes to globally?",
            "What term does Chinese state media use for a Canadian foreign policy independent of Washington?"})
    void quotes_the_article_text_exactly_at_the_cited_offsets(String question) {
        JavalinTest.test(app, (server, client) -> {
            String text = JSON.readTree(client.get("/api/article").body().string()).get("text").asText();

            JsonNode answer = ask(client, question);

            assertThat(answer.get("citations")).isNotEmpty();
            Citations.assertAllVerbatim(answer, text);
        });
    }

    @Test
    void refuses_when_the_article_does_not_say() {
        JavalinTest.test(app, (server, client) -> {
            Response response = client.post("/api/ask", Map.of("question", "What is the capital of Australia?"));

            assertThat(response.code()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body().string());
            assertThat(answer.get("answered").asBoolean()).isFalse();
            assertThat(answer.get("citations")).isEmpty();
            assertThat(answer.get("answer").asText()).containsIgnoringCase("article does not say");
            assertThat(markersIn(answer.get("answer").asText())).isEmpty();
        });
    }

    @Test
    void understands_a_follow_up_from_the_history_it_is_sent() {
        JavalinTest.test(app, (server, client) -> {
            Map<String, Object> request = Map.of(
                    "question", "Where had they met before?",
                    "history", List.of(
                            Map.of("role", "user", "content", "Who did Carney meet in Beijing?"),
                            Map.of("role", "assistant", "content", "He met President Xi Jinping.")));

            Response response = client.post("/api/ask", request);

            assertThat(response.code()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body().string());
            assertThat(answer.get("answered").asBoolean()).isTrue();
            assertThat(answer.get("citations")).anySatisfy(citation ->
                    assertThat(citation.get("quote").asText()).contains("sidelines of the APEC summit"));
        });
    }

    @Test
    void accepts_control_characters_in_a_question() {
        JavalinTest.test(app, (server, client) -> {
            Response response = client.post("/api/ask", Map.of("question", "\u0000\u0007Who did Carney meet?"));

            assertThat(response.code()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body().string());
            assertThat(answer.get("answer").asText()).isNotBlank().doesNotContain("\u0000", "\u0007");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "🤔🇨🇦 Who did Carney meet? 🐼",
            "من التقى كارني في بكين؟",
            "卡尼在北京会见了谁？",
            "Carney は北京で誰と会いましたか",
            "שאלה \u202Eevil\u202C ‏Carney?"})
    void accepts_any_unicode_in_a_question(String question) {
        JavalinTest.test(app, (server, client) -> {
            Response response = client.post("/api/ask", Map.of("question", question));

            assertThat(response.code()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body().string());
            assertThat(answer.get("answer").asText()).isNotBlank();
            assertThat(answer.get("answered").isBoolean()).isTrue();
        });
    }

    @Test
    void accepts_an_unpaired_surrogate_escaped_in_the_json() {
        JavalinTest.test(app, (server, client) -> {
            // Valid JSON syntax, but not a valid Unicode string: the server must still write valid JSON back.
            Response response = client.request("/api/ask", request -> request
                    .post(BodyPublishers.ofString("{\"question\": \"Who did Carney meet \\ud83d?\"}"))
                    .header("Content-Type", "application/json"));

            assertThat(response.code()).isEqualTo(200);
            assertThat(JSON.readTree(response.body().string()).get("answer").asText()).isNotBlank();
        });
    }

    private static JsonNode ask(HttpClient client, String question) throws Exception {
        Response response = client.post("/api/ask", Map.of("question", question));
        assertThat(response.code()).as("status of \"%s\"", question).isEqualTo(200);
        return JSON.readTree(response.body().string());
    }

    private static List<Integer> markersIn(String answer) {
        List<Integer> markers = new ArrayList<>();
        Matcher marker = MARKER.matcher(answer);
        while (marker.find()) {
            markers.add(Integer.parseInt(marker.group(1)));
        }
        return markers;
    }
}
