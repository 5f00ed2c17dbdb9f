package dev.articlechat.eval;

import dev.articlechat.answer.Answer;
import java.util.function.Predicate;

/**
 * How an answer to a SQuAD question scores. An answerable question is answered right when the answer's text holds
 * one of its gold answers and a citation quotes the article where it holds that same answer: the answer must say
 * it, and rest on where the article says it. An impossible question is right only when refused.
 */
final class SquadScore {

    private SquadScore() {
    }

    static Outcome grade(SquadQuestion question, Answer answer) {
        String said = SquadText.withoutMarkers(answer.answer());
        boolean right = question.answers().stream().anyMatch(gold -> SquadText.holds(said, gold)
                && answer.citations().stream().anyMatch(c -> SquadText.holds(c.quote(), gold)));
        return Outcome.of(!question.impossible(), answer.answered(), right);
    }

    /** Whether the answer's first citation quotes a gold answer: retrieval and attribution found its sentence. */
    static boolean firstCitationHolds(SquadQuestion question, Answer answer) {
        return !answer.citations().isEmpty() && holdsGold(question).test(answer.citations().get(0).quote());
    }

    /** A sentence that holds a gold answer of an answerable question; nothing holds one of an impossible one. */
    static Predicate<String> holdsGold(SquadQuestion question) {
        return text -> !question.impossible() && SquadText.holdsAny(text, question.answers());
    }
}
