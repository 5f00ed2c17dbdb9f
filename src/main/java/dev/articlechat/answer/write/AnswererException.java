package dev.articlechat.answer.write;

/**
 * An answerer could not produce an answer worth showing. {@link #reason()} is short and stable ("timeout",
 * "unsupported", "model error", "empty"), for metrics and for the answer's {@code fallback} field.
 */
public final class AnswererException extends RuntimeException {

    private final String reason;

    public AnswererException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public AnswererException(String reason, String message) {
        this(reason, message, null);
    }

    public String reason() {
        return reason;
    }
}
