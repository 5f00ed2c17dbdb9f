package dev.articlechat.answer.check;

import java.util.Optional;

/** Some article sentence is about the claim at all. */
final class Founded implements SentenceCheck {

    /** Below this blended score a sentence is not about the claim at all. */
    static final double MIN_MATCH = 0.35;

    @Override
    public String name() {
        return "founded";
    }

    @Override
    public String reason() {
        return "a claim no article sentence is about was written from outside the article";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        return claim.best() != null && claim.best().score() >= MIN_MATCH ? Optional.empty()
                : Optional.of(Verdict.unfounded(name(), "no sentence of the article supports " + claim.quoted()));
    }
}
