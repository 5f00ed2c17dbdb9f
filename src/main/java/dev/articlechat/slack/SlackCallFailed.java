package dev.articlechat.slack;

import java.time.Duration;

/**
 * A Slack call that did not succeed. {@code retryAfter} is set when Slack said how long to wait (HTTP 429's
 * {@code Retry-After}); {@code retryable} tells a transient failure (rate limit, server error, network) from one
 * that will fail again the same way (a missing scope, an unknown channel).
 */
final class SlackCallFailed extends RuntimeException {

    private final boolean retryable;
    private final Duration retryAfter;

    SlackCallFailed(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    SlackCallFailed(String message, boolean retryable) {
        this(message, retryable, null, null);
    }

    /**
     * The message and, after it, what each cause adds ("response_url: HTTP 502: connect timed out"): the final
     * failure's log line is all an operator gets, and the first message alone often names only the call.
     */
    String reason() {
        StringBuilder reason = new StringBuilder(String.valueOf(getMessage()));
        for (Throwable cause = getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String part = cause.getMessage() == null || cause.getMessage().isBlank()
                    ? cause.getClass().getSimpleName() : cause.getMessage();
            if (reason.indexOf(part) < 0) {
                reason.append(": ").append(part);
            }
        }
        return reason.toString();
    }

    boolean retryable() {
        return retryable;
    }

    /** How long Slack asked us to wait, or null when it did not say. */
    Duration retryAfter() {
        return retryAfter;
    }
}
