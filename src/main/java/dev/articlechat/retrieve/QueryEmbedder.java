package dev.articlechat.retrieve;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Embeds queries with the same model that embedded the passages. Embedding is by far the costliest step
 * of retrieval, and the same texts come back often (suggested questions, the earlier turns of every
 * follow-up), so recent embeddings are kept in a small LRU cache.
 */
public final class QueryEmbedder {

    private static final int CACHE_SIZE = 2048;

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
        float[] cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        float[] vector = model.embed(text).content().vector();
        cache.put(text, vector);
        return vector;
    }
}
