package dev.articlechat.answer.check;

import java.util.Optional;

/** A "when" question wants a time, a "how many" a quantity, a "how much does it cost" an amount of money. */
final class AnswerKind implements SentenceCheck {

    @Override
    public String name() {
        return "answer-kind";
    }

    @Override
    public String reason() {
        return "a sentence on the question's topic without the kind of thing asked for does not answer it";
    }

    @Override
    public Optional<Verdict> check(Claim claim) {
        return ExpectedAnswerType.of(claim.question).admits(claim.text) ? Optional.empty()
                : Optional.of(Verdict.rejected(name(), claim.quoted() + " does not hold the kind of answer asked for"));
    }
}
