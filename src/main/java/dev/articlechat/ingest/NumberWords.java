package dev.articlechat.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spelled-out numbers and their digits, read from {@code number-words.txt} (as Lucene's {@code WordlistLoader}
 * reads its lists): "twelve" is 12 and "first" is 1 as a rank. The analysis chain folds them before stemming,
 * where every word still has the form its list gives it ("twelve" stems to "twelv").
 */
public final class NumberWords {

    private static final NumberWords INSTANCE = load("number-words.txt");

    private final Map<String, String> digits;
    private final Set<String> ranks;

    private NumberWords(Map<String, String> digits, Set<String> ranks) {
        this.digits = Map.copyOf(digits);
        this.ranks = Set.copyOf(ranks);
    }

    public static NumberWords english() {
        return INSTANCE;
    }

    /** The digits a word stands for, looked up in lower case ("Twelve" is 12). */
    public Optional<String> digits(String word) {
        return Optional.ofNullable(digits.get(word.toLowerCase(Locale.ROOT)));
    }

    /** True for a word that ranks or repeats ("first", "twice") rather than counts. */
    public boolean isRank(String word) {
        return ranks.contains(word.toLowerCase(Locale.ROOT));
    }

    private static NumberWords load(String resource) {
        Map<String, String> digits = new HashMap<>();
        Set<String> ranks = new HashSet<>();
        for (String line : WordList.lines(NumberWords.class, resource)) {
            String[] fields = line.split("\\s+");
            digits.put(fields[0], fields[1]);
            if (fields.length > 2 && fields[2].equals("rank")) {
                ranks.add(fields[0]);
            }
        }
        return new NumberWords(digits, ranks);
    }
}
