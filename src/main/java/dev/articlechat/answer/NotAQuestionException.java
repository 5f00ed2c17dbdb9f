package dev.articlechat.answer;

/** A text that {@link QuestionText} refuses as a question; its message says why, in words for the asker. */
public final class NotAQuestionException extends IllegalArgumentException {

    public NotAQuestionException(String message) {
        super(message);
    }
}
