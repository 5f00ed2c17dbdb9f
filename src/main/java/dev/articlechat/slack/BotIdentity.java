package dev.articlechat.slack;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the bot is ({@code auth.test}), asked once it is first needed and kept; a failed lookup is tried again
 * next time. Only answering threads ask, never a request thread: Slack's acknowledgement must not wait on it.
 */
final class BotIdentity {

    private static final Logger log = LoggerFactory.getLogger(BotIdentity.class);

    private final SlackWebApi slack;
    private volatile SlackWebApi.Identity known;

    BotIdentity(SlackWebApi slack) {
        this.slack = slack;
    }

    /** Empty when Slack could not say; the bot then still knows other bots (and itself) by their bot_id. */
    Optional<SlackWebApi.Identity> get() {
        if (known == null) {
            try {
                known = slack.identity();
                log.info("Slack bot user is {}", known.userId());
            } catch (SlackCallFailed e) {
                log.warn("Could not learn the bot's own Slack user id: {}", e.reason());
            }
        }
        return Optional.ofNullable(known);
    }
}
