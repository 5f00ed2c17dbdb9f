package dev.articlechat.answer.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The claim's own words, those the question did not bring, are its sources' words, or its meaning is close to
 * theirs. Words it shares with the question count for nothing here: they are no support.
 */
final class Entailed implements SentenceCheck {

    /** Share of the claim's own words that its sources must hold. */
    static final double MIN_COVERAGE = 0.5;
    /** A paraphrase holds fewer of its source's words; its meaning must then be close. */
    static final double PARAPHRASE_COVERAGE = 0.25;
    static final double PARAPHRASE_SIMILARITY = 0.62;

    @Override
    public String name() {
        return "entailed";
    }

    @Override
    public String reason() {
        return "a claim can hold its sources' names and numbers and still say what they do not";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        List<String> own = claim.contentTerms.stream()
                .filter(t -> !Words.foundIn(t, claim.questionContentTerms)).toList();
        Set<String> evidence = claim.termsOf(claim.cited());
        long held = own.stream().filter(t -> Words.foundIn(t, evidence)).count();
        double coverage = own.isEmpty() ? 1 : (double) held / own.size();
        double similarity = claim.cited().stream().mapToDouble(Attributor.Candidate::semantic).max().orElse(0);
        boolean entailed = coverage >= MIN_COVERAGE
                || (coverage >= PARAPHRASE_COVERAGE && similarity >= PARAPHRASE_SIMILARITY);
        return entailed ? Optional.empty() : Optional.of(Verdict.rejected(name(), String.format(Locale.ROOT,
                "its sources do not say %s (%.0f%% of its words, similarity %.2f)", claim.quoted(), 100 * coverage,
                similarity)));
    }
}
