package dev.articlechat.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.articlechat.answer.Question;
import dev.articlechat.answer.QuestionText;
import dev.articlechat.answer.Turn;
import io.javalin.http.BadRequestResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat-completions request as OpenAI clients send it, read into a question: the last message is the
 * question and must come from the user; earlier user and assistant messages are the history. System
 * messages are ignored: the bot's instructions are its own, and a client cannot replace them. The history has
 * the limit of {@code /api/ask}'s (a longer conversation is a 400, not cut: the client says which turns matter).
 */
record ChatCompletionRequest(Question question, boolean stream) {

    static ChatCompletionRequest read(StrictJson json, String body) {
        JsonNode root = json.read(body);
        if (root == null || !root.isObject() || !root.path("messages").isArray() || root.path("messages").isEmpty()) {
            throw new BadRequestResponse("The body must be a JSON object with a non-empty \"messages\" array.");
        }
        JsonNode stream = root.path("stream");
        if (!stream.isMissingNode() && !stream.isNull() && !stream.isBoolean()) {
            throw new BadRequestResponse("\"stream\" must be true or false.");
        }
        List<Turn> turns = new ArrayList<>();
        String lastUserText = null;
        for (JsonNode message : root.get("messages")) {
            String role = message.path("role").asText("");
            if (!message.isObject() || !List.of("system", "developer", Turn.USER, Turn.ASSISTANT).contains(role)) {
                throw new BadRequestResponse("Each message needs a \"role\" of \"system\", \"user\" or \"assistant\".");
            }
            if (role.equals(Turn.USER) || role.equals(Turn.ASSISTANT)) {
                String raw = text(message.get("content"));
                lastUserText = role.equals(Turn.USER) ? raw : null;
                String content = QuestionText.turn(raw);
                turns.add(new Turn(role, role.equals(Turn.ASSISTANT) ? ChatCompletionText.withoutSources(content) : content));
            }
        }
        if (turns.isEmpty() || !turns.get(turns.size() - 1).fromUser()) {
            throw new BadRequestResponse("The last message must be the user's question.");
        }
        turns.remove(turns.size() - 1);
        AskRequestReader.requireAtMostMaxTurns(turns.size());
        String question = QuestionText.of(lastUserText);
        return new ChatCompletionRequest(new Question(question, List.copyOf(turns), articleId(root.get("model"))),
                stream.asBoolean(false));
    }

    /**
     * {@code "article-chat:<id>"} scopes the question to that article; any other model name (clients send their
     * own defaults) asks about every article.
     */
    private static String articleId(JsonNode model) {
        String name = model != null && model.isTextual() ? model.asText() : "";
        return name.startsWith(ChatCompletionsController.MODEL_ID + ":")
                ? name.substring(ChatCompletionsController.MODEL_ID.length() + 1) : null;
    }

    /** Content is a string, or an array of parts of which the text parts count. */
    private static String text(JsonNode content) {
        if (content != null && content.isTextual()) {
            return content.asText();
        }
        if (content != null && content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                    text.append(text.isEmpty() ? "" : "\n").append(part.get("text").asText());
                }
            }
            return text.toString();
        }
        throw new BadRequestResponse("Each message needs a \"content\" string or an array of text parts.");
    }
}
