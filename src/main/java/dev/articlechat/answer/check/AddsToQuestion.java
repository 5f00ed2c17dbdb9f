package dev.articlechat.answer.check;

import dev.articlechat.ingest.Passage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An answer says something the question did not: a sentence that only restates or asks it is no answer. A
 * restated yes-or-no question ("Did the council approve the barrier?" answered "The council approved the
 * barrier.") checks nothing by itself, since its words would be found whether or not it is true; the one article
 * sentence that holds all of them, with the same polarity, is shown instead, in its own words.
 */
final class AddsToQuestion implements SentenceCheck {

    /** "Did the council approve…?", "Is there…?": a question that "Yes" or "No" answers. */
    static final Pattern YES_NO_QUESTION = Pattern.compile("^(?i)\\s*(is|are|was|were|do|does|did|has|have|"
            + "had|can|could|will|would|should|shall|may|might|must|isn't|aren't|wasn't|weren't|doesn't|didn't|"
            + "hasn't|haven't|won't)\\b");

    @Override
    public String name() {
        return "adds-to-question";
    }

    @Override
    public String reason() {
        return "a sentence that repeats the question is found in the article whether or not it is true";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        if (addsToQuestion(claim)) {
            return Optional.empty();
        }
        return Optional.of(restatedIn(claim).map(source -> Verdict.quoting(source, name()))
                .orElseGet(() -> Verdict.rejected(name(), claim.quoted() + " does not answer the question")));
    }

    private static boolean addsToQuestion(Claim claim) {
        if (claim.text.replaceAll("[\"”’')\\]]+$", "").endsWith("?")) {
            return false;
        }
        return claim.contentTerms.stream().anyMatch(t -> !Words.foundIn(t, claim.questionTerms));
    }

    private static Optional<Passage> restatedIn(Claim claim) {
        List<String> said = claim.contentTerms;
        Attributor.Candidate best = claim.best();
        if (!YES_NO_QUESTION.matcher(claim.question).lookingAt() || said.isEmpty() || best == null
                || best.score() < Founded.MIN_MATCH) {
            return Optional.empty();
        }
        Set<String> terms = claim.read.words.termsOf(best.passage());
        boolean holdsAll = said.stream().allMatch(t -> Words.foundIn(t, terms));
        boolean samePolarity = claim.read.words.negated(claim.text) == claim.read.words.negated(best.passage().text());
        return holdsAll && samePolarity ? Optional.of(best.passage()) : Optional.empty();
    }
}
