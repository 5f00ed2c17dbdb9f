package dev.articlechat.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.util.json.GsonFactory;
import dev.articlechat.answer.LoggingContext;
import dev.articlechat.answer.NotAQuestionException;
import dev.articlechat.answer.QuestionText;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/commands}: a slash command such as {@code /ask-article who did Carney meet?}. Slack shows an
 * error unless it gets a reply within three seconds, so the reply is an ephemeral "working on it" and the
 * answer follows on the command's {@code response_url}.
 */
final class SlackCommandsController {

    private static final Logger log = LoggerFactory.getLogger(SlackCommandsController.class);
    private static final Pattern SSL_CHECK = Pattern.compile("(^|&)ssl_check=1(&|$)");

    private final SlackRequestVerifier verifier;
    private final SlashCommandPayloadParser parser = new SlashCommandPayloadParser();
    private final Gson gson = GsonFactory.createSnakeCase();
    private final ResponseUrls responseUrls;
    private final Deliveries deliveries;
    private final Executor answering;
    private final CommandAnswerer answerer;

    /** @param deliveries the commands taken on already: Slack's signature makes a resent one recognisable */
    SlackCommandsController(SlackRequestVerifier verifier, ResponseUrls responseUrls, Deliveries deliveries,
                            Executor answering, CommandAnswerer answerer) {
        this.verifier = verifier;
        this.responseUrls = responseUrls;
        this.deliveries = deliveries;
        this.answering = answering;
        this.answerer = answerer;
    }

    void command(Context ctx) {
        String body = verifier.verifiedBody(ctx);
        SlackRoutes.requireContentType(ctx, "application/x-www-form-urlencoded");
        if (SSL_CHECK.matcher(body).find()) {
            // Slack checks the certificate now and then with a bare ssl_check=1; it only wants a 200
            ctx.json(Map.of("ok", true));
            return;
        }
        SlashCommandPayload command = parse(body);
        String responseUrl = command.getResponseUrl();
        if (responseUrl == null || !responseUrls.accepts(responseUrl)) {
            throw new BadRequestResponse("The command needs a response_url of Slack's.");
        }
        String name = command.getCommand() == null ? "/ask-article" : command.getCommand();
        String question;
        try {
            question = QuestionText.of(SlackText.question(command.getText(), null));
        } catch (NotAQuestionException e) {
            reply(ctx, e.getMessage() + " Ask a question about the article, for example: `" + name
                    + " Who did Carney meet?`");
            return;
        }
        // the signature covers the timestamp and the whole body: the same value is the same request sent again
        String delivery = "command " + ctx.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (!deliveries.takeOn(delivery)) {
            log.info("A slash command was delivered again; answering it once");
            reply(ctx, "Already working on it: “" + question + "”.");
            return;
        }
        try {
            answering.execute(LoggingContext.carry(() -> answerer.answer(question, command.getUserId(), responseUrl)));
            reply(ctx, "Working on it: “" + question + "”…");
        } catch (RejectedExecutionException e) {
            deliveries.forget(delivery);
            reply(ctx, "Too many questions at once; please ask again in a minute.");
        }
    }

    private SlashCommandPayload parse(String body) {
        try {
            return parser.parse(body);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("The body is not a valid form.");
        }
    }

    /** Only the person who typed the command sees these replies. */
    private void reply(Context ctx, String text) {
        SlashCommandResponse response = SlashCommandResponse.builder()
                .responseType(SlackSettings.EPHEMERAL).text(Mrkdwn.escapeWithin(text, AnswerBlocks.MAX_TEXT)).build();
        ctx.contentType("application/json").result(gson.toJson(response));
    }
}
