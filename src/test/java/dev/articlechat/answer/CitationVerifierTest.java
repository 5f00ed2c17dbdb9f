package dev.articlechat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.ingest.ArticleLoader;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Passage;
import dev.articlechat.retrieve.RetrievedPassage;
import dev.articlechat.support.Citations;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationVerifierTest {

    private final Corpus corpus = new ArticleLoader().load(List.of());
    private final CitationVerifier verifier = new CitationVerifier(corpus);

    @Test
    void renumbers_markers_in_order_of_first_use() {
        List<RetrievedPassage> sources = sources("p1", "p2", "p3");

        CitationVerifier.Verified verified = verifier.verify("Xi spoke of peace [3]. Carney met Xi [1].", sources);

        assertThat(verified.text()).isEqualTo("Xi spoke of peace [1]. Carney met Xi [2].");
        assertThat(verified.citations()).extracting(Citation::n).containsExactly(1, 2);
        assertThat(verified.citations()).extracting(Citation::passageId).containsExactly("p3", "p1");
    }

    @Test
    void quotes_each_cited_passage_verbatim_from_the_article() {
        List<RetrievedPassage> sources = sources("p4", "p9");

        CitationVerifier.Verified verified = verifier.verify("First [2], then [1].", sources);

        assertThat(verified.citations()).hasSize(2).allSatisfy(citation -> {
            Citations.assertVerbatim(citation, corpus.article(citation.articleId()).orElseThrow().text());
            assertThat(citation.quote()).isEqualTo(corpus.primary().passage(citation.passageId()).orElseThrow().text());
        });
    }

    @Test
    void drops_a_marker_beyond_the_sources_it_was_given() {
        List<RetrievedPassage> sources = sources("p1", "p2");

        CitationVerifier.Verified verified = verifier.verify("Carney met Xi [1]. Something else [7].", sources);

        assertThat(verified.text()).isEqualTo("Carney met Xi [1]. Something else.");
        assertThat(verified.citations()).extracting(Citation::passageId).containsExactly("p1");
    }

    @Test
    void drops_a_marker_numbered_zero() {
        CitationVerifier.Verified verified = verifier.verify("Nothing here [0].", sources("p1"));

        assertThat(verified.text()).isEqualTo("Nothing here.");
        assertThat(verified.cited()).isFalse();
    }

    @Test
    void splits_a_list_of_markers_into_separate_ones() {
        List<RetrievedPassage> sources = sources("p1", "p2", "p3");

        CitationVerifier.Verified verified = verifier.verify("Both said so [1, 2].", sources);

        assertThat(verified.text()).isEqualTo("Both said so [1][2].");
        assertThat(verified.citations()).extracting(Citation::passageId).containsExactly("p1", "p2");
    }

    @Test
    void renumbers_a_list_of_markers_and_drops_the_unknown_ones_in_it() {
        List<RetrievedPassage> sources = sources("p1", "p2", "p3");

        CitationVerifier.Verified verified = verifier.verify("Both said so [3,9 , 1].", sources);

        assertThat(verified.text()).isEqualTo("Both said so [1][2].");
        assertThat(verified.citations()).extracting(Citation::passageId).containsExactly("p3", "p1");
    }

    @Test
    void reuses_the_number_of_a_source_cited_twice() {
        List<RetrievedPassage> sources = sources("p1", "p2", "p3");

        CitationVerifier.Verified verified = verifier.verify("A [2]. B [3]. C [2]. D [2, 2].", sources);

        assertThat(verified.text()).isEqualTo("A [1]. B [2]. C [1]. D [1].");
        assertThat(verified.citations()).extracting(Citation::passageId).containsExactly("p2", "p3");
    }

    @Test
    void drops_a_source_whose_text_is_not_the_article_at_its_offsets() {
        Passage real = corpus.primary().passage("p2").orElseThrow();
        Passage shifted = new Passage(real.id(), real.articleId(), real.ordinal(),
                real.start() + 1, real.end() + 1, real.text());
        List<RetrievedPassage> sources = List.of(retrieved(shifted), retrieved(corpus.primary().passage("p3").orElseThrow()));

        CitationVerifier.Verified verified = verifier.verify("Shifted [1]. Real [2].", sources);

        assertThat(verified.text()).isEqualTo("Shifted. Real [1].");
        assertThat(verified.citations()).extracting(Citation::passageId).containsExactly("p3");
    }

    @Test
    void drops_a_source_whose_quote_was_altered() {
        Passage real = corpus.primary().passage("p1").orElseThrow();
        Passage altered = new Passage(real.id(), real.articleId(), real.ordinal(), real.start(), real.end(),
                real.text().replace("Friday", "Monday"));

        CitationVerifier.Verified verified = verifier.verify("Altered [1].", List.of(retrieved(altered)));

        assertThat(verified.cited()).isFalse();
        assertThat(verified.text()).isEqualTo("Altered.");
    }

    @Test
    void drops_a_marker_too_large_to_be_a_source_number() {
        CitationVerifier.Verified verified = verifier.verify("See [99999999999]. Carney met Xi [1].", sources("p1"));

        assertThat(verified.text()).isEqualTo("See. Carney met Xi [1].");
        assertThat(verified.citations()).extracting(Citation::passageId).containsExactly("p1");
    }

    @Test
    void drops_a_source_whose_offsets_are_negative_or_reversed() {
        Passage real = corpus.primary().passage("p1").orElseThrow();
        Passage negative = new Passage("p1", real.articleId(), 0, -1, 5, "xxxxxx");
        Passage reversed = new Passage("p2", real.articleId(), 1, 10, 5, "");

        CitationVerifier.Verified verified = verifier.verify("Odd [1] and odder [2].",
                List.of(retrieved(negative), retrieved(reversed)));

        assertThat(verified.cited()).isFalse();
    }

    @Test
    void drops_a_source_that_reaches_past_the_end_of_the_article() {
        Passage real = corpus.primary().passage("p1").orElseThrow();
        int length = corpus.primary().text().length();
        Passage beyond = new Passage("p1", real.articleId(), 0, length - 5, length + 5, "rejected.xxxxx");

        CitationVerifier.Verified verified = verifier.verify("Beyond [1].", List.of(retrieved(beyond)));

        assertThat(verified.cited()).isFalse();
    }

    @Test
    void drops_a_source_from_an_article_that_is_not_in_the_corpus() {
        Passage real = corpus.primary().passage("p1").orElseThrow();
        Passage foreign = new Passage(real.id(), "another-article", real.ordinal(), real.start(), real.end(),
                real.text());

        CitationVerifier.Verified verified = verifier.verify("Foreign [1].", List.of(retrieved(foreign)));

        assertThat(verified.cited()).isFalse();
    }

    @Test
    void is_not_cited_when_the_draft_has_no_markers() {
        CitationVerifier.Verified verified = verifier.verify("Carney met Xi in Beijing.", sources("p1"));

        assertThat(verified.cited()).isFalse();
        assertThat(verified.citations()).isEmpty();
        assertThat(verified.text()).isEqualTo("Carney met Xi in Beijing.");
    }

    @Test
    void leaves_bracketed_text_that_is_not_a_marker_alone() {
        CitationVerifier.Verified verified = verifier.verify("He said [sic] it twice [1].", sources("p1"));

        assertThat(verified.text()).isEqualTo("He said [sic] it twice [1].");
        assertThat(verified.citations()).hasSize(1);
    }

    private List<RetrievedPassage> sources(String... ids) {
        return Arrays.stream(ids).map(id -> retrieved(corpus.primary().passage(id).orElseThrow())).toList();
    }

    private static RetrievedPassage retrieved(Passage passage) {
        return new RetrievedPassage(passage, 1.0, 0, 0, false);
    }
}
