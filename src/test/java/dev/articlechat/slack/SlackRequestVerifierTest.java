package dev.articlechat.slack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Slack's v0 request signature, checked over the raw body with the timestamp within five minutes. */
class SlackRequestVerifierTest {

    /** Slack's published example: secret, timestamp, slash-command body and the signature Slack sent. */
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TIMESTAMP = "1531420618";
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    @Test
    void accepts_slacks_published_example_at_the_time_it_was_sent() {
        assertThat(verifierAt(1531420618L + 30).isValid(TIMESTAMP, BODY.getBytes(UTF_8), SIGNATURE)).isTrue();
    }

    @Test
    void computes_the_published_signature_and_the_same_one_as_slacks_sdk() {
        SlackRequestVerifier verifier = verifierAt(1531420618L);

        assertThat(verifier.sign(TIMESTAMP, BODY.getBytes(UTF_8))).isEqualTo(SIGNATURE)
                .isEqualTo(new SlackSignature.Generator(SECRET).generate(TIMESTAMP, BODY));
    }

    @Test
    void refuses_a_signature_that_differs_in_one_character() {
        String wrong = SIGNATURE.substring(0, SIGNATURE.length() - 1) + "4";

        assertThat(verifierAt(1531420618L).isValid(TIMESTAMP, BODY.getBytes(UTF_8), wrong)).isFalse();
    }

    @Test
    void refuses_a_body_that_differs_from_the_signed_one() {
        byte[] changed = BODY.replace("text=", "text=rm").getBytes(UTF_8);

        assertThat(verifierAt(1531420618L).isValid(TIMESTAMP, changed, SIGNATURE)).isFalse();
    }

    @Test
    void refuses_a_timestamp_more_than_five_minutes_old_or_ahead() {
        byte[] body = BODY.getBytes(UTF_8);

        assertThat(verifierAt(1531420618L + 299).isValid(TIMESTAMP, body, SIGNATURE)).isTrue();
        assertThat(verifierAt(1531420618L + 301).isValid(TIMESTAMP, body, SIGNATURE)).isFalse();
        assertThat(verifierAt(1531420618L - 299).isValid(TIMESTAMP, body, SIGNATURE)).isTrue();
        assertThat(verifierAt(1531420618L - 301).isValid(TIMESTAMP, body, SIGNATURE)).isFalse();
    }

    @Test
    void refuses_missing_or_malformed_headers() {
        SlackRequestVerifier verifier = verifierAt(1531420618L);
        byte[] body = BODY.getBytes(UTF_8);

        assertThat(verifier.isValid(null, body, SIGNATURE)).isFalse();
        assertThat(verifier.isValid(TIMESTAMP, body, null)).isFalse();
        assertThat(verifier.isValid("", body, SIGNATURE)).isFalse();
        assertThat(verifier.isValid("1531420618.5", body, SIGNATURE)).isFalse();
        assertThat(verifier.isValid("99999999999999999999", body, SIGNATURE)).isFalse();
        assertThat(verifier.isValid(TIMESTAMP, body, SIGNATURE.substring(3))).isFalse();
        assertThat(verifier.isValid(TIMESTAMP, body, "")).isFalse();
    }

    @Test
    void signs_the_bytes_slack_sent_whatever_the_text_in_them() {
        byte[] body = "{\"text\": \"卡尼在北京会见了谁？ 🐼 café\"}".getBytes(UTF_8);
        SlackRequestVerifier verifier = verifierAt(1531420618L);

        String signature = verifier.sign(TIMESTAMP, body);

        assertThat(signature).matches("v0=[0-9a-f]{64}");
        assertThat(verifier.isValid(TIMESTAMP, body, signature)).isTrue();
    }

    private static SlackRequestVerifier verifierAt(long epochSecond) {
        return new SlackRequestVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }
}
