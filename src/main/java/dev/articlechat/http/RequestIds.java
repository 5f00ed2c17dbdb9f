package dev.articlechat.http;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every response carries an {@code X-Request-Id}, and every log line written for the request names it. A
 * caller's own id (a proxy's, or a client's) is kept when it is a plain token, so that one request can be
 * followed across systems; anything else could forge log lines or bloat them, and is replaced.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    /** The logging context key, named in the log pattern. */
    static final String MDC_KEY = "requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : generate();
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** Request threads are pooled: the id must not stick to the next request's early lines. */
    static void forget() {
        MDC.remove(MDC_KEY);
    }

    /**
     * 96 random bits: unique enough to find one request among billions, and no secret, so a fast thread-local
     * generator will do (a SecureRandom serialises every request thread on one lock).
     */
    private static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextInt());
    }
}
