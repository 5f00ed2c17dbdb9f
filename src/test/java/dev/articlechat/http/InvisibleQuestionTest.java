package dev.articlechat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.support.EventStreamClient;
import dev.articlechat.support.EventStreamClient.Response;
import dev.articlechat.support.JsonErrors;
import dev.articlechat.support.TestApp;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Questions made only of characters nobody can see are not questions: every route that takes one answers a JSON 400
 * (before any stream starts), never a 500 from the embedding model left with nothing to embed. Each kind of
 * invisible character is tried alone, repeated and mixed with the others.
 */
class InvisibleQuestionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One of each kind, by Unicode category: spaces (no-break, ideographic, narrow, line separator), format
     * characters (zero-width space and joiner, BOM, word joiner, soft hyphen, Mongolian vowel separator, RLM, a tag),
     * marks (combining acute, grapheme joiner, enclosing circle), private use (BMP and supplementary), unpaired
     * surrogates, the replacement character and a control character.
     */
    private static final List<String> INVISIBLE = List.of("\u00a0", "\u3000", "\u202f", "\u2028",
            "\u200b", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u180e", "\u200f", "\udb40\udc41",
            "\u0301", "\u034f", "\u20dd", "\ue000", "\udb80\udc00", "\ud800", "\udc00", "\ufffd", "\u0007");

    private final Javalin app = HttpApi.create(TestApp.shared().answers(), ServerOptions.defaults());

    static Stream<String> invisibleQuestions() {
        List<String> kinds = INVISIBLE;
        Stream<String> alone = kinds.stream();
        Stream<String> repeated = kinds.stream().map(c -> c.repeat(3) + " " + c);
        // separated, so that two unpaired surrogates never meet as a pair, which is a character
        Stream<String> mixed = IntStream.range(0, kinds.size()).mapToObj(i -> kinds.get(i) + " \t"
                + kinds.get((i + 7) % kinds.size()) + "\u00a0" + kinds.get((i + 3) % kinds.size()));
        return Stream.of(alone, repeated, mixed).flatMap(s -> s);
    }

    @ParameterizedTest
    @MethodSource("invisibleQuestions")
    void is_a_json_400_on_every_route_that_takes_a_question(String invisible) {
        JavalinTest.test(app, (server, client) -> {
            String question = escaped(invisible);
            String chat = "{\"messages\": [{\"role\": \"user\", \"content\": " + question + "}]";
            Map<String, String> requests = Map.of(
                    "/api/ask", "{\"question\": " + question + "}",
                    "/api/ask/stream", "{\"question\": " + question + "}",
                    "/v1/chat/completions", chat + "}",
                    "/v1/chat/completions?stream", chat + ", \"stream\": true}");

            requests.forEach((route, body) -> {
                String path = route.replace("?stream", "");
                Response response = EventStreamClient.postJson(client.getOrigin() + path, body);

                assertThat(response.status()).as(route + " " + body + " → " + response.body()).isEqualTo(400);
                assertThat(response.contentType()).as(route).startsWith("application/json");
                assertThat(JsonErrors.assertError(path, 400, response.body()))
                        .containsAnyOf("is empty", "no visible characters");
            });
        });
    }

    /** As a JSON string with every non-ASCII character escaped: an unpaired surrogate cannot be sent as UTF-8. */
    private static String escaped(String text) {
        StringBuilder json = new StringBuilder("\"");
        text.chars().forEach(c -> json.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
                ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return json.append('"').toString();
    }

    @Test
    void a_question_with_words_among_invisible_characters_is_answered_without_them_at_its_ends() {
        JavalinTest.test(app, (server, client) -> {
            Response response = EventStreamClient.postJson(client.getOrigin() + "/api/ask",
                    "{\"question\": \"\\ufeff\\u200b\\u00a0Who did\\u00a0Carney meet in Beijing?\\u200b\\ud800\"}");

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.path("answered").asBoolean()).isTrue();
            assertThat(answer.path("query").asText()).startsWith("Who did").endsWith("Beijing?");
        });
    }

    @Test
    void history_turns_of_invisible_characters_carry_nothing_and_are_no_failure() {
        JavalinTest.test(app, (server, client) -> {
            String history = "[{\"role\": \"user\", \"content\": \"\\u200b\"},"
                    + " {\"role\": \"assistant\", \"content\": \"\\u00a0\\u0301\"}]";

            Response ask = EventStreamClient.postJson(client.getOrigin() + "/api/ask",
                    "{\"question\": \"Where had they met before?\", \"history\": " + history + "}");
            Response chat = EventStreamClient.postJson(client.getOrigin() + "/v1/chat/completions",
                    "{\"messages\": [{\"role\": \"user\", \"content\": \"\\ufeff\"}, {\"role\": \"assistant\", "
                            + "\"content\": \"\\u200b\"}, {\"role\": \"user\", \"content\": \"Where had they met?\"}]}");

            assertThat(ask.status()).as(ask.body()).isEqualTo(200);
            assertThat(chat.status()).as(chat.body()).isEqualTo(200);
        });
    }
}
