package dev.articlechat.retrieve;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embeds queries with the same model that embedded the passages. Embedding is by far the costliest step
 * of retrieval, and the same texts come back often (suggested questions, the earlier turns of every
 * follow-up), so recent embeddings are kept in a small LRU cache.
 *
 * <p>Bounded on two sides, since ONNX Runtime keeps the native memory of its largest runs for the life of the
 * process: a text is embedded up to {@value #MAX_EMBEDDED_CHARS} characters (the model was trained on 256 word
 * pieces and reads at most 512, and the runtime's buffers grow with the longest input it has run), and texts are
 * embedded on {@value #THREADS_PER_CORE} thread a core, not on every HTTP thread: the runtime's buffers and the
 * threads' malloc arenas grew with the number of threads that ever ran it. Each inference runs on one core
 * ({@link dev.articlechat.ingest.MiniLmEmbeddingModel}), so more threads than cores would only share them: measured
 * at 16 connections over 3,000 articles, one a core kept the throughput of four and cut p99 from 79 to 59 ms,
 * since questions wait their turn instead of all slowing down together.
 */
public final class QueryEmbedder {

    /** As long as the longest question; the start of a turn is what says what it is about. */
    public static final int MAX_EMBEDDED_CHARS = 2000;

    static final int THREADS_PER_CORE = 1;

    private static final int CACHE_SIZE = 2048;
    /**
     * The threads that run the model, shared by every embedder of the process (a re-index makes a new one): the
     * tokenizer's and ONNX Runtime's native allocations then stay on these few threads and their malloc arenas.
     * Daemons, since they hold nothing that needs closing.
     */
    private static final ExecutorService RUNNING = Executors.newFixedThreadPool(
            THREADS_PER_CORE * Runtime.getRuntime().availableProcessors(), new ThreadFactory() {
                private final AtomicInteger count = new AtomicInteger();

                @Override
                public Thread newThread(Runnable task) {
                    Thread thread = new Thread(task, "embedding-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }
            });

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
        float[] vector = onTheModelsThreads(embedded);
        cache.put(embedded, vector);
        return vector;
    }

    private float[] onTheModelsThreads(String text) {
        try {
            return CompletableFuture.supplyAsync(() -> model.embed(text).content().vector(), RUNNING).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // as if it had run on this thread
            }
            throw e;
        }
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
