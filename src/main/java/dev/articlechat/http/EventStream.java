package dev.articlechat.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Server-Sent Events over one response. Javalin's SSE support answers GET only, and a question travels in a
 * POST body, so events are written here: {@code event:} and one {@code data:} line of JSON each, flushed at
 * once. A comment line keeps quiet connections open through proxies, and a write that fails means the client
 * left, which {@link #gone()} tells the answer being written, so that generation stops.
 *
 * <p>A client that left is only noticed by writing to it: the first write after it closed still succeeds (its
 * peer answers with a reset), the next fails. Between sentences an answer writes nothing for seconds, so a quiet
 * stream is probed with an empty comment line ({@code ":"}) every {@link #PROBE}: a closed tab is noticed within
 * about two probes, and its generation stopped, instead of at the next keep-alive (15 s).
 */
final class EventStream implements AutoCloseable {

    /** How often a quiet stream is probed: a few bytes 16 times a second, for a stop within about 200 ms. */
    static final Duration PROBE = Duration.ofMillis(60);
    private static final byte[] PROBE_LINE = ":\n\n".getBytes(StandardCharsets.UTF_8);

    private final OutputStream out;
    private final ObjectMapper json;
    private final Duration keepAlive;
    private final ScheduledFuture<?> keepAliveTask;
    private volatile boolean gone;
    /** When an event or a keep-alive was last written: probes do not count, proxies may not see them as traffic. */
    private long lastWrite = System.nanoTime();
    private long lastProbe = lastWrite;

    EventStream(OutputStream out, ObjectMapper json, ScheduledExecutorService timer, Duration keepAlive) {
        this.out = out;
        this.json = json;
        this.keepAlive = keepAlive;
        long period = Math.max(1, Math.min(keepAlive.toMillis() / 2, PROBE.toMillis() / 2));
        this.keepAliveTask = timer.scheduleAtFixedRate(this::keepAliveIfQuiet, period, period, TimeUnit.MILLISECONDS);
    }

    /** True once a write failed: the client has left. */
    boolean gone() {
        return gone;
    }

    /** One event: a name (none for the default "message" event) and its data as one line of JSON. */
    void send(String event, Object data) {
        try {
            sendData((event == null ? "" : "event: " + event + "\n") + "data: " + json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines as given, ending the event ("data: [DONE]" of the OpenAI protocol). */
    void sendData(String lines) {
        write(lines + "\n\n");
    }

    private void keepAliveIfQuiet() {
        long now = System.nanoTime();
        boolean keepAliveDue;
        boolean probeDue;
        synchronized (this) {
            keepAliveDue = now - lastWrite >= keepAlive.toNanos();
            probeDue = now - Math.max(lastWrite, lastProbe) >= PROBE.toNanos();
        }
        if (keepAliveDue) {
            write(": keep-alive\n\n");
        } else if (probeDue) {
            probe();
        }
    }

    private synchronized void probe() {
        if (gone) {
            return;
        }
        try {
            out.write(PROBE_LINE);
            out.flush();
            lastProbe = System.nanoTime();
        } catch (IOException e) {
            gone = true;
        }
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
