package dev.articlechat.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.util.json.GsonFactory;
import dev.articlechat.answer.LoggingContext;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

/**
 * {@code POST /slack/commands}: a slash command such as {@code /ask-article who did Carney meet?}. Slack shows an
 * error unless it gets a reply within three seconds, so the reply is an ephemeral "working on it" and the
 * answer follows on the command's {@code response_url}.
 */
final class SlackCommandsController {

    private static final Pattern SSL_CHECK = Pattern.compile("(^|&)ssl_check=1(&|$)");

    private final SlackRequestVerifier verifier;
    private final SlashCommandPayloadParser parser = new SlashCommandPayloadParser();
    private final Gson gson = GsonFactory.createSnakeCase();
    private final ResponseUrls responseUrls;
    private final Executor answering;
    private final CommandAnswerer answerer;

    SlackCommandsController(SlackRequestVerifier verifier, ResponseUrls responseUrls, Executor answering,
                            CommandAnswerer answerer) {
        this.verifier = verifier;
        this.responseUrls = responseUrls;
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
        String question = SlackText.question(command.getText(), null);
        if (question.isEmpty()) {
            String name = command.getCommand() == null ? "/ask-article" : command.getCommand();
            reply(ctx, "Ask a question about the article, for example: `" + name + " Who did Carney meet?`");
        } else if (question.length() > SlackText.MAX_QUESTION_CHARS) {
            reply(ctx, "That question is longer than " + SlackText.MAX_QUESTION_CHARS + " characters.");
        } else {
            try {
                answering.execute(LoggingContext.carry(() -> answerer.answer(question, command.getUserId(), responseUrl)));
                reply(ctx, "Working on it: “" + question + "”…");
            } catch (RejectedExecutionException e) {
                reply(ctx, "Too many questions at once; please ask again in a minute.");
            }
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
