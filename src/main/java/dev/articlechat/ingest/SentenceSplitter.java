package dev.articlechat.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits prose into sentences with exact offsets.
 *
 * <p>A sentence ends at {@code . ! ? …}, followed by any closing quotes or brackets, then white space and
 * the start of a new sentence (a capital letter, a digit or an opening quote). Full stops inside a token
 * ("3.5", "U.S.-made") are never boundaries because no white space follows them; a full stop after an
 * abbreviation ("U.S.", "Mr.", "Jan.") or an initial ("J.") is not one either, even before a capital,
 * since news prose puts names right after them ("U.S. President Donald Trump").
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt", "gov",
            "sen", "rep", "pres", "hon", "rev", "inc", "ltd", "co", "corp", "dept", "univ", "assn", "vs", "etc",
            "vol", "fig", "approx", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "e.g", "i.e", "a.m", "p.m");

    /** Sentences of {@code text} within {@code [from, to)}, trimmed of surrounding white space. */
    public List<TextSpan> split(String text, int from, int to) {
        List<TextSpan> sentences = new ArrayList<>();
        int sentenceStart = from;
        for (int i = from; i < to; i++) {
            if (!isTerminal(text.charAt(i))) {
                continue;
            }
            int end = i + 1;
            while (end < to && isTerminal(text.charAt(end))) {
                end++;
            }
            while (end < to && isClosing(text.charAt(end))) {
                end++;
            }
            if (isBoundary(text, i, end, to)) {
                add(sentences, text, sentenceStart, end);
                sentenceStart = end;
            }
            i = end - 1;
        }
        add(sentences, text, sentenceStart, to);
        return sentences;
    }

    private boolean isBoundary(String text, int mark, int end, int to) {
        if (end >= to) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(end))) {
            return false;
        }
        int next = end;
        while (next < to && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        if (next >= to || !startsSentence(text.charAt(next))) {
            return false;
        }
        return text.charAt(mark) != '.' || !isAbbreviation(text, mark);
    }

    /** Whether the word that ends at the full stop {@code dot} is an abbreviation or an initial. */
    private static boolean isAbbreviation(String text, int dot) {
        int wordStart = dot;
        while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))
                && !isOpening(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot);
        if (word.isEmpty()) {
            return false;
        }
        // A lone capital is taken for an initial ("by J. Smith"): splitting a name in two breaks a citation,
        // while the rarer "posted on X. Then" only leaves two sentences in one passage.
        boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
        boolean dotted = word.matches("(\\p{L}\\.)+\\p{L}"); // U.S, e.g, a.m
        return initial || dotted || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static void add(List<TextSpan> sentences, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new TextSpan(start, end));
        }
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '»';
    }

    private static boolean isOpening(char c) {
        return c == '"' || c == '\'' || c == '“' || c == '‘' || c == '(' || c == '[' || c == '«';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || isOpening(c) || Character.isTitleCase(c);
    }
}
