package dev.articlechat.http;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.articlechat.answer.AnswerService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health} (liveness: the process serves HTTP; restart it when this fails) and {@code GET /ready}
 * (readiness: questions can be answered now; send traffic elsewhere while this fails, as during shutdown).
 */
final class HealthController {

    /**
     * {@code modelUnavailable} says why the configured language model is not the one answering;
     * {@code modelCache} whether it has read the articles yet ("warming": questions are answered extractively
     * meanwhile), absent without a model.
     */
    record Health(String status, String model, int passages,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String modelUnavailable,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String modelCache) {
    }

    private final AnswerService answers;
    private final String modelUnavailable;
    private final BooleanSupplier ready;

    HealthController(AnswerService answers, String modelUnavailable, BooleanSupplier ready) {
        this.answers = answers;
        this.modelUnavailable = modelUnavailable;
        this.ready = ready;
    }

    void health(Context ctx) {
        ctx.json(health("ok"));
    }

    void ready(Context ctx) {
        if (!ready.getAsBoolean()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .json(new ApiError("Not ready: the index is closed or not yet open.", 503));
            return;
        }
        ctx.json(health("ready"));
    }

    private Health health(String status) {
        String cache = answers.modelCache().map(c -> c.name().toLowerCase(Locale.ROOT)).orElse(null);
        return new Health(status, answers.modelName(), answers.corpus().passages().size(), modelUnavailable, cache);
    }
}
