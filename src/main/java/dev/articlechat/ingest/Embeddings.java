package dev.articlechat.ingest;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.util.function.ToIntFunction;

/**
 * The sentence-embedding model that passages and questions share: all-MiniLM-L6-v2, quantised, run in
 * process by ONNX Runtime from weights inside the jar, so nothing is downloaded ({@link MiniLmEmbeddingModel}).
 */
public final class Embeddings {

    /**
     * Named in the index fingerprint, so that a change of model rebuilds the index. "cut at 512": texts longer than
     * the model's positions are cut, where langchain4j's own model averaged windows of them.
     */
    public static final String MODEL_NAME = "all-MiniLM-L6-v2-q, cut at 512";

    static {
        // The tokenizer library (DJL) otherwise probes the cloud metadata address to report usage. The product
        // promises to work offline and to send nothing anywhere, so that is switched off before it loads.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
    }

    private Embeddings() {
    }

    /** One model for the process: it is thread safe, and each copy holds its weights and runtime buffers. */
    public static EmbeddingModel miniLm() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final MiniLmEmbeddingModel INSTANCE = new MiniLmEmbeddingModel();
    }

    /**
     * Counts tokens with the embedding model's own WordPiece tokenizer, shipped in the jar: what OpenAI clients are
     * shown as a completion's {@code usage}. A language model's tokenizer cuts text somewhat differently, but
     * within a few percent for English prose, and it is the one tokenizer every answerer has.
     */
    public static ToIntFunction<String> tokenCounter() {
        return TokenCounter.INSTANCE::estimateTokenCountInText;
    }

    /** Loaded on first use: the tokenizer's vocabulary is read once per process. */
    private static final class TokenCounter {
        static final HuggingFaceTokenCountEstimator INSTANCE = new HuggingFaceTokenCountEstimator();
    }
}
