package dev.articlechat.http;

import dev.articlechat.answer.AnswerService;
import io.javalin.http.Context;

/** {@code GET /health}: answers once the index is open, so it doubles as a readiness check for now. */
final class HealthController {

    record Health(String status, String model, int passages) {
    }

    private final AnswerService answers;

    HealthController(AnswerService answers) {
        this.answers = answers;
    }

    void health(Context ctx) {
        ctx.json(new Health("ok", answers.modelName(), answers.corpus().passages().size()));
    }
}
