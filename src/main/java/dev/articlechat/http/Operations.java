package dev.articlechat.http;

import dev.articlechat.reindex.ArticleLibrary;
import dev.articlechat.reindex.ReindexJobs;
import java.time.Duration;

/**
 * How the server is operated, beside answering: re-indexing behind an admin token, and the time answers in
 * flight get to finish when the server stops.
 *
 * @param reindex       runs re-indexes; null when this server cannot re-index
 * @param articles      adds and removes articles while serving; null when this server keeps none of its own
 * @param adminToken    the bearer token of the admin routes; null or blank turns them off
 * @param shutdownGrace how long a stopping server waits for answers in flight, streams included; zero stops at
 *                      once (what tests that start and stop many servers want: a graceful stop costs Jetty a
 *                      second even when nothing is in flight)
 */
public record Operations(ReindexJobs reindex, ArticleLibrary articles, String adminToken, Duration shutdownGrace) {

    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

    /** No admin routes, and an immediate stop. */
    public static final Operations NONE = new Operations(null, null, null, Duration.ZERO);

    public boolean adminEnabled() {
        return reindex != null && adminToken != null && !adminToken.isBlank();
    }

    /** The token is a secret: never printed with the rest. */
    @Override
    public String toString() {
        return "Operations[admin " + (adminEnabled() ? "on" : "off") + ", shutdown grace " + shutdownGrace + "]";
    }
}
