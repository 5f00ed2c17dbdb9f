package dev.articlechat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.articlechat.answer.Answer;
import dev.articlechat.answer.Question;
import java.util.UUID;
import java.util.function.ToIntFunction;

/** Chat-completion objects and stream chunks in the shape OpenAI clients parse. */
final class ChatCompletionJson {

    private final ObjectMapper json;
    private final ToIntFunction<String> tokens;

    /** @param tokens counts the tokens of a text, for {@code usage} */
    ChatCompletionJson(ObjectMapper json, ToIntFunction<String> tokens) {
        this.json = json;
        this.tokens = tokens;
    }

    static String newId() {
        return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    }

    ObjectNode completion(Question question, Answer answer) {
        ObjectNode root = header(newId(), "chat.completion", question);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        String content = ChatCompletionText.of(answer);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        root.set("usage", usage(question, content));
        return withAnswer(root, answer);
    }

    /**
     * Tokens of what the client sent that the bot reads (the question and the turns before it) and of the
     * content sent back. The article's passages the bot adds are its own business, as a system prompt is.
     */
    ObjectNode usage(Question question, String content) {
        int prompt = tokens.applyAsInt(question.text())
                + question.history().stream().mapToInt(turn -> tokens.applyAsInt(turn.content())).sum();
        int completion = tokens.applyAsInt(content);
        return json.createObjectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    /** A chunk adding {@code content}; the first chunk of a stream also names the role. */
    String chunk(String id, Question question, String content, String finishReason) {
        ObjectNode root = header(id, "chat.completion.chunk", question);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content.isEmpty() && finishReason == null) {
            delta.put("role", "assistant");
        }
        delta.put("content", content);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return root.toString();
    }

    /** The chunk that ends the stream, carrying the verified answer's citations and the stream's usage. */
    String lastChunk(String id, Question question, String streamed, Answer answer) {
        ObjectNode root = header(id, "chat.completion.chunk", question);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta");
        choice.put("finish_reason", "stop");
        root.set("usage", usage(question, streamed));
        return withAnswer(root, answer).toString();
    }

    /** An error event of a stream that has begun: OpenAI's error object, as its streaming clients read it. */
    String error(int status, String message) {
        return json.valueToTree(ErrorBody.openAi(status, message)).toString();
    }

    private ObjectNode header(String id, String object, Question question) {
        return json.createObjectNode().put("id", id).put("object", object)
                .put("created", System.currentTimeMillis() / 1000)
                // the model the question was put to, as OpenAI names back the model it was asked for
                .put("model", ChatCompletionsController.modelName(question.scope()));
    }

    private ObjectNode withAnswer(ObjectNode root, Answer answer) {
        root.set("citations", json.valueToTree(answer.citations()));
        root.put("answered", answer.answered());
        root.put("query", answer.query());
        if (answer.fallback() != null) {
            root.put("fallback", answer.fallback());
        }
        return root;
    }
}
