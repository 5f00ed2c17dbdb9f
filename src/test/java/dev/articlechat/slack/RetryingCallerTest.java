package dev.articlechat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.articlechat.support.CapturedLogs;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Transient failures are retried with growing delays, a bounded number of times; lasting ones are not. */
class RetryingCallerTest {

    @Test
    void backs_off_exponentially_up_to_the_longest_delay() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(60));

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoff(60)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void retries_until_the_attempts_run_out_and_not_at_all_for_a_lasting_failure() {
        RetryingCaller caller = new RetryingCaller(SlackRequests.FAST_RETRIES);
        int[] calls = {0};

        assertThatThrownBy(() -> caller.call("x", () -> {
            calls[0]++;
            throw new SlackCallFailed("busy", true);
        })).isInstanceOf(SlackCallFailed.class);
        assertThat(calls[0]).isEqualTo(SlackRequests.FAST_RETRIES.attempts());

        calls[0] = 0;
        assertThatThrownBy(() -> caller.call("x", () -> {
            calls[0]++;
            throw new SlackCallFailed("not_in_channel", false);
        })).isInstanceOf(SlackCallFailed.class);
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void gives_up_rather_than_wait_longer_than_the_policy_allows_for_a_rate_limit() {
        RetryingCaller caller = new RetryingCaller(SlackRequests.FAST_RETRIES);
        int[] calls = {0};

        assertThatThrownBy(() -> caller.call("x", () -> {
            calls[0]++;
            throw new SlackCallFailed("ratelimited", true, Duration.ofMinutes(10), null);
        })).isInstanceOf(SlackCallFailed.class);
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void the_final_failure_line_says_the_cause_and_not_only_the_call() {
        RetryingCaller caller = new RetryingCaller(SlackRequests.FAST_RETRIES);

        try (CapturedLogs logs = CapturedLogs.start()) {
            assertThatThrownBy(() -> caller.call("chat.postMessage", () -> {
                throw new SlackCallFailed("chat.postMessage: HTTP 502", true, null,
                        new IOException("upstream connect error", new SocketTimeoutException()));
            })).isInstanceOf(SlackCallFailed.class);

            assertThat(logs.events()).map(ILoggingEvent::getFormattedMessage)
                    .filteredOn(line -> line.contains("failed for good")).singleElement().asString()
                    .endsWith("chat.postMessage: HTTP 502: upstream connect error: SocketTimeoutException");
        }
    }
}
