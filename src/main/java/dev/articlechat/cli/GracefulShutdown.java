package dev.articlechat.cli;

import dev.articlechat.ArticleChat;
import dev.articlechat.reindex.ReindexJobs;
import io.javalin.Javalin;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SIGTERM does to a serving process, in order: no new re-index, and a running one gets the grace to
 * finish; the HTTP server stops accepting and gives the answers in flight (streams and Slack's included) the
 * grace to finish; only then are the index and the language model closed, so no answer loses them mid-way.
 */
final class GracefulShutdown implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final Javalin app;
    private final ReindexJobs reindex;
    private final ArticleChat chat;
    private final Duration grace;

    GracefulShutdown(Javalin app, ReindexJobs reindex, ArticleChat chat, Duration grace) {
        this.app = app;
        this.reindex = reindex;
        this.chat = chat;
        this.grace = grace;
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        log.info("Stopping: answers in flight get up to {} s to finish", grace.toSeconds());
        reindex.close(grace);
        app.stop();
        try {
            chat.close();
        } catch (Exception e) {
            log.warn("Closing the index or the language model failed: {}", e.getMessage());
        }
        log.info("Stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
