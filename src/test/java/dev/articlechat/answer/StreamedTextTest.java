package dev.articlechat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.ingest.ArticleLoader;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.retrieve.RetrievedPassage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentences passed on as verified pieces that add up to the final answer's text. */
class StreamedTextTest {

    private final Corpus corpus = new ArticleLoader().load(List.of());
    private final CitationVerifier verifier = new CitationVerifier(corpus);
    private final List<RetrievedPassage> sources = List.of("p1", "p2", "p3").stream()
            .map(id -> new RetrievedPassage(corpus.primary().passage(id).orElseThrow(), 1.0, 0, 0, false)).toList();
    private final List<String> tokens = new ArrayList<>();
    private final AnswerListener listener = new AnswerListener() {
        @Override
        public void sources(String query, List<Source> sources) {
        }

        @Override
        public void token(String text) {
            tokens.add(text);
        }
    };

    @Test
    void sends_each_sentence_renumbered_as_the_final_answer_numbers_it() {
        StreamedText streamed = new StreamedText(verifier, sources, listener);

        streamed.sentence("Xi spoke of peace [3].");
        streamed.sentence("Carney met Xi [1].");

        String whole = verifier.verify("Xi spoke of peace [3]. Carney met Xi [1].", sources).text();
        assertThat(tokens).containsExactly("Xi spoke of peace [1].", " Carney met Xi [2].");
        assertThat(String.join("", tokens)).isEqualTo(whole);
    }

    @Test
    void drops_a_marker_that_names_no_source_before_anyone_sees_it() {
        StreamedText streamed = new StreamedText(verifier, sources, listener);

        streamed.sentence("Carney met Xi [9].");

        assertThat(tokens).containsExactly("Carney met Xi.");
    }

    @Test
    void sends_the_whole_answer_when_nothing_was_streamed() {
        StreamedText streamed = new StreamedText(verifier, sources, listener);

        streamed.finish(new Answer("The article does not say.", false, List.of(), "extractive", "q", null, null));

        assertThat(tokens).containsExactly("The article does not say.");
    }

    @Test
    void sends_nothing_more_when_a_fallback_replaces_what_was_streamed() {
        StreamedText streamed = new StreamedText(verifier, sources, listener);
        streamed.sentence("Xi spoke of peace [3].");

        streamed.finish(new Answer("Something else [1].", true, List.of(), "extractive", "q", null, "unsupported: x"));

        assertThat(tokens).containsExactly("Xi spoke of peace [1].");
    }
}
