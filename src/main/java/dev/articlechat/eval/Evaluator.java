package dev.articlechat.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.answer.Answer;
import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.Citation;
import dev.articlechat.answer.Question;
import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Runs an eval file through the answering service and scores it the way the outside contract check does. */
public final class Evaluator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnswerService answers;

    public Evaluator(AnswerService answers) {
        this.answers = answers;
    }

    public static List<EvalQuestion> read(Path file) {
        try {
            List<EvalQuestion> questions = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    questions.add(JSON.readValue(line, EvalQuestion.class));
                }
            }
            return questions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read eval file " + file, e);
        }
    }

    public EvalReport run(List<EvalQuestion> questions, String mode) {
        int answerable = 0, outOfScope = 0, correct = 0, hits = 0, refused = 0, falseRefusals = 0;
        int citations = 0, validCitations = 0, answered = 0, ownText = 0;
        long[] latencies = new long[questions.size()];
        List<EvalReport.Miss> misses = new ArrayList<>();
        Map<String, Integer> fallbacks = new TreeMap<>();
        for (int i = 0; i < questions.size(); i++) {
            EvalQuestion q = questions.get(i);
            Question question = new Question(q.q(), q.history(), q.articleId());
            answers.requireArticle(question);
            answers.warmModel(question); // as a server does for an article asked about often: scores, not warm-ups
            long started = System.nanoTime();
            Answer answer = answers.ask(question);
            latencies[i] = System.nanoTime() - started;
            if (answer.answered()) {
                answered++;
                ownText += answer.fallback() == null && !answer.model().equals("extractive") ? 1 : 0;
            }
            if (answer.fallback() != null) {
                fallbacks.merge(answer.fallback().split(":", 2)[0], 1, Integer::sum);
            }
            for (Citation c : answer.citations()) {
                citations++;
                validCitations += isVerbatim(c, answers.corpus()) ? 1 : 0;
            }
            boolean ok;
            if (q.outOfScope()) {
                outOfScope++;
                ok = !answer.answered();
                refused += ok ? 1 : 0;
            } else {
                answerable++;
                falseRefusals += answer.answered() ? 0 : 1;
                boolean firstHits = !answer.citations().isEmpty() && quotesEvidence(answer.citations().get(0), q);
                hits += firstHits ? 1 : 0;
                ok = answer.answered() && matchesAnswer(answer.answer(), q)
                        && answer.citations().stream().anyMatch(c -> quotesEvidence(c, q));
                correct += ok ? 1 : 0;
            }
            if (!ok) {
                misses.add(new EvalReport.Miss(q.id(), q.q(), answer.answer(), answer.answered()));
            }
        }
        Arrays.sort(latencies);
        return new EvalReport(mode, answers.modelName(), questions.size(), answerable, outOfScope,
                rate(correct, answerable), rate(hits, answerable), rate(refused, outOfScope),
                rate(validCitations, citations), falseRefusals, rate(ownText, answered), fallbacks,
                percentile(latencies, 50), percentile(latencies, 95),
                Arrays.stream(latencies).average().orElse(0) / 1e6, misses);
    }

    private static boolean matchesAnswer(String answer, EvalQuestion q) {
        return q.answerAny().stream()
                .anyMatch(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE).matcher(answer).find());
    }

    private static boolean quotesEvidence(Citation citation, EvalQuestion q) {
        return q.evidenceAny().stream().anyMatch(citation.quote()::contains);
    }

    private static boolean isVerbatim(Citation c, Corpus corpus) {
        Article article = corpus.article(c.articleId()).orElse(null);
        return article != null && c.end() <= article.text().length()
                && article.text().substring(c.start(), c.end()).equals(c.quote());
    }

    private static double rate(int count, int total) {
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
