package dev.articlechat.answer.check;

import dev.articlechat.ingest.WordList;
import dev.articlechat.ingest.NumberWords;
import dev.articlechat.ingest.WordList;
import dev.articlechat.retrieve.TermAnalyzer;
import dev.articlechat.retrieve.TermMatch;
import java.util.ArrayList;
import dev.articlechat.ingest.Passage;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that says what the words of a text are: its content terms, its names and numbers, and whether
 * it is negated. Everything is compared as the index's analysed tokens ("20" and "2018" are different tokens,
 * "imposed" and "imposes" the same), never as substrings of English.
 */
public final class Words {

    /** A word as people write it: letters and digits, with inner apostrophes, full stops, commas and hyphens. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}'’.,\\-]*[\\p{L}\\p{N}])?");

    /** Words that carry no claim of their own ("The article says…", "according to the passage"). */
    private static final Set<String> FILLER = WordList.load(Words.class, "filler.txt");

    /** Capitalised words that start sentences without naming anything. */
    private static final Set<String> SENTENCE_OPENERS = WordList.load(Words.class, "sentence-openers.txt");

    private static final Set<String> NEGATIONS = WordList.load(Words.class, "negations.txt");

    /** Shorter shared beginnings ("Ca" of Canada and Cairo) say nothing. */
    private static final int MIN_NAME_STEM = 4;

    /**
     * Countries news names by an abbreviation and by a word that shares no beginning with it, as analysed terms
     * ("U.S." is analysed to "u."): "the American president" is the article's "US President", which the shared
     * beginnings of {@link #nameFoundIn} cannot see.
     */
    private static final List<Set<String>> SAME_COUNTRY = WordList.lines(Words.class, "same-place.txt").stream()
            .map(line -> Set.of(line.split("\\s+"))).toList();

    private final TermAnalyzer analyzer = new TermAnalyzer();
    /** Article sentences are matched against every written sentence: analysed once each. */
    private final PassageTerms termsByPassage = new PassageTerms(this::terms);
    private final Set<String> daysAndMonths = Set.copyOf(terms("Monday Tuesday Wednesday Thursday Friday Saturday "
            + "Sunday January February March April May June July August September October November December"));

    /** The analysed terms of the text, in order, as the index holds them. */
    public List<String> terms(String text) {
        return analyzer.terms(text); // spelled-out numbers come folded into digits
    }

    /** True for an analysed term that is a number ("71", "9,412", "3.5", a spelled-out one as its digits). */
    static boolean isNumber(String term) {
        return !term.isEmpty() && term.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',')
                && Character.isDigit(term.charAt(0));
    }

    /** A number, or the name of a day or a month: what says when, or how many. */
    boolean isWhenOrHowMany(String term) {
        return isNumber(term) || daysAndMonths.contains(term);
    }

    /** The analysed terms of an article sentence, as a set. */
    public Set<String> termsOf(Passage passage) {
        return termsByPassage.of(passage);
    }

    /** The terms that say something: no filler, no question words. */
    List<String> contentTerms(String text) {
        return terms(text).stream().filter(t -> !FILLER.contains(t)).toList();
    }

    /**
     * The names and numbers of a text, as analysed terms: every number (digits or spelled out), and every
     * capitalised word but a sentence's first, which is a name only if it is no common opener and
     * {@code commonWords} (the lower-case words of the article) does not hold it.
     */
    Set<String> facts(String sentence, Set<String> commonWords) {
        Set<String> facts = new LinkedHashSet<>();
        Matcher word = WORD.matcher(sentence);
        String previous = null;
        int previousEnd = 0;
        while (word.find()) {
            String surface = word.group();
            // "And Xi? How did he feel?" is two sentences: its "How" starts one too
            boolean first = previous == null
                    || startsSentence(previous, sentence.substring(previousEnd, word.start()));
            previous = surface;
            previousEnd = word.end();
            String lower = surface.toLowerCase(Locale.ROOT);
            boolean number = surface.chars().anyMatch(Character::isDigit)
                    || NumberWords.english().digits(lower.replaceAll("-.*", "")).isPresent();
            boolean capitalised = Character.isUpperCase(surface.charAt(0));
            boolean name = capitalised && (!first
                    || !(SENTENCE_OPENERS.contains(lower) || commonWords.contains(lower)));
            if (number || name) {
                for (String term : terms(surface)) {
                    if (!FILLER.contains(term) || number) {
                        facts.add(term);
                    }
                }
            }
        }
        return facts;
    }

    /**
     * Whether a word after {@code gap} starts a sentence: after a question or exclamation mark, or a full stop
     * that ends a lower-case word (after "Mr." or "U.S." a name goes on).
     */
    private static boolean startsSentence(String previousWord, String gap) {
        return gap.indexOf('?') >= 0 || gap.indexOf('!') >= 0
                || gap.startsWith(".") && Character.isLowerCase(previousWord.charAt(previousWord.length() - 1))
                && Character.isLowerCase(previousWord.charAt(0));
    }

    /** The lower-case words of a text: what counts as a common word rather than a name at a sentence's start. */
    static Set<String> lowerCaseWords(String text) {
        Set<String> words = new HashSet<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (Character.isLowerCase(word.group().charAt(0))) {
                words.add(word.group());
            }
        }
        return words;
    }

    /** True when the text denies rather than asserts ("did not", "never", "refused to"). */
    boolean negated(String text) {
        String plain = text.replace("n’t", " not").replace("n't", " not").replaceAll("(?i)\\bnot only\\b", "")
                .replaceAll("(?i)\\byet to\\b", "not");
        Matcher word = WORD.matcher(plain);
        while (word.find()) {
            if (NEGATIONS.contains(word.group().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the name {@code term} is one of {@code terms} or a form of one: "Canadian" names Canada and
     * "Chinese" China, so names that share all but their last two letters (at least four) count as one.
     */
    static boolean nameFoundIn(String term, Collection<String> terms) {
        if (sameCountryIn(term, terms)) {
            return true;
        }
        for (String other : terms) {
            int common = 0;
            int shorter = Math.min(term.length(), other.length());
            while (common < shorter && term.charAt(common) == other.charAt(common)) {
                common++;
            }
            if (common == term.length() && common == other.length()
                    || common >= Math.max(MIN_NAME_STEM, shorter - 2) && Character.isLetter(term.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code term} is one of {@code terms}, or names the same country as one ("american" and "us"). */
    static boolean sameCountryIn(String term, Collection<String> terms) {
        return terms.contains(term) || SAME_COUNTRY.stream()
                .anyMatch(country -> country.contains(term) && terms.stream().anyMatch(country::contains));
    }

    /** Whether {@code term} is one of {@code terms}, or a related form of one (see {@link TermMatch}). */
    static boolean foundIn(String term, Collection<String> terms) {
        if (terms.contains(term)) {
            return true;
        }
        for (String other : terms) {
            if (TermMatch.related(term, other)) {
                return true;
            }
        }
        return false;
    }
}
