package dev.articlechat.slack;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a Slack call again after transient failures, as the {@link RetryPolicy} allows, and logs each failure. */
final class RetryingCaller {

    interface Call<T> {
        T run() throws SlackCallFailed;
    }

    private static final Logger log = LoggerFactory.getLogger(RetryingCaller.class);

    private final RetryPolicy policy;

    RetryingCaller(RetryPolicy policy) {
        this.policy = policy;
    }

    /** The call's result; the last failure when it failed for good or every attempt failed. */
    <T> T call(String what, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (SlackCallFailed e) {
                Duration wait = e.retryAfter() != null ? e.retryAfter() : policy.backoff(attempt);
                if (!e.retryable() || attempt >= policy.attempts() || wait.compareTo(policy.maxRetryAfter()) > 0) {
                    log.warn("Slack {} failed for good after {} attempt(s): {}", what, attempt, e.reason());
                    throw e;
                }
                log.info("Slack {} failed (attempt {} of {}): {}; retrying in {} ms", what, attempt,
                        policy.attempts(), e.reason(), wait.toMillis());
                sleep(wait);
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed("interrupted while waiting to retry", false, null, e);
        }
    }
}
