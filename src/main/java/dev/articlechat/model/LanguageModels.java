package dev.articlechat.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the configured language model. When it cannot be had (no local model file, a file llama.cpp
 * cannot load, a missing key), the reason is returned instead, and the server answers extractively.
 */
public final class LanguageModels {

    /** The default local model, as the fetch step stores it. */
    public static final String DEFAULT_LOCAL_MODEL = ModelCatalog.DEFAULT.fileName();

    private static final Logger log = LoggerFactory.getLogger(LanguageModels.class);
    /**
     * HTTP clients wait a little longer than an answer may take, so that a slow model is always cut off by the
     * answerer's own limit and reported as a timeout, not as a failed request.
     */
    private static final Duration CLIENT_GRACE = Duration.ofSeconds(5);

    /** The model, or why there is none. */
    public record Opened(Optional<LanguageModel> model, String problem) {
    }

    private LanguageModels() {
    }

    public static Opened open(ChatModelSettings settings) {
        String provider = settings.provider().toLowerCase(Locale.ROOT);
        try {
            return switch (provider) {
                case ChatModelSettings.EXTRACTIVE -> new Opened(Optional.empty(), null);
                case "local" -> local(settings);
                case "openai" -> remote("openai:" + required(settings.modelName(), "--model-name"),
                        OpenAiChatModel.builder()
                                .baseUrl(settings.baseUrl()).apiKey(keyOrNone(settings)).modelName(settings.modelName())
                                .timeout(clientTimeout(settings)).maxTokens(settings.maxTokens()).temperature(0.0)
                                .maxRetries(0).build(),
                        OpenAiStreamingChatModel.builder()
                                .baseUrl(settings.baseUrl()).apiKey(keyOrNone(settings)).modelName(settings.modelName())
                                .timeout(clientTimeout(settings)).maxTokens(settings.maxTokens()).temperature(0.0)
                                .build());
                case "ollama" -> remote("ollama:" + required(settings.modelName(), "--model-name"),
                        OllamaChatModel.builder()
                                .baseUrl(ollamaUrl(settings)).modelName(settings.modelName())
                                .timeout(clientTimeout(settings)).numPredict(settings.maxTokens()).temperature(0.0)
                                .maxRetries(0).build(),
                        OllamaStreamingChatModel.builder()
                                .baseUrl(ollamaUrl(settings)).modelName(settings.modelName())
                                .timeout(clientTimeout(settings)).numPredict(settings.maxTokens()).temperature(0.0)
                                .build());
                case "anthropic" -> remote("anthropic:" + required(settings.modelName(), "--model-name"),
                        AnthropicChatModel.builder()
                                .baseUrl(settings.baseUrl()).apiKey(required(settings.apiKey(), "--model-api-key"))
                                .modelName(settings.modelName()).timeout(clientTimeout(settings))
                                .maxTokens(settings.maxTokens()).temperature(0.0).maxRetries(0).build(),
                        AnthropicStreamingChatModel.builder()
                                .baseUrl(settings.baseUrl()).apiKey(required(settings.apiKey(), "--model-api-key"))
                                .modelName(settings.modelName()).timeout(clientTimeout(settings))
                                .maxTokens(settings.maxTokens()).temperature(0.0).build());
                default -> throw new IllegalArgumentException("unknown model provider \"" + settings.provider()
                        + "\"; use local, openai, ollama, anthropic or extractive");
            };
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            return unavailable(provider + " model could not be opened: " + e.getMessage());
        }
    }

    private static Opened local(ChatModelSettings settings) {
        Path file = settings.modelFile() != null ? settings.modelFile()
                : settings.modelsDir().resolve(DEFAULT_LOCAL_MODEL);
        if (!Files.isRegularFile(file)) {
            return unavailable(settings.modelFile() != null ? "the model file " + file + " does not exist"
                    : "no local model in " + settings.modelsDir() + " (run: java -jar target/article-chat.jar fetch-model)");
        }
        LlamaCppChatModel model = new LlamaCppChatModel(file, new LlamaCppChatModel.Options(
                settings.contextSize(), settings.maxTokens(), settings.threads(), 0f, settings.hotArticles()));
        return new Opened(Optional.of(new LanguageModel("local:" + model.name(), model, model, model)), null);
    }

    private static Opened remote(String name, ChatModel model, StreamingChatModel streaming) {
        return new Opened(Optional.of(new LanguageModel(name, model, streaming, null)), null);
    }

    private static Duration clientTimeout(ChatModelSettings settings) {
        return settings.timeout().plus(CLIENT_GRACE);
    }

    /** Self-hosted OpenAI-compatible servers (vLLM, llama.cpp, LM Studio) take any key. */
    private static String keyOrNone(ChatModelSettings settings) {
        return settings.apiKey() == null ? "none" : settings.apiKey();
    }

    private static String ollamaUrl(ChatModelSettings settings) {
        return settings.baseUrl() == null ? "http://localhost:11434" : settings.baseUrl();
    }

    private static Opened unavailable(String problem) {
        log.warn("No language model: {}. Answers are extractive (the article's own sentences).", problem);
        return new Opened(Optional.empty(), problem);
    }

    private static String required(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is required for this model provider");
        }
        return value;
    }
}
