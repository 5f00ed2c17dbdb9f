package dev.articlechat.slack;

import dev.articlechat.answer.LoggingContext;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: verifies, acknowledges at once and leaves the answering to another thread. Slack
 * waits three seconds for the 200 before it retries, and a model can take longer than that.
 */
final class SlackEventsController {

    static final String RETRY_NUM = "X-Slack-Retry-Num";

    private static final Logger log = LoggerFactory.getLogger(SlackEventsController.class);

    private final SlackRequestVerifier verifier;
    private final SlackEventReader reader = new SlackEventReader();
    private final Deliveries deliveries;
    private final Executor answering;
    private final MentionAnswerer answerer;

    /** @param answerer null when no bot token is configured: events are then acknowledged and not answered */
    SlackEventsController(SlackRequestVerifier verifier, Deliveries deliveries, Executor answering,
                          MentionAnswerer answerer) {
        this.verifier = verifier;
        this.deliveries = deliveries;
        this.answering = answering;
        this.answerer = answerer;
    }

    void events(Context ctx) {
        String body = verifier.verifiedBody(ctx);
        SlackRoutes.requireContentType(ctx, "application/json");
        SlackEvent event = reader.read(body);
        if (event instanceof SlackEvent.UrlVerification verification) {
            ctx.json(Map.of("challenge", verification.challenge()));
            return;
        }
        if (event instanceof SlackEvent.Asked asked) {
            take(asked, ctx.header(RETRY_NUM));
        } else {
            log.debug("Ignored a Slack event: {}", ((SlackEvent.Ignored) event).why());
        }
        ctx.json(Map.of("ok", true));
    }

    private void take(SlackEvent.Asked asked, String retry) {
        if (answerer == null) {
            log.warn("A Slack message arrived but no bot token is configured to answer it");
            return;
        }
        if (!deliveries.takeOn(asked)) {
            log.info("Slack event {} was taken on already (retry {}); not answering again", asked.eventId(),
                    retry == null ? "none" : retry);
            return;
        }
        try {
            answering.execute(LoggingContext.carry(() -> answerer.answer(asked)));
        } catch (RejectedExecutionException e) {
            // Slack retries a failed delivery later; forgetting the event lets that retry be answered then.
            deliveries.forget(asked);
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "Too many questions at once; Slack will deliver this one again.");
        }
    }
}
