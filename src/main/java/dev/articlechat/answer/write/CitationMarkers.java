package dev.articlechat.answer.write;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code [n]} markers that tie an answer's sentences to its sources, read the same way everywhere. */
public final class CitationMarkers {

    /** "[2]", and the "[1, 3]" that language models like to write; group 1 holds the numbers. */
    public static final Pattern PATTERN = Pattern.compile("\\[(\\d+(?:\\s*,\\s*\\d+)*)]");

    private static final Pattern STOP_AT_END = Pattern.compile("[.!?…]+$");
    /** A sentence's stop followed by the marks that close a quotation or a bracket. */
    private static final Pattern QUOTED_END = Pattern.compile("[.!?…][\"'”’»)\\]]+$");
    private static final Pattern WITH_SPACE_BEFORE = Pattern.compile("\\s*" + PATTERN.pattern());

    private CitationMarkers() {
    }

    /** The source numbers in a marker's group 1; a number too long to be one (no one has a billion) is -1. */
    public static List<Integer> numbers(String group) {
        List<Integer> numbers = new ArrayList<>();
        for (String number : group.split("\\s*,\\s*")) {
            numbers.add(number.length() > 9 ? -1 : Integer.parseInt(number));
        }
        return numbers;
    }

    /** The text without its markers (and the space before each), as a search or a support check wants it. */
    public static String strip(String text) {
        return WITH_SPACE_BEFORE.matcher(text).replaceAll("");
    }

    /** The positive numbers a text's markers name, in order of first mention. */
    public static Set<Integer> cited(String text) {
        Set<Integer> cited = new LinkedHashSet<>();
        Matcher marker = PATTERN.matcher(text);
        while (marker.find()) {
            numbers(marker.group(1)).stream().filter(n -> n > 0).forEach(cited::add);
        }
        return cited;
    }

    /**
     * "Claim." with sources 2 and 5 becomes "Claim [2][5]." so the markers sit inside the sentence. A sentence
     * that ends inside a quotation ("…a new phase.”") keeps its ending whole and the markers follow it: moving
     * the stop out of the quotation would change a quoted sentence, and adding one would make two.
     */
    public static String mark(String claim, List<Integer> sources) {
        StringBuilder markers = new StringBuilder();
        sources.forEach(n -> markers.append('[').append(n).append(']'));
        if (QUOTED_END.matcher(claim).find()) {
            return claim + " " + markers;
        }
        String body = STOP_AT_END.matcher(claim).replaceFirst("");
        String end = claim.substring(body.length());
        return body + " " + markers + (end.isEmpty() ? "." : end);
    }
}
