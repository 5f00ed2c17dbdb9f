package dev.articlechat.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-check table: what each check dropped, against the question being asked. */
class CheckTallyTest {

    private static final SquadQuestion RIVER = new SquadQuestion("q1", "Which river feeds the lake?",
            java.util.List.of("Tessel River"), false);
    private static final SquadQuestion ISLAND = new SquadQuestion("q2", "Who lives on the island?",
            java.util.List.of(), true);

    @Test
    void counts_a_dropped_sentence_that_held_a_right_answer_as_right_and_any_other_as_wrong() {
        CheckTally tally = new CheckTally();

        tally.asking(true, SquadScore.holdsGold(RIVER));
        tally.sentenceChecked("Which river feeds the lake?", "The Tessel River feeds it.", "numbers-held",
                Map.of("names-held", 2_000_000L, "numbers-held", 1_000_000L));
        tally.sentenceChecked("Which river feeds the lake?", "The Oder feeds it.", "names-held",
                Map.of("names-held", 4_000_000L));
        tally.sentenceChecked("Which river feeds the lake?", "It is fed by the Tessel River.", null,
                Map.of("names-held", 3_000_000L, "numbers-held", 1_000_000L));
        tally.asking(false, SquadScore.holdsGold(ISLAND));
        tally.sentenceChecked("Who lives on the island?", "The Tessel River feeds it.", "names-held",
                Map.of("names-held", 3_000_000L));

        CheckTally.SentenceChecks counts = tally.counts();
        assertThat(counts.sentences()).isEqualTo(4);
        assertThat(counts.shown()).isEqualTo(1);
        assertThat(counts.shownRight()).isEqualTo(1);
        assertThat(counts.byCheck()).containsExactly(
                new CheckTally.CheckCount("names-held", 4, 0, 2, 12.0, 3.0),
                new CheckTally.CheckCount("numbers-held", 2, 1, 0, 2.0, 1.0));
    }

    @Test
    void counts_questions_a_rule_refused_before_asking_as_answerable_or_not() {
        CheckTally tally = new CheckTally();

        tally.asking(true, SquadScore.holdsGold(RIVER));
        tally.refusedUnasked("Which river feeds the lake?", "unknown-name");
        tally.asking(false, SquadScore.holdsGold(ISLAND));
        tally.refusedUnasked("Who lives on the island?", "unknown-name");
        tally.refusedUnasked("Who lives on the island?", "off-topic-request");

        assertThat(tally.counts().refusedUnasked()).containsExactly(
                new CheckTally.RuleCount("off-topic-request", 0, 1), new CheckTally.RuleCount("unknown-name", 1, 1));
    }

    @Test
    void is_empty_when_no_sentence_was_checked() {
        CheckTally.SentenceChecks counts = new CheckTally().counts();

        assertThat(counts.sentences()).isZero();
        assertThat(counts.byCheck()).isEmpty();
    }
}
