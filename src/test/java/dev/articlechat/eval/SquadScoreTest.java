package dev.articlechat.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.answer.Answer;
import dev.articlechat.answer.Citation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an answer to a SQuAD question scores. */
class SquadScoreTest {

    private static final String FED = "The lake is fed by the Tessel River, which enters it from the west.";
    private static final String DEEP = "It reaches a depth of 310 metres at its deepest point.";
    private static final SquadQuestion RIVER = new SquadQuestion("q1", "Which river feeds the lake?",
            List.of("Tessel River", "the Tessel"), false);
    private static final SquadQuestion ISLAND = new SquadQuestion("q2", "How many people live on its island?",
            List.of(), true);

    @Test
    void an_answer_that_says_a_gold_answer_and_cites_where_the_article_says_it_is_correct() {
        Answer answer = answered("The Tessel River feeds the lake [1].", FED);

        assertThat(SquadScore.grade(RIVER, answer)).isEqualTo(Outcome.CORRECT);
        assertThat(SquadScore.firstCitationHolds(RIVER, answer)).isTrue();
    }

    @Test
    void an_answer_that_says_it_but_cites_a_sentence_without_it_is_a_wrong_answer_shown() {
        Answer answer = answered("The Tessel River feeds the lake [1].", DEEP);

        assertThat(SquadScore.grade(RIVER, answer)).isEqualTo(Outcome.WRONG_SHOWN);
        assertThat(SquadScore.firstCitationHolds(RIVER, answer)).isFalse();
    }

    @Test
    void an_answer_that_cites_the_right_sentence_but_says_something_else_is_a_wrong_answer_shown() {
        assertThat(SquadScore.grade(RIVER, answered("It enters from the west [1].", FED)))
                .isEqualTo(Outcome.WRONG_SHOWN);
    }

    @Test
    void the_answer_and_its_citation_must_hold_the_same_gold_answer() {
        SquadQuestion twoAnswers = new SquadQuestion("q3", "What feeds it, or how deep is it?",
                List.of("Tessel River", "310 metres"), false);

        assertThat(SquadScore.grade(twoAnswers, answered("The Tessel River [1].", DEEP)))
                .isEqualTo(Outcome.WRONG_SHOWN);
        assertThat(SquadScore.grade(twoAnswers, answered("310 metres [1].", DEEP))).isEqualTo(Outcome.CORRECT);
    }

    @Test
    void a_refused_answerable_question_is_a_false_refusal() {
        assertThat(SquadScore.grade(RIVER, refused())).isEqualTo(Outcome.FALSE_REFUSAL);
    }

    @Test
    void an_impossible_question_is_right_only_when_refused() {
        assertThat(SquadScore.grade(ISLAND, refused())).isEqualTo(Outcome.REFUSED);
        assertThat(SquadScore.grade(ISLAND, answered("The Tessel River feeds the lake [1].", FED)))
                .isEqualTo(Outcome.IMPOSSIBLE_ANSWERED);
    }

    @Test
    void no_sentence_holds_a_right_answer_to_an_impossible_question() {
        assertThat(SquadScore.holdsGold(RIVER).test(FED)).isTrue();
        assertThat(SquadScore.holdsGold(RIVER).test(DEEP)).isFalse();
        assertThat(SquadScore.holdsGold(ISLAND).test(FED)).isFalse();
    }

    private static Answer answered(String text, String quote) {
        return new Answer(text, true, List.of(new Citation(1, "p1", quote, 0, quote.length(), "lake")),
                "extractive", text, null, null);
    }

    private static Answer refused() {
        return new Answer("The article does not say.", false, List.of(), "extractive", "", null, null);
    }
}
