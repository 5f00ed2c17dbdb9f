package dev.articlechat.answer;

import dev.articlechat.answer.write.CitationMarkers;
import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Passage;
import dev.articlechat.retrieve.RetrievedPassage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Turns a draft's source markers into checked citations. A marker survives only if it names a source the
 * answerer was given and that source's quote is, character for character, the article text at its
 * offsets; survivors are renumbered 1..N in order of first use, so every citation is used and numbered.
 */
public final class CitationVerifier {

    /** The checked answer text and its citations; {@code cited} is false when no marker survived. */
    public record Verified(String text, List<Citation> citations) {

        public boolean cited() {
            return !citations.isEmpty();
        }
    }

    private final Corpus corpus;

    public CitationVerifier(Corpus corpus) {
        this.corpus = corpus;
    }

    public Verified verify(String draft, List<RetrievedPassage> sources) {
        Map<Integer, Citation> bySource = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        Matcher marker = CitationMarkers.PATTERN.matcher(draft);
        int last = 0;
        while (marker.find()) {
            text.append(draft, last, marker.start());
            StringBuilder renumbered = new StringBuilder();
            for (int source : CitationMarkers.numbers(marker.group(1))) {
                Citation citation = bySource.get(source);
                if (citation == null && isVerifiable(source, sources)) {
                    citation = cite(bySource.size() + 1, sources.get(source - 1).passage());
                    bySource.put(source, citation);
                }
                if (citation != null && renumbered.indexOf("[" + citation.n() + "]") < 0) {
                    renumbered.append('[').append(citation.n()).append(']');
                }
            }
            text.append(renumbered);
            last = marker.end();
        }
        text.append(draft.substring(last));
        String cleaned = text.toString().replaceAll("[ \\t]+([.,;:!?])", "$1").replaceAll("[ \\t]{2,}", " ").strip();
        return new Verified(cleaned, new ArrayList<>(bySource.values()));
    }

    private boolean isVerifiable(int source, List<RetrievedPassage> sources) {
        if (source < 1 || source > sources.size()) {
            return false;
        }
        Passage passage = sources.get(source - 1).passage();
        Article article = corpus.article(passage.articleId()).orElse(null);
        return article != null && 0 <= passage.start() && passage.start() <= passage.end()
                && passage.end() <= article.text().length()
                && article.text().substring(passage.start(), passage.end()).equals(passage.text());
    }

    private static Citation cite(int n, Passage passage) {
        return new Citation(n, passage.id(), passage.text(), passage.start(), passage.end(), passage.articleId());
    }
}
