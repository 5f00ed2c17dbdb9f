package dev.articlechat.http;

import dev.articlechat.answer.Answer;
import dev.articlechat.answer.AnswerListener;
import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.GenerationsBusyException;
import dev.articlechat.answer.Question;
import dev.articlechat.answer.Source;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/ask/stream}: the answer of {@code POST /api/ask} as Server-Sent Events, {@code sources}, then
 * {@code token}s as sentences are written and checked, then one {@code answer} or one {@code error}. The
 * request is read and validated before the stream starts, so bad input gets an ordinary JSON error; so does a
 * question turned away because the model is busy, unless a keep-alive comment was sent while it waited.
 */
final class AskStreamController {

    private static final Logger log = LoggerFactory.getLogger(AskStreamController.class);

    private final AnswerService answers;
    private final AskRequestReader requests;
    private final EventStreams streams;

    AskStreamController(AnswerService answers, AskRequestReader requests, EventStreams streams) {
        this.answers = answers;
        this.requests = requests;
        this.streams = streams;
    }

    void stream(Context ctx) throws IOException {
        AskController.requireJson(ctx);
        Question question = requests.read(ctx.body());
        answers.requireArticle(question); // a 404 before the stream opens
        try (EventStream events = streams.open(ctx.res())) {
            try {
                Answer answer = answers.ask(question, new AnswerListener() {
                    @Override
                    public void sources(String query, List<Source> sources) {
                        events.send("sources", Map.of("query", query, "passages", sources));
                    }

                    @Override
                    public void token(String text) {
                        events.send("token", Map.of("text", text));
                    }

                    @Override
                    public boolean cancelled() {
                        return events.gone();
                    }
                });
                events.send("answer", answer);
            } catch (GenerationsBusyException e) {
                if (!ctx.res().isCommitted()) {
                    throw e; // nothing sent yet: an ordinary JSON 503 with Retry-After
                }
                events.send("error", new ApiError(e.getMessage(), HttpStatus.SERVICE_UNAVAILABLE.getCode()));
            } catch (RuntimeException e) {
                log.error("Answering failed while streaming \"{}\"", question.text(), e);
                events.send("error", new ApiError("Something went wrong on our side; the error has been logged.", 500));
            }
        }
    }
}
