package dev.articlechat;

import dev.articlechat.answer.Answer;
import dev.articlechat.answer.AnswerObserver;
import java.util.List;
import java.util.Map;

/**
 * Tells each of several observers, in order, what answering does. Every method of {@link AnswerObserver} must be
 * passed on here: one left to its default would be silently dropped ({@code CompositeAnswerObserverTest} fails
 * when a method is added to the interface and not here).
 */
final class CompositeAnswerObserver implements AnswerObserver {

    private final List<AnswerObserver> observers;

    CompositeAnswerObserver(List<AnswerObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    @Override
    public void generated(int pieces) {
        observers.forEach(o -> o.generated(pieces));
    }

    @Override
    public void answered(Answer answer, boolean cached) {
        observers.forEach(o -> o.answered(answer, cached));
    }

    @Override
    public void sentenceChecked(String question, String sentence, String droppedBy, Map<String, Long> nanos) {
        observers.forEach(o -> o.sentenceChecked(question, sentence, droppedBy, nanos));
    }

    @Override
    public void refusedUnasked(String question, String rule) {
        observers.forEach(o -> o.refusedUnasked(question, rule));
    }

    @Override
    public void shed() {
        observers.forEach(AnswerObserver::shed);
    }
}
