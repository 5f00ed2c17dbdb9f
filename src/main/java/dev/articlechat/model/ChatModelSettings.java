package dev.articlechat.model;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Which language model writes answers, and how to reach it.
 *
 * @param provider    "local" (a GGUF file run in process), "openai" (any OpenAI-compatible endpoint), "ollama",
 *                    "anthropic", or "extractive" (no language model)
 * @param modelFile   the GGUF file for "local"; null for the default model in {@code modelsDir}
 * @param modelsDir   where fetched models are kept
 * @param modelName   the model's name at a remote provider
 * @param baseUrl     the endpoint of an OpenAI-compatible server or of Ollama; null for the provider's default
 * @param apiKey      the key for OpenAI or Anthropic; never logged
 * @param timeout     how long one answer may take before the extractive answer is given instead
 * @param contextSize the local model's context window, in tokens
 * @param maxTokens   the most tokens an answer may have
 * @param threads     CPU threads for the local model
 * @param hotArticles how many articles the local model keeps read in its prompt cache at once (one llama.cpp
 *                    slot each, {@code contextSize} tokens of cache memory each)
 * @param judge       whether the model confirms each sentence that passed the checks before it is shown; off by
 *                    default: the default model judged too poorly to pay for its time (docs/evaluation.md)
 */
public record ChatModelSettings(String provider, Path modelFile, Path modelsDir, String modelName, String baseUrl,
                                String apiKey, Duration timeout, int contextSize, int maxTokens, int threads,
                                int hotArticles, boolean judge) {

    public static final String EXTRACTIVE = "extractive";
    /** Two: the article of the page being read and one more, for about 115 MB of cache each with the default model. */
    public static final int DEFAULT_HOT_ARTICLES = 2;

    public ChatModelSettings {
        if (hotArticles < 1) {
            throw new IllegalArgumentException("--model-hot-articles must be at least 1");
        }
    }

    /** No language model: answers are the article's own sentences. */
    public static ChatModelSettings extractive() {
        return new ChatModelSettings(EXTRACTIVE, null, Path.of("models"), null, null, null, Duration.ofSeconds(30),
                2048, 160, 2, DEFAULT_HOT_ARTICLES, false);
    }

    /** The model {@code modelName} of the OpenAI-compatible server at {@code baseUrl}, else as the flags' defaults. */
    public static ChatModelSettings openAi(String baseUrl, String modelName, String apiKey) {
        return new ChatModelSettings("openai", null, Path.of("models"), modelName, baseUrl, apiKey,
                Duration.ofSeconds(30), 4096, 160, 2, DEFAULT_HOT_ARTICLES, false);
    }

    /**
     * A GGUF model run in process, otherwise as the flags' defaults.
     *
     * @param modelFile null for the default model in {@code modelsDir}
     */
    public static ChatModelSettings local(Path modelFile, Path modelsDir) {
        return new ChatModelSettings("local", modelFile, modelsDir, null, null, null, Duration.ofSeconds(30),
                4096, 160, 2, DEFAULT_HOT_ARTICLES, false);
    }

    public ChatModelSettings withTimeout(Duration limit) {
        return new ChatModelSettings(provider, modelFile, modelsDir, modelName, baseUrl, apiKey, limit, contextSize,
                maxTokens, threads, hotArticles, judge);
    }

    public ChatModelSettings withContextSize(int tokens) {
        return new ChatModelSettings(provider, modelFile, modelsDir, modelName, baseUrl, apiKey, timeout, tokens,
                maxTokens, threads, hotArticles, judge);
    }

    public ChatModelSettings withJudge(boolean on) {
        return new ChatModelSettings(provider, modelFile, modelsDir, modelName, baseUrl, apiKey, timeout, contextSize,
                maxTokens, threads, hotArticles, on);
    }

    @Override
    public String toString() {
        // records print every field; the key must not reach a log
        return "ChatModelSettings[provider=" + provider + ", modelFile=" + modelFile + ", modelName=" + modelName
                + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + ", timeout=" + timeout + ", judge=" + judge + "]";
    }
}
