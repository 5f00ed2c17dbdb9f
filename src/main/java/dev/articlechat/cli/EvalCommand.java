package dev.articlechat.cli;

import dev.articlechat.ArticleChat;
import dev.articlechat.eval.EvalReport;
import dev.articlechat.eval.Evaluator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", description = "Score a question file (JSON lines, the format of dev-questions.jsonl).")
final class EvalCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE.jsonl", description = "Questions with expected answers and evidence.")
    Path file;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (ArticleChat chat = ArticleChat.open(common.settings())) {
            chat.answers().warmModel(); // as a server does before its first user: scores, not the warm-up
            EvalReport report = new Evaluator(chat.answers()).run(Evaluator.read(file), common.mode.label());
            if (json) {
                PrettyJson.print(report);
            } else {
                print(report);
            }
        }
        return 0;
    }

    private static void print(EvalReport r) {
        System.out.printf("mode %s, model %s: %d questions (%d answerable, %d out of scope)%n",
                r.mode(), r.model(), r.questions(), r.answerable(), r.outOfScope());
        System.out.printf("  correct          %.2f%n", r.correct());
        System.out.printf("  hit@1            %.2f%n", r.hitAt1());
        System.out.printf("  refusal          %.2f%n", r.refusal());
        System.out.printf("  citations valid  %.2f%n", r.citationsValid());
        System.out.printf("  false refusals   %d%n", r.falseRefusals());
        if (!r.model().equals("extractive")) {
            int fellBack = r.fallbacks().values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("  model's answer   %d of %d; extractive fallback %d %s%n", r.questions() - fellBack,
                    r.questions(), fellBack, r.fallbacks());
            System.out.printf("  model's own text %.2f of answered questions%n", r.ownText());
        }
        System.out.printf("  latency          p50 %d ms, p95 %d ms, mean %.1f ms%n",
                r.latencyP50Ms(), r.latencyP95Ms(), r.latencyMeanMs());
        for (EvalReport.Miss miss : r.misses()) {
            System.out.printf("  miss %s: %s%n    -> %s%n", miss.id(), miss.question(), miss.answer());
        }
    }
}
