package dev.articlechat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.answer.Question;
import dev.articlechat.answer.QuestionText;
import dev.articlechat.answer.Turn;
import io.javalin.http.BadRequestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates the body of {@code POST /api/ask}. Validation is strict about shape and lenient about
 * content: what is a question is {@link QuestionText}'s to decide, but a number where a question belongs is a 400,
 * not a guess.
 */
final class AskRequestReader {

    static final int MAX_QUESTION_CHARS = QuestionText.MAX_CHARS;
    static final int MAX_HISTORY_TURNS = 20;
    private static final Set<String> ROLES = Set.of(Turn.USER, Turn.ASSISTANT);

    private final StrictJson json;

    AskRequestReader(ObjectMapper json) {
        this.json = new StrictJson(json);
    }

    Question read(String body) {
        JsonNode root = json.read(body);
        if (root == null || !root.isObject()) {
            throw new BadRequestResponse("The body must be a JSON object with a \"question\".");
        }
        return new Question(question(root.get("question")), history(root.get("history")), articleId(root.get("articleId")));
    }

    /** The article a question is scoped to: absent or null for every article; one that is not served is a 404. */
    private static String articleId(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BadRequestResponse("\"articleId\" must be a string: an id from GET /api/articles.");
        }
        return node.asText();
    }

    private static String question(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new BadRequestResponse("\"question\" is required.");
        }
        if (!node.isTextual()) {
            throw new BadRequestResponse("\"question\" must be a string.");
        }
        return QuestionText.of(node.asText());
    }

    /**
     * The one limit on a conversation, for {@code /api/ask}, its stream and {@code /v1/chat/completions} alike:
     * a longer one costs the model its time on turns that no longer matter to a follow-up.
     */
    static void requireAtMostMaxTurns(int turns) {
        if (turns > MAX_HISTORY_TURNS) {
            throw new BadRequestResponse("The conversation before the question has " + turns + " turns; at most "
                    + MAX_HISTORY_TURNS + " are taken: send only the latest.");
        }
    }

    private static List<Turn> history(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadRequestResponse("\"history\" must be an array of {\"role\", \"content\"} turns.");
        }
        requireAtMostMaxTurns(node.size());
        List<Turn> turns = new ArrayList<>();
        for (JsonNode turn : node) {
            JsonNode role = turn.get("role");
            JsonNode content = turn.get("content");
            if (!turn.isObject() || role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
                throw new BadRequestResponse("Each \"history\" turn needs a \"role\" of \"user\" or \"assistant\".");
            }
            if (content == null || !content.isTextual()) {
                throw new BadRequestResponse("Each \"history\" turn needs a string \"content\".");
            }
            turns.add(new Turn(role.asText(), QuestionText.turn(content.asText())));
        }
        return turns;
    }
}
