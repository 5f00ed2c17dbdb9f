package dev.articlechat.eval;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SQuAD's answer normalisation, as its official scoring script does it (lower case, punctuation removed, the
 * articles a, an and the removed, white space collapsed), and whether a text holds a gold answer.
 *
 * <p>Three choices differ from that script, all because our answers are sentences, not spans. A text holds an
 * answer when the answer's normalised words appear in it in a row, whole words only: "10" is not in "100", as a
 * plain substring test would have it. Punctuation is every Unicode punctuation mark besides ASCII's, since the
 * model writes curly quotes and dashes that the script's ASCII list would leave stuck to a word. And a sentence
 * also holds an answer when its punctuation is read as a space between words: the script's removal joins a
 * possessive or a compound into one word ("Edda Rowan's" into "edda rowans", "Holmby-on-Tessel" into
 * "holmbyontessel"), which hides the gold span "Edda Rowan" or "Tessel" in a sentence that says it, while a
 * span's own "U.S." still matches "US" the script's way.
 *
 * <p>These are the benchmark's words, not the answering pipeline's (which compares Lucene-analysed tokens): a
 * score is only comparable with others' SQuAD figures if it normalises as SQuAD does.
 */
public final class SquadText {

    /** The markers that tie a sentence to its sources, "[2]" and "[1, 3]"; never part of what it says. */
    private static final Pattern MARKERS = Pattern.compile("\\s*\\[\\d+(?:\\s*,\\s*\\d+)*]");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}\\p{P}]");
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private SquadText() {
    }

    public static String normalize(String text) {
        return normalize(text, "");
    }

    /** @param punctuation what a punctuation mark becomes: nothing, as SQuAD has it, or a space */
    private static String normalize(String text, String punctuation) {
        String lower = text.toLowerCase(Locale.ROOT);
        String unpunctuated = PUNCTUATION.matcher(lower).replaceAll(punctuation);
        String withoutArticles = ARTICLES.matcher(unpunctuated).replaceAll(" ");
        return SPACES.matcher(withoutArticles.strip()).replaceAll(" ");
    }

    /**
     * Whether {@code text} holds {@code gold}'s normalised words, in a row, with punctuation removed or read as a
     * space. A gold answer with no words left once normalised ("the") is held by nothing: every text would hold it.
     */
    public static boolean holds(String text, String gold) {
        return inARow(words(text, ""), words(gold, "")) || inARow(words(text, " "), words(gold, " "));
    }

    public static boolean holdsAny(String text, Collection<String> golds) {
        return golds.stream().anyMatch(gold -> holds(text, gold));
    }

    /** An answer's text without its citation markers, which would otherwise be read as numbers. */
    public static String withoutMarkers(String answer) {
        return MARKERS.matcher(answer).replaceAll("");
    }

    private static boolean inARow(List<String> text, List<String> answer) {
        return !answer.isEmpty() && Collections.indexOfSubList(text, answer) >= 0;
    }

    private static List<String> words(String text, String punctuation) {
        String normalized = normalize(text, punctuation);
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }
}
