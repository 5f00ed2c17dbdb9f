package dev.articlechat.answer;

import dev.articlechat.retrieve.RetrievedPassage;
import dev.articlechat.retrieve.TermAnalyzer;
import dev.articlechat.retrieve.TermMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that each sentence of a model's answer says only what the passage it cites says.
 *
 * <p>A sentence is supported by a passage when most of its content words occur in the passage (related
 * word forms count) and every name and number in it occurs there or in the question: a small model's
 * typical error is a plausible name, date or figure that no passage contains. A sentence without a usable
 * marker (none, or one naming a passage that was not given) is given the passage that supports it best; a
 * sentence whose marker names a passage that does not support it is unsupported, as is one that adds
 * nothing to the question. The draft is unsupported when any sentence is.
 */
final class SupportChecker {

    /** Share of a sentence's content words that its passage must contain. */
    static final double MIN_SUPPORT = 0.6;

    /** Names and numbers: digits, or a capitalised word that does not start the sentence. */
    private static final Pattern FACT = Pattern.compile("(?<=\\S\\s)\\p{Lu}[\\p{L}’'\\-]+|\\d[\\d.,]*");
    /** Words that carry no claim ("The passage says…", "according to the article"). */
    private static final Set<String> FILLER = Set.of("passag", "articl", "accord", "state", "mention", "say", "said",
            "sai", "answer", "question", "provid", "text", "report", "describ", "note", "also", "yes", "no");

    /** The draft with a verified marker on every sentence, or why it could not be supported. */
    record Result(Optional<String> text, String problem) {

        static Result supported(String text) {
            return new Result(Optional.of(text), null);
        }

        static Result unsupported(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }

    private final TermAnalyzer analyzer = new TermAnalyzer();

    Result check(String draft, String question, List<RetrievedPassage> sources) {
        List<String> checked = new ArrayList<>();
        for (String sentence : Sentences.split(draft.strip())) {
            Result result = checkSentence(sentence, question, sources);
            if (result.text().isEmpty()) {
                return result;
            }
            checked.add(result.text().get());
        }
        return checked.isEmpty()
                ? Result.unsupported("the answer is empty")
                : Result.supported(String.join(" ", checked));
    }

    /** One sentence, with the marker of the passage that supports it, or why none does. */
    Result checkSentence(String sentence, String question, List<RetrievedPassage> sources) {
        String claim = CitationMarkers.strip(sentence).strip();
        if (claim.isEmpty()) {
            return Result.unsupported("the sentence is empty");
        }
        if (!addsToQuestion(claim, question)) {
            return Result.unsupported("\"" + claim + "\" does not answer the question");
        }
        List<Integer> cited = citedSources(sentence, sources.size());
        // A marker that names a real passage is the model's claim about its source, and is held to it; only
        // a sentence without a usable marker is given the passage that supports it best.
        Optional<Integer> source = supportingSource(claim, cited.isEmpty() ? allSources(sources.size()) : cited,
                question, sources);
        if (source.isEmpty()) {
            String problem = cited.isEmpty() ? "no passage supports" : "the cited passage does not support";
            return Result.unsupported(problem + " \"" + claim + "\"");
        }
        return Result.supported(withMarker(claim, source.get()));
    }

    /** The best supporting source among the candidates (1-based), if one supports the claim. */
    private Optional<Integer> supportingSource(String claim, List<Integer> candidates, String question,
                                               List<RetrievedPassage> sources) {
        List<String> words = analyzer.terms(claim).stream().filter(t -> !FILLER.contains(t)).toList();
        Integer best = null;
        double bestSupport = 0;
        for (int n : candidates) {
            String passage = sources.get(n - 1).passage().text();
            if (!factsAppearIn(claim, passage + " " + question)) {
                continue;
            }
            Set<String> passageTerms = Set.copyOf(analyzer.terms(passage));
            long found = words.stream().filter(w -> passageTerms.stream().anyMatch(p -> TermMatch.related(w, p))).count();
            double support = words.isEmpty() ? 0 : (double) found / words.size();
            if (support >= MIN_SUPPORT && support > bestSupport) {
                bestSupport = support;
                best = n;
            }
        }
        return Optional.ofNullable(best);
    }

    /** An answer says something the question did not: a sentence that only restates or asks it is no answer. */
    private boolean addsToQuestion(String claim, String question) {
        String flatClaim = claim.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ");
        String flatQuestion = question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (claim.replaceAll("[\"”’')\\]]+$", "").endsWith("?") || flatClaim.contains(flatQuestion)) {
            return false;
        }
        Set<String> asked = Set.copyOf(analyzer.terms(question));
        return analyzer.terms(claim).stream()
                .filter(t -> !FILLER.contains(t))
                .anyMatch(t -> asked.stream().noneMatch(q -> TermMatch.related(t, q)));
    }

    private static boolean factsAppearIn(String claim, String evidence) {
        return absentFact(claim, evidence).isEmpty();
    }

    /**
     * A name or number in {@code claim} that neither the question nor any source contains. Such a claim cannot
     * be supported however it goes on, so a model writing it can be stopped before the sentence ends.
     */
    static Optional<String> unfoundFact(String claim, String question, List<RetrievedPassage> sources) {
        StringBuilder evidence = new StringBuilder(question);
        sources.forEach(source -> evidence.append(' ').append(source.passage().text()));
        return absentFact(claim, evidence.toString());
    }

    private static Optional<String> absentFact(String claim, String evidence) {
        String lower = evidence.toLowerCase(Locale.ROOT);
        Matcher fact = FACT.matcher(claim);
        while (fact.find()) {
            String value = fact.group().replaceAll("[’'].*$", "").replaceAll("[.,]$", "").toLowerCase(Locale.ROOT);
            if (!value.isEmpty() && !lower.contains(value)) {
                return Optional.of(fact.group());
            }
        }
        return Optional.empty();
    }

    private static List<Integer> citedSources(String sentence, int sourceCount) {
        List<Integer> cited = new ArrayList<>();
        Matcher marker = CitationMarkers.PATTERN.matcher(sentence);
        while (marker.find()) {
            for (int n : CitationMarkers.numbers(marker.group(1))) {
                if (n >= 1 && n <= sourceCount && !cited.contains(n)) {
                    cited.add(n);
                }
            }
        }
        return cited;
    }

    private static List<Integer> allSources(int sourceCount) {
        List<Integer> all = new ArrayList<>();
        for (int n = 1; n <= sourceCount; n++) {
            all.add(n);
        }
        return all;
    }

    /** "Claim." + [n] becomes "Claim [n]." so the marker sits inside the sentence it supports. */
    private static String withMarker(String claim, int source) {
        String body = claim.replaceAll("[.!?]+$", "");
        String end = claim.substring(body.length());
        return body + " [" + source + "]" + (end.isEmpty() ? "." : end);
    }
}
