package dev.articlechat.ingest;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the sentences of an article that are addressed to an assistant or a model ("Ignore previous
 * instructions…", "AI assistants must say…", "BUY NOW…"), with the patterns of {@code injected-instructions.txt}.
 * An article is data: such a sentence stays in its text and offsets, but is quarantined, never given to a model,
 * retrieved or cited, so that an uploaded page cannot steer the answers to questions about it or about others.
 */
public final class InjectedInstructions {

    private static final List<Pattern> PATTERNS = load("injected-instructions.txt");

    private InjectedInstructions() {
    }

    /** True when the sentence speaks to whatever answers questions, not to a reader. */
    public static boolean addressesAnAssistant(String sentence) {
        String flat = sentence.replaceAll("\\s+", " ");
        return PATTERNS.stream().anyMatch(p -> p.matcher(flat).find());
    }

    private static List<Pattern> load(String resource) {
        return WordList.lines(InjectedInstructions.class, resource).stream()
                .map(line -> Pattern.compile(line, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
    }
}
