package dev.articlechat.cli;

import dev.articlechat.Settings;
import dev.articlechat.ingest.ArticleFormat;
import dev.articlechat.model.ChatModelSettings;
import dev.articlechat.retrieve.RetrievalMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every command shares. Each also reads an environment variable, named in its description. */
final class CommonOptions {

    @Mixin
    LogFormatOption logFormat;

    @Option(names = "--article", paramLabel = "FILE", split = ",", defaultValue = "${env:ARTICLE}",
            description = "Article file: plain text (first line is the title) or an HTML page (.html, .htm), of "
                    + "which the title and the story's own paragraphs are read; repeat for several. "
                    + "Default: the bundled article. Env: ARTICLE (comma-separated).")
    List<Path> articles = new ArrayList<>();

    @Option(names = "--articles-dir", paramLabel = "DIR", defaultValue = "${env:ARTICLES_DIR}",
            description = "Directory whose .txt, .html and .htm files (not those of its subdirectories) are "
                    + "articles too, in file-name order, after the --article files. Env: ARTICLES_DIR.")
    Path articlesDir;

    @Option(names = "--index-dir", paramLabel = "DIR", defaultValue = "${env:INDEX_DIR:-index}",
            description = "Lucene index directory. Env: INDEX_DIR. Default: ${DEFAULT-VALUE}.")
    Path indexDir;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:DATA_DIR:-data}",
            description = "Where articles added while serving (POST /admin/articles, index add) are kept; they are "
                    + "served beside the --article files and survive restarts. Env: DATA_DIR. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "${env:RETRIEVAL_MODE:-hybrid}",
            converter = ModeConverter.class,
            description = "Retrieval: bm25, vector or hybrid. Env: RETRIEVAL_MODE. Default: ${DEFAULT-VALUE}.")
    RetrievalMode mode;

    @Option(names = "--passages", paramLabel = "N", defaultValue = "${env:RETRIEVAL_PASSAGES:-8}",
            description = "Passages retrieved per question. Env: RETRIEVAL_PASSAGES. Default: ${DEFAULT-VALUE}.")
    int passages;

    @Option(names = "--context", paramLabel = "N", defaultValue = "${env:RETRIEVAL_CONTEXT:-0}",
            description = "Neighbouring sentences added on each side of a retrieved one. "
                    + "Env: RETRIEVAL_CONTEXT. Default: ${DEFAULT-VALUE}.")
    int contextWindow;

    @Option(names = "--model-provider", paramLabel = "NAME", defaultValue = "${env:CHAT_MODEL_PROVIDER:-local}",
            description = "Who writes answers: local (a GGUF model in process), openai, ollama, anthropic, or "
                    + "extractive (no language model). Env: CHAT_MODEL_PROVIDER. Default: ${DEFAULT-VALUE}.")
    String modelProvider;

    @Option(names = "--model", paramLabel = "FILE.gguf", defaultValue = "${env:MODEL_FILE}",
            description = "GGUF file for the local provider. Env: MODEL_FILE. Default: the fetched default model.")
    Path modelFile;

    @Option(names = "--models-dir", paramLabel = "DIR", defaultValue = "${env:MODELS_DIR:-models}",
            description = "Where fetch-model stores models. Env: MODELS_DIR. Default: ${DEFAULT-VALUE}.")
    Path modelsDir;

    @Option(names = "--model-name", paramLabel = "NAME", defaultValue = "${env:MODEL_NAME}",
            description = "Model name at openai, ollama or anthropic. Env: MODEL_NAME.")
    String modelName;

    @Option(names = "--model-base-url", paramLabel = "URL", defaultValue = "${env:MODEL_BASE_URL}",
            description = "Endpoint of an OpenAI-compatible server or of Ollama. Env: MODEL_BASE_URL.")
    String modelBaseUrl;

    @Option(names = "--model-api-key", paramLabel = "KEY", defaultValue = "${env:MODEL_API_KEY}",
            description = "API key for openai or anthropic. Env: MODEL_API_KEY.")
    String modelApiKey;

    @Option(names = "--model-timeout", paramLabel = "SECONDS", defaultValue = "${env:MODEL_TIMEOUT_SECONDS:-30}",
            description = "Seconds an answer may take before the extractive answer is given instead. "
                    + "Env: MODEL_TIMEOUT_SECONDS. Default: ${DEFAULT-VALUE}.")
    int modelTimeoutSeconds;

    @Option(names = "--model-threads", paramLabel = "N", defaultValue = "${env:MODEL_THREADS:-2}",
            description = "CPU threads of the local model. Env: MODEL_THREADS. Default: ${DEFAULT-VALUE}.")
    int modelThreads;

    @Option(names = "--model-context", paramLabel = "TOKENS", defaultValue = "${env:MODEL_CONTEXT:-4096}",
            description = "Context size of the local model. Env: MODEL_CONTEXT. Default: ${DEFAULT-VALUE}.")
    int modelContext;

    @Option(names = "--model-max-tokens", paramLabel = "N", defaultValue = "${env:MODEL_MAX_TOKENS:-160}",
            description = "Longest answer, in tokens. Env: MODEL_MAX_TOKENS. Default: ${DEFAULT-VALUE}.")
    int modelMaxTokens;

    @Option(names = "--model-hot-articles", paramLabel = "N", defaultValue = "${env:MODEL_HOT_ARTICLES:-2}",
            description = "Articles the local model keeps read in its prompt cache at once, so that questions about "
                    + "them are answered without reading the article again; each takes --model-context tokens of "
                    + "cache memory. Env: MODEL_HOT_ARTICLES. Default: ${DEFAULT-VALUE}.")
    int modelHotArticles;

    @Option(names = "--model-judge", defaultValue = "${env:MODEL_JUDGE:-false}", fallbackValue = "true", arity = "0..1",
            description = "Have the model confirm each sentence that passed the checks before it is shown (one more "
                    + "short model call a sentence). Off by default: the default model judges too poorly to pay for "
                    + "its time; try it with a stronger one. Env: MODEL_JUDGE. Default: ${DEFAULT-VALUE}.")
    boolean modelJudge;

    Settings settings() {
        if (passages < 1 || passages > 100) {
            throw new IllegalArgumentException("--passages must be between 1 and 100");
        }
        if (contextWindow < 0 || contextWindow > 5) {
            throw new IllegalArgumentException("--context must be between 0 and 5");
        }
        if (modelTimeoutSeconds < 1 || modelThreads < 1 || modelContext < 256 || modelMaxTokens < 8
                || modelMaxTokens >= modelContext || modelHotArticles < 1 || modelHotArticles > 16) {
            throw new IllegalArgumentException("model settings out of range: timeout >= 1 s, threads >= 1, "
                    + "context >= 256 tokens, 8 <= max tokens < context, 1 <= hot articles <= 16");
        }
        ChatModelSettings chatModel = new ChatModelSettings(modelProvider, modelFile, modelsDir, modelName,
                modelBaseUrl, modelApiKey, Duration.ofSeconds(modelTimeoutSeconds), modelContext, modelMaxTokens,
                modelThreads, modelHotArticles, modelJudge);
        return new Settings(articleFiles(), indexDir, mode, passages, contextWindow, chatModel,
                Settings.Generations.DEFAULT, dataDir);
    }

    /** The --article files, then those of --articles-dir by name, so that ids and passage order stay the same. */
    private List<Path> articleFiles() {
        List<Path> files = new ArrayList<>(articles == null ? List.of() : articles);
        if (articlesDir == null) {
            return files;
        }
        if (!Files.isDirectory(articlesDir)) {
            throw new IllegalArgumentException("--articles-dir " + articlesDir + " is not a directory");
        }
        List<Path> inDir;
        try {
            inDir = ArticleFormat.filesIn(articlesDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list --articles-dir " + articlesDir, e);
        }
        if (inDir.isEmpty()) {
            throw new IllegalArgumentException("--articles-dir " + articlesDir
                    + " holds no article: no .txt, .html or .htm file");
        }
        files.addAll(inDir);
        return files;
    }

    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<RetrievalMode> {
        @Override
        public RetrievalMode convert(String value) {
            try {
                return RetrievalMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected bm25, vector or hybrid");
            }
        }
    }
}
