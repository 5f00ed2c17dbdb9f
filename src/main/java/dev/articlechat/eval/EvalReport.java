package dev.articlechat.eval;

import java.util.List;
import java.util.Map;

/**
 * Scores of one eval run. Rates are shares in [0, 1]; a rate with nothing to measure is 1.
 *
 * @param correct          answerable questions answered, matching an expected answer and citing its evidence
 * @param hitAt1           answerable questions whose first citation quotes the evidence
 * @param refusal          out-of-scope questions refused
 * @param citationsValid   citations whose quote equals the article text at their offsets
 * @param falseRefusals    answerable questions refused
 * @param ownText          answered questions whose text the language model wrote (not the extractive
 *                         answer in its place)
 * @param fallbacks        answers for which the configured language model's answer was replaced by the
 *                         extractive one, by reason ("unsupported", "timeout", ...)
 */
public record EvalReport(String mode, String model, int questions, int answerable, int outOfScope,
                         double correct, double hitAt1, double refusal, double citationsValid,
                         int falseRefusals, double ownText, Map<String, Integer> fallbacks, long latencyP50Ms, long latencyP95Ms,
                         double latencyMeanMs, List<Miss> misses) {

    /** A question the run got wrong, and what it answered. */
    public record Miss(String id, String question, String answer, boolean answered) {
    }
}
