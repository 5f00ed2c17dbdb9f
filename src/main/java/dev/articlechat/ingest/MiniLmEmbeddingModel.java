package dev.articlechat.ingest;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 (quantised) run by ONNX Runtime: the weights and tokenizer that langchain4j ships in its
 * {@code all-minilm-l6-v2-q} jar, run the way an index build needs. langchain4j's own model tokenizes each text
 * three times and runs each inference on every core while its executor runs several at once; here a text is
 * tokenized once and each inference runs on one core, one text per core at a time, which embeds the same vectors
 * about two thirds faster.
 *
 * <p>One text per inference, never a padded batch: the model's activations are quantised with a scale taken over
 * the whole input, so a sentence embedded beside others would come out a little different (cosine 0.98 to 1)
 * depending on its neighbours. A text's vector depends on the text alone, so an index updated article by article
 * matches one built at once, and a question is embedded exactly as the passages were.
 */
public final class MiniLmEmbeddingModel implements EmbeddingModel {

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    /** The model's positions: [CLS], 510 word pieces, [SEP]. Longer texts are cut, as sentence-transformers cuts. */
    private static final int MAX_TOKENS = 512;
    private static final int DIMENSION = 384;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean takesTokenTypes;
    /**
     * The threads an {@link #embedAll} spreads its texts over, one a core; a single text runs on its caller's.
     * Daemons: the model lives as long as the process and holds nothing that needs closing.
     */
    private final ExecutorService cores;

    public MiniLmEmbeddingModel() {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            this.session = environment.createSession(resource(MODEL), options);
            this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
            try (InputStream tokenizerJson = stream(TOKENIZER)) {
                this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
                        "padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model cannot be loaded", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedding model's tokenizer cannot be read", e);
        }
        AtomicInteger count = new AtomicInteger();
        this.cores = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "passage-embedding-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Response<Embedding> embed(String text) {
        return Response.from(Embedding.from(vectorOf(text)));
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        float[][] vectors = new float[segments.size()][];
        List<Future<?>> running = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            int index = i;
            running.add(cores.submit(() -> vectors[index] = vectorOf(segments.get(index).text())));
        }
        try {
            for (Future<?> task : running) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("Embedding failed", e.getCause());
        } finally {
            running.forEach(task -> task.cancel(true)); // nothing left running for a build that failed
        }
        return Response.from(Arrays.stream(vectors).map(Embedding::from).toList());
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /** The mean of the model's output over the text's tokens, [CLS] and [SEP] included, scaled to length 1. */
    float[] vectorOf(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
        }
        Encoding encoding = tokenizer.encode(text, true, false);
        long[] ids = encoding.getIds();
        long[] shape = {1, ids.length};
        try (OnnxTensor inputIds = tensor(ids, shape);
             OnnxTensor attentionMask = tensor(encoding.getAttentionMask(), shape);
             OnnxTensor tokenTypes = tensor(encoding.getTypeIds(), shape);
             OrtSession.Result result = session.run(takesTokenTypes
                     ? Map.of("input_ids", inputIds, "attention_mask", attentionMask, "token_type_ids", tokenTypes)
                     : Map.of("input_ids", inputIds, "attention_mask", attentionMask))) {
            return meanOfTokens((OnnxTensor) result.get(0), ids.length);
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model failed", e);
        }
    }

    private OnnxTensor tensor(long[] values, long[] shape) throws OrtException {
        return OnnxTensor.createTensor(environment, LongBuffer.wrap(values), shape);
    }

    private static float[] meanOfTokens(OnnxTensor hidden, int tokens) {
        FloatBuffer values = hidden.getFloatBuffer();
        float[] vector = new float[DIMENSION];
        for (int token = 0; token < tokens; token++) {
            for (int j = 0; j < DIMENSION; j++) {
                vector[j] += values.get(token * DIMENSION + j);
            }
        }
        double squares = 0;
        for (int j = 0; j < DIMENSION; j++) {
            vector[j] /= tokens;
            squares += vector[j] * vector[j];
        }
        float norm = (float) Math.sqrt(squares);
        for (int j = 0; j < DIMENSION; j++) {
            vector[j] /= norm;
        }
        return vector;
    }

    private static byte[] resource(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedding model " + name + " cannot be read", e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = MiniLmEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The embedding model " + name + " is missing from the class path");
        }
        return in;
    }
}
