package dev.articlechat.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.articlechat.answer.AnswerService;
import io.javalin.http.Context;

/** {@code GET /health}: answers once the index is open, so it doubles as a readiness check for now. */
final class HealthController {

    /** {@code modelUnavailable} says why the configured language model is not the one answering. */
    record Health(String status, String model, int passages,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String modelUnavailable) {
    }

    private final AnswerService answers;
    private final String modelUnavailable;

    HealthController(AnswerService answers, String modelUnavailable) {
        this.answers = answers;
        this.modelUnavailable = modelUnavailable;
    }

    void health(Context ctx) {
        ctx.json(new Health("ok", answers.modelName(), answers.corpus().passages().size(), modelUnavailable));
    }
}
