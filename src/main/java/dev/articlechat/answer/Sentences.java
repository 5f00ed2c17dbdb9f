package dev.articlechat.answer;

import dev.articlechat.answer.write.CitationMarkers;
import dev.articlechat.ingest.SentenceSplitter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a model's answer into sentences with the article's own splitter, so that an answer and the article
 * agree on what a sentence is ("Mr. Reid", "U.S.-made", "3.5"), keeping each sentence's markers with it.
 */
public final class Sentences {

    /** "… Beijing. [2]" : markers a model puts after the full stop belong to the sentence before it. */
    private static final Pattern MARKERS_AFTER_STOP = Pattern.compile(
            "([.!?])((?:\\s?" + CitationMarkers.PATTERN.pattern() + ")+)");
    private static final SentenceSplitter SPLITTER = new SentenceSplitter();

    private Sentences() {
    }

    public static List<String> split(String text) {
        String markersInside = MARKERS_AFTER_STOP.matcher(text).replaceAll("$2$1");
        return SPLITTER.split(markersInside, 0, markersInside.length()).stream()
                .map(span -> span.of(markersInside).strip())
                .filter(sentence -> !sentence.isEmpty())
                .toList();
    }
}
