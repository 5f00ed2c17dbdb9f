package dev.articlechat.retrieve;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Embeds queries with the same model that embedded the passages. Embedding is by far the costliest step
 * of retrieval, and the same texts come back often (suggested questions, the earlier turns of every
 * follow-up), so recent embeddings are kept in a small LRU cache.
 *
 * <p>Bounded on two sides, since ONNX Runtime keeps the native memory of its largest runs for the life of the
 * process: a text is embedded up to {@value #MAX_EMBEDDED_CHARS} characters (the model reads 256 word pieces,
 * and langchain4j averages longer texts over windows of 510, so a long answer in the history cost one inference
 * per window, and memory for each), and no more texts are embedded at once than there are cores (each inference
 * already uses every core; with one per HTTP thread, the runtime's buffers grew with the thread count).
 */
public final class QueryEmbedder {

    /** As long as the longest question; the start of a turn is what says what it is about. */
    public static final int MAX_EMBEDDED_CHARS = 2000;

    private static final int CACHE_SIZE = 2048;
    private static final Semaphore RUNNING = new Semaphore(Runtime.getRuntime().availableProcessors());

    private final EmbeddingModel model;
    private final Map<String, float[]> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    public QueryEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /** The question's embedding, nudged towards the conversation's earlier turns when there are any. */
    public float[] embed(RetrievalQuery query) {
        float[] question = embed(query.question());
        if (!query.hasContext()) {
            return question;
        }
        float[] context = embed(query.context());
        float[] mixed = new float[question.length];
        double norm = 0;
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = question[i] + HybridRetriever.CONTEXT_WEIGHT * context[i];
            norm += mixed[i] * mixed[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] *= scale;
        }
        return mixed;
    }

    public float[] embed(String text) {
        String embedded = bounded(text);
        float[] cached = cache.get(embedded);
        if (cached != null) {
            return cached;
        }
        RUNNING.acquireUninterruptibly();
        float[] vector;
        try {
            vector = model.embed(embedded).content().vector();
        } finally {
            RUNNING.release();
        }
        cache.put(embedded, vector);
        return vector;
    }

    /** The first {@value #MAX_EMBEDDED_CHARS} characters, not ending inside a surrogate pair. */
    static String bounded(String text) {
        if (text.length() <= MAX_EMBEDDED_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_EMBEDDED_CHARS - 1)) ? MAX_EMBEDDED_CHARS - 1
                : MAX_EMBEDDED_CHARS;
        return text.substring(0, end);
    }
}
