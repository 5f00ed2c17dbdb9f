package dev.articlechat.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MiniLmEmbeddingModelTest {

    private static final EmbeddingModel model = Embeddings.miniLm();

    @Test
    void embeds_every_sentence_of_the_article_as_langchain4j_own_model_does() throws IOException {
        List<TextSegment> sentences = new ArticleLoader().load(List.of()).articles().get(0).passages().stream()
                .map(passage -> TextSegment.from(passage.text())).toList();
        List<Embedding> theirs = new AllMiniLmL6V2QuantizedEmbeddingModel().embedAll(sentences).content();

        List<Embedding> ours = model.embedAll(sentences).content();

        assertThat(ours).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(cosine(ours.get(i).vector(), theirs.get(i).vector()))
                    .as(sentences.get(i).text()).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void gives_a_text_the_same_vector_whatever_it_is_embedded_beside() {
        List<TextSegment> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add(TextSegment.from("Sentence number " + i + " says the harbour wall was repaired on a Friday."));
        }
        List<Embedding> inOrder = model.embedAll(texts).content();
        List<TextSegment> shuffled = new ArrayList<>(texts);
        Collections.shuffle(shuffled, new Random(7));

        List<Embedding> again = model.embedAll(shuffled).content();

        for (int i = 0; i < shuffled.size(); i++) {
            int original = texts.indexOf(shuffled.get(i));
            assertThat(again.get(i).vector()).containsExactly(inOrder.get(original).vector());
            assertThat(model.embed(shuffled.get(i).text()).content().vector()).containsExactly(inOrder.get(original).vector());
        }
    }

    @Test
    void gives_unit_vectors_of_the_model_dimension_that_put_alike_sentences_close() {
        float[] storm = model.embed("Storms flooded the harbour town.").content().vector();
        float[] flood = model.embed("The harbour town was flooded by a storm.").content().vector();
        float[] trade = model.embed("The ministers discussed tariffs on canola.").content().vector();

        assertThat(storm).hasSize(model.dimension()).hasSize(384);
        assertThat(cosine(storm, storm)).isCloseTo(1.0, within(1e-5));
        assertThat(cosine(storm, flood)).isGreaterThan(cosine(storm, trade) + 0.3);
    }

    @Test
    void cuts_a_text_longer_than_the_model_reads_instead_of_failing() {
        String start = "The harbour wall was repaired after the storm. ";
        String longText = start + "Tariffs on canola were discussed at length. ".repeat(200);

        float[] vector = model.embed(longText).content().vector();

        assertThat(vector).hasSize(384);
        assertThat(cosine(vector, vector)).isCloseTo(1.0, within(1e-5));
        assertThat(vector).isEqualTo(model.embed(longText + "And much more that the model never reads.").content().vector());
    }

    @Test
    void refuses_to_embed_blank_text() {
        assertThatThrownBy(() -> model.embed("  \n")).isInstanceOf(IllegalArgumentException.class);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
