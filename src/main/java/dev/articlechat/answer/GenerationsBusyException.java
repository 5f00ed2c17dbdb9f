package dev.articlechat.answer;

/**
 * Every language-model slot is busy and the queue for one is full, or a slot did not free up in time. Not a
 * failure of the answer: the caller should try again after {@link #retryAfterSeconds()} (HTTP answers 503).
 */
public final class GenerationsBusyException extends RuntimeException {

    private final int retryAfterSeconds;

    public GenerationsBusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
