package dev.articlechat.cli;

import dev.articlechat.ArticleChat;
import dev.articlechat.reindex.ReindexJobs;
import io.javalin.Javalin;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SIGTERM does to a serving process, in order:
 * <ol>
 *   <li>no new re-index, and a running one gets the grace to finish;</li>
 *   <li>the HTTP server stops accepting and gives the answers in flight (streams and Slack's included) the grace
 *       to finish;</li>
 *   <li>new questions are refused and the language model's generations still running are cancelled (a warm-up
 *       of its prompt cache included);</li>
 *   <li>llama.cpp's native loop is waited for until it is idle, then ended and its thread joined, so nothing
 *       computes when the process goes (exiting under it crashed the JVM in ggml);</li>
 *   <li>the model is closed, and the index once the last question lets go of it.</li>
 * </ol>
 * {@link #stop()} says whether all of it went as planned; the process then exits 0.
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
        stop();
    }

    /** Stops everything in order; false when closing the index or the language model failed. */
    boolean stop() {
        long started = System.nanoTime();
        log.info("Stopping: answers in flight get up to {} s to finish", grace.toSeconds());
        reindex.close(grace);
        app.stop();
        boolean clean = true;
        try {
            chat.close();
        } catch (Exception e) {
            log.warn("Closing the index or the language model failed: {}", e.getMessage());
            clean = false;
        }
        log.info("Stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
        return clean;
    }
}
