package dev.articlechat.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What reaches the embedding model: bounded texts, on a bounded number of threads. */
class QueryEmbedderTest {

    /** A model that remembers what it was given and how many ran at once, slow enough for runs to overlap. */
    static final class RecordingModel implements EmbeddingModel {
        final List<String> texts = new ArrayList<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            synchronized (texts) {
                segments.forEach(segment -> texts.add(segment.text()));
            }
            return Response.from(segments.stream().map(s -> Embedding.from(new float[] {1, 0})).toList());
        }
    }

    @Test
    void embeds_a_long_text_only_up_to_its_first_2000_characters_and_never_half_a_surrogate_pair() {
        RecordingModel model = new RecordingModel();
        QueryEmbedder embedder = new QueryEmbedder(model);
        String longText = "Carney met Xi. ".repeat(500);
        String pairAtTheCut = "a".repeat(QueryEmbedder.MAX_EMBEDDED_CHARS - 1) + "\ud83d\ude00 and more";

        embedder.embed(longText);
        embedder.embed(pairAtTheCut);
        embedder.embed("Who did Carney meet?");

        assertThat(model.texts.get(0)).isEqualTo(longText.substring(0, QueryEmbedder.MAX_EMBEDDED_CHARS));
        assertThat(model.texts.get(1)).hasSize(QueryEmbedder.MAX_EMBEDDED_CHARS - 1).doesNotContain("\ud83d");
        assertThat(model.texts.get(2)).isEqualTo("Who did Carney meet?");
    }

    @Test
    void runs_no_more_embeddings_at_once_than_its_threads_for_each_core() throws Exception {
        RecordingModel model = new RecordingModel();
        QueryEmbedder embedder = new QueryEmbedder(model);
        ExecutorService askers = Executors.newFixedThreadPool(32);
        try {
            List<Future<float[]>> vectors = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String question = "Question " + i;
                vectors.add(askers.submit(() -> embedder.embed(question)));
            }
            for (Future<float[]> vector : vectors) {
                assertThat(vector.get()).hasSize(2);
            }
        } finally {
            askers.shutdownNow();
        }

        assertThat(model.texts).hasSize(64);
        assertThat(model.mostAtOnce.get())
                .isBetween(1, QueryEmbedder.THREADS_PER_CORE * Runtime.getRuntime().availableProcessors());
    }
}
