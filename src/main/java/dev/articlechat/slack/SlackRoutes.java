package dev.articlechat.slack;

import dev.articlechat.answer.AnswerService;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds the Slack routes to the HTTP server, when a signing secret lets them verify Slack's requests. */
public final class SlackRoutes {

    /** Answers run two at a time, as many as the machine's cores; a burst beyond the queue is turned away. */
    static final int ANSWERING_THREADS = 2;
    static final int QUEUED_QUESTIONS = 64;
    /** Slack retries for about an hour; a few thousand recent events cover that for a busy workspace. */
    static final int REMEMBERED_EVENTS = 10_000;
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SlackRoutes.class);

    private SlackRoutes() {
    }

    public static void install(JavalinConfig config, AnswerService answers, SlackSettings settings) {
        install(config, answers, settings, STOP_GRACE);
    }

    /**
     * @param stopGrace how long questions already acknowledged to Slack get to be answered when the server
     *                  stops, counted from when it begins to stop (the HTTP requests' wait is part of it)
     */
    public static void install(JavalinConfig config, AnswerService answers, SlackSettings settings,
                               Duration stopGrace) {
        if (!settings.enabled()) {
            log.info("Slack is off: no signing secret is configured (--slack-signing-secret or SLACK_SIGNING_SECRET),"
                    + " so Slack's requests could not be verified");
            return;
        }
        SlackRequestVerifier verifier = new SlackRequestVerifier(settings.signingSecret(), Clock.systemUTC());
        SlackWebApi slack = new SlackWebApi(settings);
        ThreadPoolExecutor answering = answeringExecutor();
        MentionAnswerer mentions = settings.canCallWebApi()
                ? new MentionAnswerer(answers, slack, new BotIdentity(slack)) : null;
        SlackEventsController events = new SlackEventsController(verifier, new Deliveries(REMEMBERED_EVENTS),
                answering, mentions);
        SlackCommandsController commands = new SlackCommandsController(verifier,
                new ResponseUrls(settings.webApiUrl()), new Deliveries(REMEMBERED_EVENTS), answering,
                new CommandAnswerer(answers, slack, settings.commandResponse()));
        config.routes.post("/slack/events", events::events);
        config.routes.post("/slack/commands", commands::command);
        long[] stopBy = {Long.MAX_VALUE};
        config.events.serverStopping(() -> stopBy[0] = System.nanoTime() + stopGrace.toNanos());
        config.events.serverStopped(() -> {
            finish(answering, Math.max(0, Math.min(stopBy[0], System.nanoTime() + stopGrace.toNanos())
                    - System.nanoTime()));
            slack.close();
        });
        log.info("Slack is on: POST /slack/events and /slack/commands; {}", settings);
        if (mentions == null) {
            log.warn("No Slack bot token (--slack-bot-token or SLACK_BOT_TOKEN): slash commands are answered,"
                    + " mentions and direct messages are not");
        }
    }

    static void requireContentType(Context ctx, String expected) {
        // the raw header: Jetty's parsed content type throws on a charset the JVM does not have ("utf-7")
        String type = ctx.header(Header.CONTENT_TYPE);
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(expected)) {
            throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "Slack sends this route " + expected + ".");
        }
    }

    /** Questions already acknowledged to Slack get a few seconds to be answered before the server goes. */
    private static void finish(ThreadPoolExecutor answering, long graceNanos) {
        answering.shutdown();
        try {
            if (!answering.awaitTermination(graceNanos, TimeUnit.NANOSECONDS)) {
                log.warn("Stopping with {} Slack question(s) unanswered", answering.shutdownNow().size()
                        + answering.getActiveCount());
            }
        } catch (InterruptedException e) {
            answering.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadPoolExecutor answeringExecutor() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(ANSWERING_THREADS, ANSWERING_THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_QUESTIONS), task -> {
                    Thread thread = new Thread(task, "slack-answer-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    // the answerers handle what they expect; anything else must still reach the log
                    thread.setUncaughtExceptionHandler((t, e) -> log.error("Answering for Slack failed", e));
                    return thread;
                });
    }
}
