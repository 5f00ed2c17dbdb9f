package dev.articlechat.answer;

/**
 * Told what answering does, for metrics, without this package knowing any metrics library. Implementations
 * must be quick and must not throw: they run on the answering path.
 */
public interface AnswerObserver {

    AnswerObserver NONE = new AnswerObserver() {
    };

    /** A language model wrote {@code pieces} more pieces of text (tokens, as the model streams them). */
    default void generated(int pieces) {
    }

    /** A question was answered; {@code cached} answers took no retrieval or generation. */
    default void answered(Answer answer, boolean cached) {
    }

    /** A question was turned away because every generation slot was busy. */
    default void shed() {
    }
}
