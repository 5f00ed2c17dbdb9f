package dev.articlechat.cli;

import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.reindex.ArticleLibrary;
import dev.articlechat.http.HttpApi;
import dev.articlechat.http.HttpSettings;
import dev.articlechat.http.Operations;
import dev.articlechat.http.RateLimit;
import dev.articlechat.http.ServerOptions;
import dev.articlechat.reindex.ReindexJobs;
import dev.articlechat.slack.SlackSettings;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Start the HTTP server, building the index first if it is missing or stale.")
final class ServeCommand implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    CommonOptions common;

    @Mixin
    SlackOptions slack;

    @Mixin
    OperationsOptions operations;

    @Option(names = "--port", defaultValue = "${env:PORT:-7070}",
            description = "Port to listen on. Env: PORT. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "${env:HOST:-0.0.0.0}",
            description = "Address to listen on. Env: HOST. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",", defaultValue = "${env:CORS_ORIGINS}",
            description = "Origin (https://example.com) whose pages may call /api/* and /v1/*, to embed the widget "
                    + "there; pages on other origins are refused (403). Repeat for several, or * for any. "
                    + "Env: CORS_ORIGINS (comma-separated). Default: none.")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:ADMIN_TOKEN}",
            description = "Bearer token of the admin routes (POST /admin/reindex); without it they are off. "
                    + "Env: ADMIN_TOKEN.")
    String adminToken;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", defaultValue = "${env:SHUTDOWN_GRACE_SECONDS:-20}",
            description = "Seconds a stopping server gives answers in flight to finish. "
                    + "Env: SHUTDOWN_GRACE_SECONDS. Default: ${DEFAULT-VALUE}.")
    int shutdownGraceSeconds;

    @Override
    public void run() {
        SignalStop signal = SignalStop.install(); // first: a signal at any moment from now stops what there is
        Duration grace;
        long started = System.nanoTime();
        HttpSettings web;
        SlackSettings slackSettings;
        RateLimit rateLimit;
        Settings settings;
        ArticleChat chat;
        try {
            grace = shutdownGrace();
            web = new HttpSettings(corsOrigins == null ? List.of() : corsOrigins);
            slackSettings = slack.settings();
            rateLimit = operations.rateLimit();
            settings = common.settings().withGenerations(operations.generations());
            chat = ArticleChat.open(settings);
        } catch (RuntimeException | Error e) {
            signal.openingFailed();
            throw e;
        }
        if (!signal.stopWith(() -> closed(chat), () -> { })) {
            return; // a signal came while opening: it closes what was opened
        }
        chat.answers().warmUp();
        ReindexJobs reindex = new ReindexJobs(chat::reindex);
        ArticleLibrary library = ArticleChat.store(settings)
                .map(store -> new ArticleLibrary(store, reindex, chat.answers()::corpus)).orElse(null);
        Javalin app = HttpApi.create(chat.answers(), serverOptions(chat, slackSettings, rateLimit,
                operations.metricsToken()).withWeb(web).withOperations(operations(reindex, library)));
        GracefulShutdown graceful = new GracefulShutdown(app, reindex, chat, grace);
        if (!signal.stopWith(graceful::stop, () -> app.start(host, port))) {
            return;
        }
        log.info("Ready on http://{}:{} in {} ms: {} passages, answers by {}", host, app.port(),
                (System.nanoTime() - started) / 1_000_000, chat.answers().corpus().passages().size(),
                chat.answers().modelName());
        chat.warmModelInBackground();
        try {
            signal.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A server stopped before it started serving: what was opened is closed. */
    private static boolean closed(ArticleChat chat) {
        try {
            chat.close();
            return true;
        } catch (Exception e) {
            log.warn("Closing the index or the language model failed: {}", e.getMessage());
            return false;
        }
    }

    /** What the HTTP server needs from the command line and the opened application. */
    static ServerOptions serverOptions(ArticleChat chat, SlackSettings slack, RateLimit rateLimit, String metricsToken) {
        if (metricsToken == null) {
            log.info("GET /metrics is open to anyone who can reach the server; set --metrics-token to require a token");
        }
        return ServerOptions.defaults().withModelUnavailable(chat.languageModelProblem()).withSlack(slack)
                .withRateLimit(rateLimit).withMetrics(chat.metrics(), metricsToken).withReadiness(chat::ready);
    }

    Duration shutdownGrace() {
        if (shutdownGraceSeconds < 0 || shutdownGraceSeconds > 600) {
            throw new IllegalArgumentException("--shutdown-grace must be between 0 and 600 seconds");
        }
        return Duration.ofSeconds(shutdownGraceSeconds);
    }

    Operations operations(ReindexJobs reindex, ArticleLibrary library) {
        return new Operations(reindex, library, adminToken, shutdownGrace());
    }
}
