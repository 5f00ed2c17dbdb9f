package dev.articlechat.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.answer.AnswerListener;
import dev.articlechat.answer.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Server-Sent Events over one response. Javalin's SSE support answers GET only, and a question travels in a
 * POST body, so events are written here: {@code event:} and one {@code data:} line of JSON each, flushed at
 * once. A comment line keeps quiet connections open through proxies, and a write that fails means the client
 * left, which the answer being written is told, so that generation stops.
 */
final class EventStream implements AnswerListener, AutoCloseable {

    private final OutputStream out;
    private final ObjectMapper json;
    private final Duration keepAlive;
    private final ScheduledFuture<?> keepAliveTask;
    private volatile boolean gone;
    private long lastWrite = System.nanoTime();

    EventStream(OutputStream out, ObjectMapper json, ScheduledExecutorService timer, Duration keepAlive) {
        this.out = out;
        this.json = json;
        this.keepAlive = keepAlive;
        long period = Math.max(1, keepAlive.toMillis() / 2);
        this.keepAliveTask = timer.scheduleAtFixedRate(this::keepAliveIfQuiet, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void sources(String query, List<Source> sources) {
        send("sources", Map.of("query", query, "passages", sources));
    }

    @Override
    public void token(String text) {
        send("token", Map.of("text", text));
    }

    @Override
    public boolean cancelled() {
        return gone;
    }

    void send(String event, Object data) {
        try {
            write("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keepAliveIfQuiet() {
        synchronized (this) {
            if (System.nanoTime() - lastWrite < keepAlive.toNanos()) {
                return;
            }
        }
        write(": keep-alive\n\n");
    }

    private synchronized void write(String text) {
        if (gone) {
            return;
        }
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            lastWrite = System.nanoTime();
        } catch (IOException e) {
            gone = true;
        }
    }

    @Override
    public void close() {
        keepAliveTask.cancel(false);
    }
}
