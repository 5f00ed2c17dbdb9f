package dev.articlechat.slack;

import com.slack.api.model.Message;
import dev.articlechat.answer.Turn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The earlier messages of a thread as the conversation a follow-up question needs ({@code conversations.replies}):
 * people's messages become user turns, the bot's own answers assistant turns without their source markers.
 * Other bots' messages are left out: they are not part of the conversation with this bot.
 */
final class ThreadHistory {

    /** As many turns as {@code POST /api/ask} accepts; older ones matter less to a follow-up. */
    static final int MAX_TURNS = 20;

    private final SlackWebApi slack;

    ThreadHistory(SlackWebApi slack) {
        this.slack = slack;
    }

    List<Turn> before(SlackEvent.Asked asked, SlackWebApi.Identity me) {
        List<Turn> turns = new ArrayList<>();
        BigDecimal now = new BigDecimal(asked.ts());
        for (Message message : slack.threadReplies(asked.channel(), asked.threadTs())) {
            // the question itself and anything written after it are not its history
            if (SlackEvent.isTs(message.getTs()) && new BigDecimal(message.getTs()).compareTo(now) < 0) {
                turn(message, me).ifPresent(turns::add);
            }
        }
        return turns.size() <= MAX_TURNS ? turns : turns.subList(turns.size() - MAX_TURNS, turns.size());
    }

    private static Optional<Turn> turn(Message message, SlackWebApi.Identity me) {
        boolean mine = me != null && (me.userId().equals(message.getUser())
                || (message.getBotId() != null && message.getBotId().equals(me.botId())));
        String content;
        if (mine) {
            content = SlackText.answerWithoutSources(message.getText());
        } else if (message.getBotId() == null && message.getSubtype() == null) {
            content = SlackText.question(message.getText(), me == null ? null : me.userId());
        } else {
            return Optional.empty();
        }
        return content.isBlank() ? Optional.empty()
                : Optional.of(new Turn(mine ? Turn.ASSISTANT : Turn.USER, content));
    }
}
