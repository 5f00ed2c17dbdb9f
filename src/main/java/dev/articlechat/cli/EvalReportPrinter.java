package dev.articlechat.cli;

import dev.articlechat.eval.CheckTally;
import dev.articlechat.eval.EvalReport;
import dev.articlechat.eval.Rate;
import java.io.PrintStream;

/** The eval report for a reader: each rate with its count and 95% interval, the checks' table, each miss. */
final class EvalReportPrinter {

    private final PrintStream out;

    EvalReportPrinter(PrintStream out) {
        this.out = out;
    }

    void print(String set, EvalReport r) {
        EvalReport.Rates rates = r.rates();
        out.printf("%s%nmode %s, model %s: %d questions (%d answerable, %d out of scope)%n",
                set, r.mode(), r.model(), r.questions(), r.answerable(), r.outOfScope());
        rate("correct", rates.correct());
        rate("hit@1", rates.hitAt1());
        rate("wrong shown", rates.wrongShown());
        rate("false refusals", rates.falseRefusals());
        rate("refusal", rates.refusal());
        rate("impossible answered", rates.impossibleAnswered());
        rate("citations valid", rates.citationsValid());
        if (!r.model().equals("extractive")) {
            rate("model's own text", rates.ownText());
            rate("fallbacks", rates.fellBack());
            out.printf("  %-20s %s%n", "fallbacks by reason", r.fallbacks());
        }
        out.printf("  %-20s p50 %d ms, p95 %d ms, mean %.1f ms%n", "latency",
                r.latencyP50Ms(), r.latencyP95Ms(), r.latencyMeanMs());
        checks(r.checks());
        for (EvalReport.Miss miss : r.misses()) {
            out.printf("  miss %s (%s): %s%n    -> %s%n    expected: %s%n", miss.id(),
                    miss.outcome().name().toLowerCase().replace('_', ' '), miss.question(), miss.answer(),
                    miss.expected().isEmpty() ? "a refusal" : String.join(" | ", miss.expected()));
        }
    }

    private void rate(String name, Rate rate) {
        if (!rate.measured()) {
            out.printf("  %-20s -     (nothing to measure)%n", name);
            return;
        }
        out.printf("  %-20s %.2f  %d of %d, 95%% CI %.2f-%.2f%n", name, rate.share(), rate.count(), rate.total(),
                rate.low(), rate.high());
    }

    private void checks(CheckTally.SentenceChecks checks) {
        if (checks.sentences() == 0) {
            out.printf("  %-20s none observed (only sentences a language model writes are checked)%n",
                    "sentence checks");
            if (checks.byCheck().isEmpty()) {
                return; // else the rows of rules that refuse before a model is asked, which run without one too
            }
        } else {
            out.printf("  sentence checks: %d written, %d shown (%d of them holding a right answer)%n",
                    checks.sentences(), checks.shown(), checks.shownRight());
        }
        out.printf("    %-24s %6s %14s %14s %10s %8s%n", "check", "ran", "dropped right", "dropped wrong",
                "total ms", "mean ms");
        for (CheckTally.CheckCount c : checks.byCheck()) {
            out.printf("    %-24s %6d %14d %14d %10.1f %8.2f%n", c.check(), c.ran(), c.droppedRight(),
                    c.droppedWrong(), c.totalMs(), c.meanMs());
        }
    }
}
