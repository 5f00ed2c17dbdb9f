package dev.articlechat.answer.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the article sentences a claim cites: the best match, then, while one of its names or numbers is in
 * none of them, the next sentence about the claim that holds it (up to {@link #MAX_CITED}); and a sentence
 * retrieval ranked first for the question that says the same, when none of those is one. This is attribution,
 * not a check: {@link FactsCited} then says whether anything is still missing.
 */
final class SourceSelection {

    static final int MAX_CITED = 3;
    /** A second or third source must be about the claim too, not merely hold the missing name. */
    static final double MIN_EXTRA_MATCH = 0.30;
    /** A sentence retrieval found for the question is cited beside the claim's own source above this match. */
    static final double MIN_CORROBORATION = 0.45;

    private SourceSelection() {
    }

    static void select(Claim claim) {
        if (claim.candidates.isEmpty()) {
            return;
        }
        List<Attributor.Candidate> sources = new ArrayList<>(List.of(claim.best()));
        Optional<String> missing = missingFact(claim, sources);
        for (int i = 1; missing.isPresent() && i < claim.candidates.size() && sources.size() < MAX_CITED; i++) {
            Attributor.Candidate next = claim.candidates.get(i);
            if (next.score() >= MIN_EXTRA_MATCH && claim.read.words.termsOf(next.passage()).contains(missing.get())
                    && (!claim.read.words.isWhenOrHowMany(missing.get()) || sharesAWordBesidesFacts(claim, next))) {
                sources.add(next);
                missing = missingFact(claim, sources);
            }
        }
        claim.cite(sources, corroboration(claim, sources).orElse(null));
    }

    /**
     * The first name or number of the claim that none of the sentences holds. The question is no evidence: a name
     * or number it brings must be in the sentences too ("Who patented a steam engine in 1883?" answered "… in 1883",
     * citing a sentence that says 1781, names a year no source gives).
     */
    static Optional<String> missingFact(Claim claim, List<Attributor.Candidate> sentences) {
        Set<String> evidence = claim.termsOf(sentences);
        for (String fact : claim.facts) {
            // numbers must match exactly: a related form of "20" is no evidence for it
            boolean cited = Words.isNumber(fact) || fact.chars().anyMatch(Character::isDigit)
                    ? evidence.contains(fact) : Words.nameFoundIn(fact, evidence);
            if (!cited) {
                return Optional.of(fact);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a sentence cited for a claim's number or day is about what the claim says of it: a word of the
     * claim that is no name or number is in it too. "Carney held talks on Wednesday" may not take the talks from
     * one sentence (talks on Friday) and "Wednesday" from another (the visit began on Wednesday).
     */
    private static boolean sharesAWordBesidesFacts(Claim claim, Attributor.Candidate source) {
        Set<String> sourceTerms = claim.read.words.termsOf(source.passage());
        return claim.contentTerms.stream().filter(t -> !claim.facts.contains(t)).anyMatch(sourceTerms::contains);
    }

    /**
     * The sentence retrieval ranked first for the question, when the claim rests on another that says the same:
     * "Canada aims to double trade with non-US partners" rests on Anand's words, and Carney's pledge of "doubling
     * exports to other markets", which retrieval found for "What is the plan for other markets?", says it too.
     */
    private static Optional<Attributor.Candidate> corroboration(Claim claim, List<Attributor.Candidate> sources) {
        Set<?> best = claim.read.bestForQuestion;
        if (sources.size() >= MAX_CITED || sources.stream().anyMatch(c -> best.contains(c.passage()))) {
            return Optional.empty();
        }
        return claim.candidates.stream()
                .filter(c -> c.score() >= MIN_CORROBORATION && best.contains(c.passage()))
                .findFirst(); // none of the sources is among the best found, so this one is not cited yet
    }
}
