package dev.articlechat.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.answer.Answer;
import dev.articlechat.answer.Citation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A false-premise question is handled when refused or corrected from the article, and wrong when its premise is repeated. */
class FalsePremiseGradeTest {

    private static final EvalQuestion REJECTED = new EvalQuestion("fp", EvalQuestion.FALSE_PREMISE,
            "Why did the council reject the barrier?", List.of("approve"), List.of("voted to approve"), null, null);
    private static final Citation APPROVED = new Citation(1, "p1", "The council voted to approve the barrier.", 0, 41,
            "harbour");

    @Test
    void a_refusal_or_a_correction_is_handled_and_a_repeated_premise_is_not() {
        assertThat(Evaluator.grade(REJECTED, answer("The article does not say.", false, List.of())))
                .isEqualTo(Outcome.REFUSED);
        assertThat(Evaluator.grade(REJECTED, answer("The council voted to approve the barrier [1].", true,
                List.of(APPROVED)))).isEqualTo(Outcome.REFUSED);
        assertThat(Evaluator.grade(REJECTED, answer("The council rejected it because of the cost [1].", true,
                List.of(APPROVED)))).isEqualTo(Outcome.IMPOSSIBLE_ANSWERED);
    }

    private static Answer answer(String text, boolean answered, List<Citation> citations) {
        return new Answer(text, answered, citations, "test", text, null, null);
    }
}
