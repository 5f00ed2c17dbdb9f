package dev.articlechat.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a model's answer into sentences, keeping each sentence's citation markers with it. */
final class Sentences {

    /** A sentence end: terminal punctuation and any markers after it ("… Beijing. [2]"), then a new sentence. */
    private static final Pattern END = Pattern.compile(
            "[.!?](?:\\s?" + CitationMarkers.PATTERN.pattern() + ")*(?=\\s+[\\p{Lu}\"“])");

    private Sentences() {
    }

    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        Matcher end = END.matcher(text);
        int start = 0;
        while (end.find()) {
            add(sentences, text.substring(start, end.end()));
            start = end.end();
        }
        add(sentences, text.substring(start));
        return sentences;
    }

    private static void add(List<String> sentences, String sentence) {
        if (!sentence.isBlank()) {
            sentences.add(sentence.strip());
        }
    }
}
