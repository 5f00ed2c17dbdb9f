package dev.articlechat.answer.check;

import dev.articlechat.ingest.NumberWords;
import dev.articlechat.ingest.Passage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a written sentence keeps each of its numbers with the words its source gives that number: every
 * name and number of a claim can be in the sentence it cites and the claim still be wrong.
 */
final class NumberPairing {

    /** Words this close to a number are what it counts or dates. */
    static final int PAIRING = 2;
    /** A source's word this far from a number may still be about it. */
    static final int PAIRING_REACH = 4;

    /**
     * Words that rank or repeat rather than count ({@link NumberWords#isRank}): "the first by a Canadian prime
     * minister" ranks the visit, and a source may put the visit's words beside another number ("Carney's four-day
     * visit … marks the first trip").
     */
    private static final NumberWords NUMBER_WORDS = NumberWords.english();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Words words;

    NumberPairing(Words words) {
        this.words = words;
    }

    /**
     * Why the claim gives a number the words its sources give another, if it does: "71 people in the placebo
     * group" against "71 people in the vaccine group … compared with 183 in the placebo group". The words around
     * each number of the claim (but the one right after it, the thing counted) must not stand, in a source that
     * has the number, beside another number that the claim leaves out and never near this one.
     */
    Optional<String> mispaired(String claim, List<Passage> sources) {
        List<String> claimTerms = words.terms(claim);
        Set<String> claimNumbers = new HashSet<>();
        claimTerms.stream().filter(Words::isNumber).forEach(claimNumbers::add);
        Set<String> ranksOnly = ranksOnly(claim, claimTerms);
        for (Passage source : sources) {
            List<String> sourceTerms = words.terms(source.text());
            for (int i = 0; i < claimTerms.size(); i++) {
                String number = claimTerms.get(i);
                if (!Words.isNumber(number) || !sourceTerms.contains(number) || ranksOnly.contains(number)) {
                    continue;
                }
                for (int j = Math.max(0, i - PAIRING); j <= Math.min(claimTerms.size() - 1, i + PAIRING); j++) {
                    String neighbour = claimTerms.get(j);
                    // the word just after a number is what it counts ("183 people"), which any number may count
                    if (j == i || j == i + 1 || Words.isNumber(neighbour) || nearestNumber(claimTerms, j) != i) {
                        continue;
                    }
                    Optional<String> other = pairedElsewhere(neighbour, number, sourceTerms, claimNumbers);
                    if (other.isPresent()) {
                        return Optional.of("\"" + claim + "\" gives " + number + " what its source gives "
                                + other.get());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The numbers the claim gives only as ranks ("first"), never as counts ("one", "1"): each as often among its
     * analysed terms as its rank words are in it. Only the rank words are analysed again.
     */
    private Set<String> ranksOnly(String claim, List<String> claimTerms) {
        Map<String, Integer> asRanks = new HashMap<>();
        Matcher word = WORD.matcher(claim);
        while (word.find()) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            if (NUMBER_WORDS.isRank(lower)) {
                words.terms(lower).forEach(number -> asRanks.merge(number, 1, Integer::sum));
            }
        }
        Set<String> ranks = new HashSet<>();
        asRanks.forEach((number, times) -> {
            if (claimTerms.stream().filter(number::equals).count() == times) {
                ranks.add(number);
            }
        });
        return ranks;
    }

    /** The number the source gives the word instead of {@code number}, if it keeps the word away from it. */
    private static Optional<String> pairedElsewhere(String word, String number, List<String> source,
                                                    Set<String> claimNumbers) {
        String other = null;
        for (int p = 0; p < source.size(); p++) {
            if (!source.get(p).equals(word)) {
                continue;
            }
            for (int q = Math.max(0, p - PAIRING_REACH); q <= Math.min(source.size() - 1, p + PAIRING_REACH); q++) {
                String near = source.get(q);
                if (near.equals(number)) {
                    return Optional.empty();
                }
                if (Math.abs(p - q) <= PAIRING && Words.isNumber(near) && !claimNumbers.contains(near)) {
                    other = near;
                }
            }
        }
        return Optional.ofNullable(other);
    }

    /** The position of the number nearest to position {@code at}; the first of two as near. */
    private static int nearestNumber(List<String> terms, int at) {
        int nearest = -1;
        for (int k = 0; k < terms.size(); k++) {
            if (Words.isNumber(terms.get(k)) && (nearest < 0 || Math.abs(k - at) < Math.abs(nearest - at))) {
                nearest = k;
            }
        }
        return nearest;
    }
}
