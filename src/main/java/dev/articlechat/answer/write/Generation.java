package dev.articlechat.answer.write;

import dev.articlechat.answer.LoggingContext;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One streamed generation, read piece by piece by the thread that asked for it, which can stop it at any
 * moment. Models deliver pieces on threads of their own (an HTTP client's, or llama.cpp's loop); a queue
 * hands them over, so deadlines and cancellation are decided in one place.
 */
public final class Generation implements AutoCloseable {

    /** How often a wait for the next piece looks whether the answer is still wanted. */
    private static final long POLL_MILLIS = 50;
    /**
     * A model stops within a token of being told to, an in-process one reading a prompt only once it has read it
     * (llama.cpp cannot be stopped mid-prompt by the thread that waits for it): the wait covers that, so that the
     * generation slot is not handed to the next question while the cores still work for this one. One that takes
     * longer is left to finish alone.
     */
    private static final long STOP_WAIT_MILLIS = 30_000;
    private static final Object END = new Object();

    private final BlockingQueue<Object> pieces = new LinkedBlockingQueue<>();
    private volatile boolean stopped;
    private volatile StreamingHandle handle;
    private final Future<?> running;
    private volatile boolean started;
    private final CountDownLatch ended = new CountDownLatch(1);

    private Generation(StreamingChatModel model, ChatRequest request, ExecutorService executor) {
        this.running = executor.submit(LoggingContext.carry(() -> {
            started = true;
            try {
                model.chat(request, new Handler());
            } catch (RuntimeException e) {
                pieces.add(e);
            } finally {
                ended.countDown();
            }
        }));
    }

    static Generation start(StreamingChatModel model, ChatRequest request, ExecutorService executor) {
        return new Generation(model, request, executor);
    }

    /**
     * The next piece of text, or null when the model has finished.
     *
     * @param deadline  {@link System#nanoTime()} by which the model must have produced it
     * @param sink      asked while waiting whether the answer is still wanted
     */
    String next(long deadline, DraftSink sink) throws InterruptedException {
        while (true) {
            if (sink.cancelled()) {
                throw new AnswererException("cancelled", "nobody is waiting for the answer any more");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AnswererException("timeout", "the model did not finish in time");
            }
            long wait = Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
            Object piece = pieces.poll(wait, TimeUnit.NANOSECONDS);
            if (piece == END) {
                return null;
            }
            if (piece instanceof Throwable failure) {
                throw new AnswererException("model error", "the model failed: " + failure.getMessage(), failure);
            }
            if (piece != null) {
                return (String) piece;
            }
        }
    }

    /**
     * Stops the model: through the stream's own handle where it has one, else by interrupting its loop; and waits
     * (briefly) until it has stopped. An in-process llama.cpp that is still finishing a cancelled answer holds the
     * slot with the article's cached prompt, so a question asked straight after would go to another slot and
     * read the whole article again (half a minute on two cores).
     */
    @Override
    public void close() {
        stopped = true;
        StreamingHandle current = handle;
        if (current != null) {
            current.cancel();
        }
        running.cancel(true);
        if (started) {
            try {
                ended.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Handler implements StreamingChatResponseHandler {

        @Override
        public void onPartialResponse(String text) {
            if (stopped) {
                // a model without a handle (in-process llama.cpp) stops when its callback fails
                throw new IllegalStateException("generation stopped");
            }
            pieces.add(text == null ? "" : text);
        }

        @Override
        public void onPartialResponse(PartialResponse response, PartialResponseContext context) {
            handle = context.streamingHandle();
            if (stopped) {
                handle.cancel();
                return;
            }
            onPartialResponse(response.text());
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            pieces.add(END);
        }

        @Override
        public void onError(Throwable error) {
            pieces.add(error);
        }
    }
}
