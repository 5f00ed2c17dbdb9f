package dev.articlechat.eval;

import java.util.List;
import java.util.Map;

/**
 * Scores of one eval run. The plain rates are shares in [0, 1], and a rate with nothing to measure is 1; {@code rates}
 * gives each with its count and 95% Wilson interval, beside the rates that only it has.
 *
 * @param outOfScope       questions the article cannot answer (out of scope, or SQuAD's impossible ones)
 * @param correct          answerable questions answered, matching an expected answer and citing its evidence
 * @param hitAt1           answerable questions whose first citation quotes the evidence
 * @param refusal          out-of-scope questions refused
 * @param citationsValid   citations whose quote equals the article text at their offsets
 * @param falseRefusals    answerable questions refused
 * @param ownText          answered questions whose text the language model wrote (not the extractive
 *                         answer in its place)
 * @param fallbacks        answers for which the configured language model's answer was replaced by the
 *                         extractive one, by reason ("unsupported", "timeout", ...)
 * @param checks           what each check of a written sentence dropped, right or wrong, and its time
 */
public record EvalReport(String mode, String model, int questions, int answerable, int outOfScope,
                         double correct, double hitAt1, double refusal, double citationsValid,
                         int falseRefusals, double ownText, Map<String, Integer> fallbacks, long latencyP50Ms, long latencyP95Ms,
                         double latencyMeanMs, Rates rates, CheckTally.SentenceChecks checks, List<Miss> misses) {

    /**
     * Every rate of the run with its interval.
     *
     * @param wrongShown         answerable questions answered, not correctly: a wrong answer shown (of answerable)
     * @param falseRefusals      answerable questions refused (of answerable)
     * @param impossibleAnswered questions the article cannot answer that were answered (of those questions)
     * @param fellBack           answers in which the extractive answer replaced the model's (of all questions)
     */
    public record Rates(Rate correct, Rate hitAt1, Rate wrongShown, Rate falseRefusals, Rate refusal,
                        Rate impossibleAnswered, Rate citationsValid, Rate ownText, Rate fellBack) {
    }

    /**
     * A question the run got wrong, and what it answered.
     *
     * @param expected what a right answer holds: the gold answers, or the patterns of an eval file
     * @param cited    the quotes of its citations, so that a miss can be graded again without asking again
     */
    public record Miss(String id, String question, String answer, boolean answered, Outcome outcome,
                       List<String> expected, List<String> cited) {
    }
}
