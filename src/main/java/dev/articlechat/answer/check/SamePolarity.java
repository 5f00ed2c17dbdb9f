package dev.articlechat.answer.check;

import java.util.Optional;

/** A claim that denies ("did not", "never") rests on a source that denies too. */
final class SamePolarity implements SentenceCheck {

    @Override
    public String name() {
        return "same-polarity";
    }

    @Override
    public String reason() {
        return "\"The council did not approve the levy\" shares every word with the sentence saying it did";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        Words words = claim.read.words;
        boolean sourcesDeny = claim.cited().stream().anyMatch(c -> words.negated(c.passage().text()));
        return words.negated(claim.text) && !sourcesDeny
                ? Optional.of(Verdict.rejected(name(), claim.quoted() + " denies what its sources assert"))
                : Optional.empty();
    }
}
