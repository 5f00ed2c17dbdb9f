package dev.articlechat.slack;

import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.NotAQuestionException;
import dev.articlechat.answer.Question;
import dev.articlechat.answer.QuestionText;
import dev.articlechat.answer.Turn;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a mention or a direct message in its thread, off the request thread: an hourglass reaction while it
 * works, the thread's earlier messages as history, the answer as blocks, and a plain apology when answering
 * failed, so that nobody waits on a reply that will not come.
 */
final class MentionAnswerer {

    static final String WORKING = "hourglass_flowing_sand";
    static final String USAGE = "Ask me a question about the article, for example: _Who did Carney meet?_";
    static final String FAILED = "Sorry, I could not answer that just now: something went wrong on our side. "
            + "Please ask again in a moment.";

    private static final Logger log = LoggerFactory.getLogger(MentionAnswerer.class);

    private final AnswerService answers;
    private final SlackWebApi slack;
    private final BotIdentity me;
    private final ThreadHistory history;

    MentionAnswerer(AnswerService answers, SlackWebApi slack, BotIdentity me) {
        this.answers = answers;
        this.slack = slack;
        this.me = me;
        this.history = new ThreadHistory(slack);
    }

    void answer(SlackEvent.Asked asked) {
        SlackWebApi.Identity identity = me.get().orElse(null);
        if (identity != null && identity.userId().equals(asked.user())) {
            log.debug("Ignoring the bot's own message {}", asked.ts());
            return;
        }
        String question;
        try {
            question = QuestionText.of(SlackText.question(asked.text(), identity == null ? null : identity.userId()));
        } catch (NotAQuestionException e) {
            post(asked, AnswerBlocks.notice(e.getMessage() + " " + USAGE));
            return;
        }
        boolean reacted = react(asked, true);
        try {
            post(asked, answerTo(question, asked, identity));
        } finally {
            if (reacted) {
                react(asked, false);
            }
        }
    }

    private SlackMessage answerTo(String question, SlackEvent.Asked asked, SlackWebApi.Identity identity) {
        try {
            return AnswerBlocks.answer(answers.ask(new Question(question, earlierTurns(asked, identity))),
                    ArticleTitles.of(answers.corpus()));
        } catch (RuntimeException e) {
            log.error("Answering \"{}\" for Slack failed", question, e);
            return AnswerBlocks.notice(FAILED);
        }
    }

    /** A thread's history makes follow-ups work; without it the question is still worth answering alone. */
    private List<Turn> earlierTurns(SlackEvent.Asked asked, SlackWebApi.Identity identity) {
        if (asked.threadTs() == null) {
            return List.of();
        }
        try {
            return history.before(asked, identity);
        } catch (SlackCallFailed e) {
            log.warn("Answering without the thread's history: {}", e.reason());
            return List.of();
        }
    }

    private void post(SlackEvent.Asked asked, SlackMessage message) {
        try {
            slack.postInThread(asked.channel(), asked.replyThread(), message);
        } catch (SlackCallFailed e) {
            log.error("Could not post the answer in {} thread {}: {}", asked.channel(), asked.replyThread(),
                    e.reason());
        }
    }

    /** The working reaction is a courtesy: failing to set or clear it must not stop the answer. */
    private boolean react(SlackEvent.Asked asked, boolean add) {
        try {
            if (add) {
                slack.addReaction(asked.channel(), asked.ts(), WORKING);
            } else {
                slack.removeReaction(asked.channel(), asked.ts(), WORKING);
            }
            return true;
        } catch (SlackCallFailed e) {
            log.info("Could not {} the working reaction: {}", add ? "add" : "remove", e.reason());
            return false;
        }
    }
}
