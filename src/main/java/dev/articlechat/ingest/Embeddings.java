package dev.articlechat.ingest;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The sentence-embedding model that passages and questions share: all-MiniLM-L6-v2, quantised, run in
 * process by ONNX Runtime from weights inside the jar, so nothing is downloaded.
 */
public final class Embeddings {

    /** Named in the index fingerprint, so that a change of model rebuilds the index. */
    public static final String MODEL_NAME = "all-MiniLM-L6-v2-q";

    static {
        // The tokenizer library (DJL) otherwise probes the cloud metadata address to report usage. The product
        // promises to work offline and to send nothing anywhere, so that is switched off before it loads.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
    }

    private Embeddings() {
    }

    public static EmbeddingModel miniLm() {
        return new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
}
