package dev.articlechat.cli;

import dev.articlechat.Settings;
import dev.articlechat.http.RateLimit;
import picocli.CommandLine.Option;

/** Options of serve that protect the server and expose its state. Each also reads an environment variable. */
final class OperationsOptions {

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "${env:RATE_LIMIT:-120}",
            description = "Requests per minute one client may make to /api and /v1; 0 for no limit. "
                    + "Env: RATE_LIMIT. Default: ${DEFAULT-VALUE}.")
    int rateLimit;

    @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "${env:RATE_BURST:-60}",
            description = "Requests one client may make at once after a quiet spell. Env: RATE_BURST. "
                    + "Default: ${DEFAULT-VALUE}.")
    int rateBurst;

    @Option(names = "--trust-proxy", defaultValue = "${env:TRUST_PROXY:-false}", arity = "0..1", fallbackValue = "true",
            description = "Take the client's address from X-Forwarded-For (set it only behind a proxy that sets the "
                    + "header). Env: TRUST_PROXY. Default: ${DEFAULT-VALUE}.")
    boolean trustProxy;

    @Option(names = "--max-generations", paramLabel = "N", defaultValue = "${env:MAX_GENERATIONS:-0}",
            description = "Answers a language model may write at once; 0 picks 1 for a local model and "
                    + Settings.Generations.REMOTE_CONCURRENT + " for others. Env: MAX_GENERATIONS. Default: ${DEFAULT-VALUE}.")
    int maxGenerations;

    @Option(names = "--generation-queue", paramLabel = "N", defaultValue = "${env:GENERATION_QUEUE:-4}",
            description = "Questions that may wait for a busy model; beyond that they get the extractive answer "
                    + "(fallback: busy). Env: GENERATION_QUEUE. Default: ${DEFAULT-VALUE}.")
    int generationQueue;

    @Option(names = "--metrics-token", paramLabel = "TOKEN", defaultValue = "${env:METRICS_TOKEN}",
            description = "Bearer token that GET /metrics requires; without it the metrics are open. "
                    + "Env: METRICS_TOKEN.")
    String metricsToken;

    RateLimit rateLimit() {
        return new RateLimit(rateLimit, rateBurst, trustProxy);
    }

    Settings.Generations generations() {
        return new Settings.Generations(maxGenerations, generationQueue);
    }

    String metricsToken() {
        return metricsToken == null || metricsToken.isBlank() ? null : metricsToken;
    }
}
