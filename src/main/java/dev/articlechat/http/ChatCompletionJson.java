package dev.articlechat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.articlechat.answer.Answer;
import java.util.UUID;

/** Chat-completion objects and stream chunks in the shape OpenAI clients parse. */
final class ChatCompletionJson {

    private final ObjectMapper json;
    private final String model;

    ChatCompletionJson(ObjectMapper json, String model) {
        this.json = json;
        this.model = model;
    }

    static String newId() {
        return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    }

    ObjectNode completion(Answer answer) {
        ObjectNode root = header(newId(), "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", ChatCompletionText.of(answer));
        choice.put("finish_reason", "stop");
        root.putObject("usage").put("prompt_tokens", 0).put("completion_tokens", 0).put("total_tokens", 0);
        return withAnswer(root, answer);
    }

    /** A chunk adding {@code content}; the first chunk of a stream also names the role. */
    String chunk(String id, String content, String finishReason) {
        ObjectNode root = header(id, "chat.completion.chunk");
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

    /** The chunk that ends the stream, carrying the verified answer's citations. */
    String lastChunk(String id, Answer answer) {
        ObjectNode root = header(id, "chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta");
        choice.put("finish_reason", "stop");
        return withAnswer(root, answer).toString();
    }

    String error(String message) {
        ObjectNode root = json.createObjectNode();
        root.putObject("error").put("message", message).put("type", "server_error");
        return root.toString();
    }

    private ObjectNode header(String id, String object) {
        return json.createObjectNode().put("id", id).put("object", object)
                .put("created", System.currentTimeMillis() / 1000).put("model", model);
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
