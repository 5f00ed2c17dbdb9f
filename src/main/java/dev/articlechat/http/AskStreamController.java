package dev.articlechat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.answer.Answer;
import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.Question;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/ask/stream}: the answer of {@code POST /api/ask} as Server-Sent Events, {@code sources}, then
 * {@code token}s as sentences are written and checked, then one {@code answer} or one {@code error}. The
 * request is read and validated before the stream starts, so bad input gets an ordinary JSON error.
 */
final class AskStreamController {

    private static final Logger log = LoggerFactory.getLogger(AskStreamController.class);

    private final AnswerService answers;
    private final AskRequestReader requests;
    private final ObjectMapper json;
    private final Duration keepAlive;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sse-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    AskStreamController(AnswerService answers, AskRequestReader requests, ObjectMapper json, Duration keepAlive) {
        this.answers = answers;
        this.requests = requests;
        this.json = json;
        this.keepAlive = keepAlive;
    }

    void stream(Context ctx) throws IOException {
        AskController.requireJson(ctx);
        Question question = requests.read(ctx.body());
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // proxies such as nginx would hold the events back
        try (EventStream events = new EventStream(response.getOutputStream(), json, timer, keepAlive)) {
            try {
                Answer answer = answers.ask(question, events);
                events.send("answer", answer);
            } catch (RuntimeException e) {
                log.error("Answering failed while streaming \"{}\"", question.text(), e);
                events.send("error", new ApiError("Something went wrong on our side; the error has been logged.", 500));
            }
        }
    }
}
