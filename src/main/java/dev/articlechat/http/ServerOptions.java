package dev.articlechat.http;

import dev.articlechat.metrics.Metrics;
import dev.articlechat.slack.SlackSettings;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How the HTTP server runs, beyond the answering service it serves.
 *
 * @param modelUnavailable why the configured language model is not answering, for /health; null if it is
 * @param keepAlive        how long an event stream may stay quiet before a comment line is sent
 * @param slack            how to reach Slack; null, or settings without a signing secret, leave Slack's routes out
 * @param rateLimit        requests per client on /api and /v1
 * @param metrics          the meters /metrics shows; null for meters of the server's own (HTTP and JVM only)
 * @param metricsToken     the bearer token /metrics requires; null for none
 * @param ready            whether questions can be answered now, for /ready
 * @param web              which other origins may call the API, for the widget embedded elsewhere
 * @param operations       the admin routes (re-index) and the grace given to answers in flight at shutdown
 */
public record ServerOptions(String modelUnavailable, Duration keepAlive, SlackSettings slack, RateLimit rateLimit,
                            Metrics metrics, String metricsToken, BooleanSupplier ready, HttpSettings web,
                            Operations operations) {

    /** Well inside the idle timeouts of common proxies (nginx: 60 s). */
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    /** No Slack, no rate limit, open metrics of the server's own, always ready, no other origins, no admin. */
    public static ServerOptions defaults() {
        return new ServerOptions(null, KEEP_ALIVE, null, RateLimit.OFF, null,
                null, () -> true, HttpSettings.defaults(),
                Operations.NONE);
    }

    public ServerOptions withModelUnavailable(String problem) {
        return new ServerOptions(problem, keepAlive, slack, rateLimit, metrics, metricsToken, ready, web, operations);
    }

    public ServerOptions withKeepAlive(Duration interval) {
        return new ServerOptions(modelUnavailable, interval, slack, rateLimit, metrics,
                metricsToken, ready, web, operations);
    }

    public ServerOptions withSlack(SlackSettings settings) {
        return new ServerOptions(modelUnavailable, keepAlive, settings, rateLimit, metrics,
                metricsToken, ready, web, operations);
    }

    public ServerOptions withRateLimit(RateLimit limit) {
        return new ServerOptions(modelUnavailable, keepAlive, slack, limit, metrics,
                metricsToken, ready, web, operations);
    }

    /** The meters to show, behind {@code token} when it is not null. */
    public ServerOptions withMetrics(Metrics meters, String token) {
        return new ServerOptions(modelUnavailable, keepAlive, slack, rateLimit, meters, token, ready, web, operations);
    }

    public ServerOptions withReadiness(BooleanSupplier check) {
        return new ServerOptions(modelUnavailable, keepAlive, slack, rateLimit, metrics,
                metricsToken, check, web, operations);
    }

    public ServerOptions withWeb(HttpSettings origins) {
        return new ServerOptions(modelUnavailable, keepAlive, slack, rateLimit, metrics,
                metricsToken, ready, origins, operations);
    }

    public ServerOptions withOperations(Operations admin) {
        return new ServerOptions(modelUnavailable, keepAlive, slack, rateLimit, metrics,
                metricsToken, ready, web,
                admin);
    }
}
