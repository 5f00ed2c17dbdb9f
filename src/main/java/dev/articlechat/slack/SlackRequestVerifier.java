package dev.articlechat.slack;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.slack.api.app_backend.SlackSignature;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's request signing, v0: {@code X-Slack-Signature} is {@code v0=} and the hex HMAC-SHA256 of
 * {@code v0:{X-Slack-Request-Timestamp}:{raw body}} keyed with the signing secret, and the timestamp is at most
 * five minutes away from now, so that a captured request cannot be replayed later.
 *
 * <p>The header names, algorithm and five minutes are the SDK's ({@link SlackSignature}); the comparison is not:
 * its {@code Verifier} compares with {@code String.equals}, which leaks through timing how much of a forged
 * signature was right, and its {@code Generator} re-encodes the body with the platform charset (not UTF-8
 * everywhere on Java 17), whereas Slack signs the bytes it sent. So the HMAC runs here over the raw bytes and
 * is compared in constant time.
 */
final class SlackRequestVerifier {

    static final long MAX_SKEW_MILLIS = SlackSignature.TimestampVerifier.TIMESTAMP_EXPIRATION_TIME_IN_MILLIS;

    private static final Logger log = LoggerFactory.getLogger(SlackRequestVerifier.class);

    private final SecretKeySpec key;
    private final Clock clock;

    SlackRequestVerifier(String signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret.getBytes(UTF_8), SlackSignature.ALGORITHM);
        this.clock = clock;
    }

    /** The body of a request that Slack signed, read before anything parses it; otherwise 401. */
    String verifiedBody(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (!isValid(ctx.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP), body,
                ctx.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE))) {
            log.warn("Rejected an unsigned, wrongly signed or stale request to {}", ctx.path());
            throw new UnauthorizedResponse("The request does not carry a valid, current Slack signature.");
        }
        return new String(body, UTF_8);
    }

    boolean isValid(String timestamp, byte[] body, String signature) {
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        if (Math.abs(clock.millis() - Long.parseLong(timestamp) * 1000) > MAX_SKEW_MILLIS) {
            return false;
        }
        return MessageDigest.isEqual(sign(timestamp, body).getBytes(UTF_8), signature.getBytes(UTF_8));
    }

    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(SlackSignature.ALGORITHM);
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
