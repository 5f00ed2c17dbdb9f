package dev.articlechat.http;

import io.javalin.config.JavalinConfig;

/**
 * Lets pages on the configured origins call {@code /api/*}, which is what embedding the widget on another site
 * needs. Javalin's CORS plugin answers the browser's preflight ({@code OPTIONS} before a JSON {@code POST}) and
 * adds the headers to real responses, errors included, so a page elsewhere can read the JSON error.
 */
final class CorsPolicy {

    private CorsPolicy() {
    }

    static void apply(JavalinConfig config, HttpSettings settings) {
        if (settings.corsOrigins().isEmpty()) {
            return; // same-origin only: no CORS headers at all
        }
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            rule.path = "/api/*";
            // Browsers may cache a preflight for at most 2 hours (Chromium) anyway.
            rule.maxAge = 7200;
            if (settings.corsOrigins().contains(HttpSettings.ANY_ORIGIN)) {
                rule.anyHost();
            } else {
                settings.corsOrigins().forEach(origin -> rule.allowHost(origin));
            }
        }));
    }
}
