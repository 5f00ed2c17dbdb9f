package dev.articlechat.slack;

import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.Question;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a slash command off the request thread and posts the answer to the command's {@code response_url}. */
final class CommandAnswerer {

    private static final Logger log = LoggerFactory.getLogger(CommandAnswerer.class);

    private final AnswerService answers;
    private final SlackWebApi slack;
    private final String responseType;

    CommandAnswerer(AnswerService answers, SlackWebApi slack, String responseType) {
        this.answers = answers;
        this.slack = slack;
        this.responseType = responseType;
    }

    void answer(String question, String userId, String responseUrl) {
        SlackMessage message;
        String visibleTo = responseType;
        try {
            message = AnswerBlocks.commandAnswer(answers.ask(Question.of(question)), question, userId,
                    ArticleTitles.of(answers.corpus()));
        } catch (RuntimeException e) {
            log.error("Answering \"{}\" for a Slack command failed", question, e);
            message = AnswerBlocks.notice(MentionAnswerer.FAILED);
            visibleTo = SlackSettings.EPHEMERAL; // an apology concerns only the one who asked
        }
        try {
            slack.respond(responseUrl, visibleTo, message);
        } catch (SlackCallFailed e) {
            log.error("Could not post a slash command's answer: {}", e.reason());
        }
    }
}
