package dev.articlechat.eval;

import dev.articlechat.answer.AnswerObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Counts, for each check of a written sentence, the sentences it dropped that held a right answer (a loss) and
 * those that did not (what it is for), and the time it took; and, as a row "rule (unasked)" of the same table, for
 * each rule that refuses a question before a model is asked, the answerable questions it refused (a loss) and the
 * others. Questions are asked one at a time, so a sentence is the question's that is being asked: the evaluator
 * says before each one whether it is answerable and which sentences would be right. Sentences are only written by
 * a language model; with the extractive answerer only the rules' rows can fill.
 */
public final class CheckTally implements AnswerObserver {

    /**
     * One check's row.
     *
     * @param ran          sentences it looked at
     * @param droppedRight sentences it dropped that held a right answer to an answerable question
     * @param droppedWrong sentences it dropped that did not
     * @param totalMs      its time over every sentence
     * @param meanMs       its time per sentence
     */
    public record CheckCount(String check, int ran, int droppedRight, int droppedWrong, double totalMs,
                             double meanMs) {
    }

    /**
     * @param sentences  sentences written and checked
     * @param shown      of those, the ones no check dropped
     * @param shownRight of those shown, the ones that held a right answer
     */
    public record SentenceChecks(int sentences, int shown, int shownRight, List<CheckCount> byCheck) {

        public SentenceChecks {
            byCheck = List.copyOf(byCheck);
        }
    }

    private static final class Row {
        int ran;
        int droppedRight;
        int droppedWrong;
        long nanos;
    }

    private final Map<String, Row> rows = new TreeMap<>();
    private Predicate<String> right = sentence -> false;
    private boolean answerable;
    private int sentences;
    private int shown;
    private int shownRight;

    /**
     * The question about to be asked: {@code holdsRightAnswer} says whether a sentence answers it right, and
     * {@code answerable} whether refusing it unasked loses an answer.
     */
    synchronized void asking(Predicate<String> holdsRightAnswer, boolean answerable) {
        right = holdsRightAnswer;
        this.answerable = answerable;
    }

    /**
     * A rule that refuses before the model is asked is tallied as a check of the question: a refusal of an
     * answerable question is a right answer dropped.
     */
    @Override
    public synchronized void refusedUnasked(String question, String rule) {
        Row row = rows.computeIfAbsent(rule + " (unasked)", name -> new Row());
        row.ran++;
        if (answerable) {
            row.droppedRight++;
        } else {
            row.droppedWrong++;
        }
    }

    @Override
    public synchronized void sentenceChecked(String question, String sentence, String droppedBy,
                                             Map<String, Long> nanos) {
        boolean isRight = right.test(sentence);
        sentences++;
        nanos.forEach((check, took) -> {
            Row row = rows.computeIfAbsent(check, name -> new Row());
            row.ran++;
            row.nanos += took;
        });
        if (droppedBy == null) {
            shown++;
            shownRight += isRight ? 1 : 0;
            return;
        }
        Row row = rows.computeIfAbsent(droppedBy, name -> new Row());
        if (!nanos.containsKey(droppedBy)) {
            row.ran++; // a check that reports no time still looked at the sentence it dropped
        }
        if (isRight) {
            row.droppedRight++;
        } else {
            row.droppedWrong++;
        }
    }

    public synchronized SentenceChecks counts() {
        List<CheckCount> byCheck = new ArrayList<>();
        rows.forEach((check, row) -> byCheck.add(new CheckCount(check, row.ran, row.droppedRight, row.droppedWrong,
                row.nanos / 1e6, row.ran == 0 ? 0 : row.nanos / 1e6 / row.ran)));
        return new SentenceChecks(sentences, shown, shownRight, byCheck);
    }
}
