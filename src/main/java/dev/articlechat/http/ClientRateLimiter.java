package dev.articlechat.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.articlechat.metrics.Metrics;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.Duration;

/**
 * A token bucket per client on the question routes. The buckets live in a bounded cache: a flood of addresses
 * evicts the least recently seen clients instead of filling the heap, and a client idle long enough to have a
 * full bucket again is forgotten.
 */
final class ClientRateLimiter {

    /** Far more clients than a single server meets within a few minutes; a bucket is a few hundred bytes. */
    static final long MAX_CLIENTS = 100_000;

    private final RateLimit limit;
    private final Metrics metrics;
    private final Cache<String, Bucket> buckets;

    ClientRateLimiter(RateLimit limit, Metrics metrics) {
        this.limit = limit;
        this.metrics = metrics;
        Duration refillAll = Duration.ofMillis(Math.max(1000, 60_000L * limit.burst() / Math.max(1, limit.perMinute())));
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(refillAll).build();
    }

    /** Lets the request through, or answers 429 with the seconds until the client's next token. */
    void check(Context ctx) {
        ConsumptionProbe probe = buckets.get(client(ctx), client -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            metrics.rateLimited();
            ctx.header("Retry-After", String.valueOf(seconds));
            throw new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(),
                    "Too many requests from this client; try again in " + seconds + " s.");
        }
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.burst())
                .refillGreedy(limit.perMinute(), Duration.ofMinutes(1)).build()).build();
    }

    /** Behind a trusted proxy, the last X-Forwarded-For entry is the address that proxy saw; earlier ones are the client's say. */
    private String client(Context ctx) {
        if (limit.trustProxy()) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].strip();
            }
        }
        return ctx.ip();
    }
}
