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

    /**
     * A sentence the model wrote went through the checks: shown, or dropped by the check {@code droppedBy} names.
     * The eval counts drops per check against its gold answers; metrics may count them by name.
     *
     * @param question  the question as it stands on its own
     * @param sentence  the written sentence, without citation markers
     * @param droppedBy the name of the check that dropped it, or null when it was shown
     * @param nanos     the time each check that ran took, by name
     */
    default void sentenceChecked(String question, String sentence, String droppedBy, java.util.Map<String, Long> nanos) {
    }

    /**
     * A question was refused before any model was asked, by the rule {@code rule} names ("off-topic-request",
     * "unknown-name", "not-english"): the eval counts these against its gold answers, as it counts checks.
     */
    default void refusedUnasked(String question, String rule) {
    }

    /** A question was turned away because every generation slot was busy. */
    default void shed() {
    }
}
