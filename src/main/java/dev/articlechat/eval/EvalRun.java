package dev.articlechat.eval;

import dev.articlechat.answer.Answer;
import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.Citation;
import dev.articlechat.answer.Question;
import dev.articlechat.ingest.Article;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One eval run: asks its questions one at a time, as a server answers them, and counts what every kind of eval
 * set reports. How an answer is graded is the set's own business; the run counts the outcome it is given.
 */
final class EvalRun {

    private final AnswerService answers;
    private final CheckTally checks;
    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private final Map<String, Integer> fallbacks = new TreeMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final List<EvalReport.Miss> misses = new ArrayList<>();
    private int firstCitationRight;
    private int citations;
    private int validCitations;
    private int answered;
    private int ownText;
    private int fellBack;

    EvalRun(AnswerService answers, CheckTally checks) {
        this.answers = answers;
        this.checks = checks;
    }

    /**
     * Asks a question and counts what does not depend on its grading: time, citations, fallbacks.
     *
     * @param holdsRightAnswer whether a written sentence would answer it right, for the check tally
     * @param answerable       whether the article answers it, for the tally of rules that refuse unasked
     */
    Answer ask(Question question, Predicate<String> holdsRightAnswer, boolean answerable) {
        answers.requireArticle(question);
        answers.warmModel(question); // as a server does for an article asked about often: scores, not warm-ups
        checks.asking(holdsRightAnswer, answerable);
        long started = System.nanoTime();
        Answer answer = answers.ask(question);
        latencies.add(System.nanoTime() - started);
        if (answer.answered()) {
            answered++;
            ownText += answer.fallback() == null && !answer.model().equals("extractive") ? 1 : 0;
        }
        if (answer.fallback() != null) {
            fellBack++;
            fallbacks.merge(answer.fallback().split(":", 2)[0], 1, Integer::sum);
        }
        for (Citation c : answer.citations()) {
            citations++;
            validCitations += isVerbatim(c) ? 1 : 0;
        }
        return answer;
    }

    /** @param firstCitationRight whether the answer's first citation quotes what a right answer rests on */
    void score(String id, String question, List<String> expected, Answer answer, Outcome outcome,
               boolean firstCitationRight) {
        outcomes.merge(outcome, 1, Integer::sum);
        this.firstCitationRight += outcome.answerable() && firstCitationRight ? 1 : 0;
        if (!outcome.ok()) {
            misses.add(new EvalReport.Miss(id, question, answer.answer(), answer.answered(), outcome, expected,
                    answer.citations().stream().map(Citation::quote).toList()));
        }
    }

    EvalReport report(String mode) {
        int correct = count(Outcome.CORRECT);
        int answerable = correct + count(Outcome.WRONG_SHOWN) + count(Outcome.FALSE_REFUSAL);
        int refused = count(Outcome.REFUSED);
        int impossible = refused + count(Outcome.IMPOSSIBLE_ANSWERED);
        int questions = latencies.size();
        EvalReport.Rates rates = new EvalReport.Rates(Rate.of(correct, answerable),
                Rate.of(firstCitationRight, answerable), Rate.of(count(Outcome.WRONG_SHOWN), answerable),
                Rate.of(count(Outcome.FALSE_REFUSAL), answerable), Rate.of(refused, impossible),
                Rate.of(count(Outcome.IMPOSSIBLE_ANSWERED), impossible), Rate.of(validCitations, citations),
                Rate.of(ownText, answered), Rate.of(fellBack, questions));
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new EvalReport(mode, answers.modelName(), questions, answerable, impossible,
                share(correct, answerable), share(firstCitationRight, answerable), share(refused, impossible),
                share(validCitations, citations), count(Outcome.FALSE_REFUSAL), share(ownText, answered), fallbacks,
                percentile(sorted, 50), percentile(sorted, 95),
                latencies.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6, rates, checks.counts(),
                misses);
    }

    private int count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    private boolean isVerbatim(Citation c) {
        Article article = answers.corpus().article(c.articleId()).orElse(null);
        return article != null && c.start() >= 0 && c.start() <= c.end() && c.end() <= article.text().length()
                && article.text().substring(c.start(), c.end()).equals(c.quote());
    }

    private static double share(int count, int total) {
        return total == 0 ? 1 : (double) count / total;
    }

    private static long percentile(long[] sortedNanos, int percentile) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1_000_000;
    }
}
