package dev.articlechat.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.answer.Answer;
import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.Citation;
import dev.articlechat.answer.Question;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Runs an eval file through the answering service and scores it the way the outside contract check does. */
public final class Evaluator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnswerService answers;
    private final CheckTally checks;

    /** @param checks the tally the service reports its sentence checks to */
    public Evaluator(AnswerService answers, CheckTally checks) {
        this.answers = answers;
        this.checks = checks;
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
        EvalRun run = new EvalRun(answers, checks);
        for (EvalQuestion q : questions) {
            // a false premise's refusal is no loss, and a sentence with its correction is right
            Answer answer = run.ask(new Question(q.q(), q.history(), q.articleId()),
                    sentence -> !q.outOfScope() && matchesAnswer(sentence, q),
                    !q.outOfScope() && !q.falsePremise());
            run.score(q.id(), q.q(), q.answerAny(), answer, grade(q, answer), firstCitationQuotesEvidence(q, answer));
        }
        return run.report(mode);
    }

    /** How the eval scores one answer: also for tests that hold specific questions to it. */
    public static Outcome grade(EvalQuestion q, Answer answer) {
        boolean right = matchesAnswer(answer.answer(), q)
                && answer.citations().stream().anyMatch(c -> quotesEvidence(c, q));
        if (q.falsePremise()) {
            // refused, or corrected with what the article says: both are handled; anything else repeats the premise
            return Outcome.of(false, answer.answered() && !right, false);
        }
        return Outcome.of(!q.outOfScope(), answer.answered(), right);
    }

    private static boolean firstCitationQuotesEvidence(EvalQuestion q, Answer answer) {
        return !answer.citations().isEmpty() && quotesEvidence(answer.citations().get(0), q);
    }

    private static boolean matchesAnswer(String answer, EvalQuestion q) {
        return q.answerAny().stream()
                .anyMatch(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE).matcher(answer).find());
    }

    private static boolean quotesEvidence(Citation citation, EvalQuestion q) {
        return q.evidenceAny().stream().anyMatch(citation.quote()::contains);
    }
}
