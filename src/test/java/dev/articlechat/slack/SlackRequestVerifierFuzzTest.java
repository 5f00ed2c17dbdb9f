package dev.articlechat.slack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.slack.api.app_backend.SlackSignature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Coverage-guided fuzzing of Slack's v0 signature check with arbitrary headers and bodies: it never throws, it
 * refuses every signature but the right one, and it accepts the right one exactly when the timestamp is within
 * five minutes of now. The expected signature comes from the SDK's generator, not from the code under test.
 */
class SlackRequestVerifierFuzzTest {

    private static final String SECRET = "fuzzing-signing-secret";
    private static final long NOW_SECONDS = 1_770_000_000L;

    private final SlackRequestVerifier verifier = new SlackRequestVerifier(SECRET,
            Clock.fixed(Instant.ofEpochSecond(NOW_SECONDS), ZoneOffset.UTC));
    private final SlackSignature.Generator slack = new SlackSignature.Generator(SECRET);

    @FuzzTest(maxDuration = "5s")
    void accepts_only_a_current_request_signed_with_the_secret(FuzzedDataProvider data) {
        boolean forged = data.consumeBoolean();
        String timestamp = data.consumeBoolean()
                ? String.valueOf(NOW_SECONDS + data.consumeLong(-3600, 3600)) : data.consumeString(24);
        String signature = data.consumeString(80);
        String body = data.consumeRemainingAsAsciiString();

        if (forged) {
            boolean right = timestamp.matches("\\d{1,12}") && signature.equals(slack.generate(timestamp, body));
            assertThat(verifier.isValid(timestamp, body.getBytes(UTF_8), signature)).isEqualTo(right && current(timestamp));
            assertThat(verifier.isValid(null, body.getBytes(UTF_8), signature)).isFalse();
            assertThat(verifier.isValid(timestamp, body.getBytes(UTF_8), null)).isFalse();
        } else if (timestamp.matches("\\d{1,12}")) {
            assertThat(verifier.isValid(timestamp, body.getBytes(UTF_8), slack.generate(timestamp, body)))
                    .as("Slack's own signature of %s", timestamp).isEqualTo(current(timestamp));
        }
    }

    private static boolean current(String timestamp) {
        return Math.abs(Long.parseLong(timestamp) - NOW_SECONDS) * 1000 <= SlackRequestVerifier.MAX_SKEW_MILLIS;
    }
}
