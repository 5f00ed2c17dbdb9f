package dev.articlechat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.answer.Question;
import dev.articlechat.answer.Turn;
import io.javalin.http.BadRequestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates the body of {@code POST /api/ask}. Validation is strict about shape and lenient about
 * content: any Unicode is a fine question, but a number where a question belongs is a 400, not a guess.
 */
final class AskRequestReader {

    static final int MAX_QUESTION_CHARS = 2000;
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
        return new Question(question(root.get("question")), history(root.get("history")));
    }

    private static String question(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new BadRequestResponse("\"question\" is required.");
        }
        if (!node.isTextual()) {
            throw new BadRequestResponse("\"question\" must be a string.");
        }
        String question = withoutControlCharacters(node.asText()).strip();
        if (question.isEmpty()) {
            throw new BadRequestResponse("\"question\" must not be empty.");
        }
        if (question.length() > MAX_QUESTION_CHARS) {
            throw new BadRequestResponse("\"question\" is longer than " + MAX_QUESTION_CHARS + " characters.");
        }
        return question;
    }

    private static List<Turn> history(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadRequestResponse("\"history\" must be an array of {\"role\", \"content\"} turns.");
        }
        if (node.size() > MAX_HISTORY_TURNS) {
            throw new BadRequestResponse("\"history\" has more than " + MAX_HISTORY_TURNS + " turns.");
        }
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
            turns.add(new Turn(role.asText(), withoutControlCharacters(content.asText())));
        }
        return turns;
    }

    /** Control characters carry no meaning in a question; they become spaces so that nothing downstream sees them. */
    static String withoutControlCharacters(String text) {
        return text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", " ");
    }
}
