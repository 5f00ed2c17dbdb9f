package dev.articlechat.http;

import dev.articlechat.metrics.Metrics;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code GET /metrics}: Prometheus' text format; behind a bearer token when one is configured. */
final class MetricsController {

    private final Metrics metrics;
    private final byte[] token;

    /** @param token required as {@code Authorization: Bearer <token>}; null leaves the metrics open */
    MetricsController(Metrics metrics, String token) {
        this.metrics = metrics;
        this.token = token == null || token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    void metrics(Context ctx) {
        if (token != null) {
            String given = ctx.header("Authorization");
            // constant time: how long a comparison takes must not tell how much of a guess was right
            if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(),
                        "The metrics need an Authorization: Bearer token.");
            }
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
