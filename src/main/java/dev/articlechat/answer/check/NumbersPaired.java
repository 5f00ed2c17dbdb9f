package dev.articlechat.answer.check;

import java.util.Optional;

/** Each number of the claim keeps the words its source gives it ({@link NumberPairing}). */
final class NumbersPaired implements SentenceCheck {

    @Override
    public String name() {
        return "numbers-paired";
    }

    @Override
    public String reason() {
        return "every number can be in the source while the claim gives one the words the source gives another";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        return new NumberPairing(claim.read.words)
                .mispaired(claim.text, claim.sources().stream().map(Attributor.Candidate::passage).toList())
                .map(problem -> Verdict.rejected(name(), problem));
    }
}
