package dev.articlechat.slack;

import java.time.Duration;

/**
 * How often and how patiently a Slack call is retried. Errors back off exponentially from {@code firstDelay}
 * up to {@code maxDelay}; a rate limit waits exactly as long as Slack's {@code Retry-After} asks, because
 * retrying sooner only earns another 429, and gives up when Slack asks for more than {@code maxRetryAfter}.
 *
 * @param attempts calls in all, the first included
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay, Duration maxRetryAfter) {

    /** Four calls over about seven seconds of errors; a rate limit of up to a minute is waited out. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofSeconds(60));

    public RetryPolicy {
        if (attempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0
                || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("a retry policy needs at least one attempt and delays in order");
        }
    }

    /** The wait after failed call number {@code attempt} (1-based) that Slack did not time. */
    public Duration backoff(int attempt) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
