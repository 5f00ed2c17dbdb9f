package dev.articlechat.answer.write;

import dev.articlechat.answer.LoggingContext;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A whole (not streamed) model call on a thread of its own, so that the asking thread can give up on a slow
 * model, and interrupt it, so that no model time is spent on an answer nobody reads.
 */
public final class TimedModelCall {

    private TimedModelCall() {
    }

    /** The model's response; an {@link AnswererException} for a timeout, a failure or an interruption. */
    public static ChatResponse chat(ExecutorService threads, ChatModel model, ChatRequest request, Duration timeout) {
        Future<ChatResponse> call = threads.submit(LoggingContext.carry(() -> model.chat(request)));
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new AnswererException("timeout", "the model did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new AnswererException("model error", "the model failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new AnswererException("cancelled", "the answer was cancelled");
        }
    }
}
