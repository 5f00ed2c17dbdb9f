package dev.articlechat.http;

import dev.articlechat.answer.AnswerService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import java.util.Locale;

/** {@code POST /api/ask}: one question in, one verified answer out. */
final class AskController {

    private final AnswerService answers;
    private final AskRequestReader requests;

    AskController(AnswerService answers, AskRequestReader requests) {
        this.answers = answers;
        this.requests = requests;
    }

    void ask(Context ctx) {
        requireJson(ctx);
        ctx.json(answers.ask(requests.read(ctx.body())));
    }

    static void requireJson(Context ctx) {
        String type = ctx.header(Header.CONTENT_TYPE);
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "Send the question as application/json.");
        }
    }
}
