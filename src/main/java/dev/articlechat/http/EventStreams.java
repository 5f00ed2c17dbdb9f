package dev.articlechat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Starts event-stream responses, all sharing one timer for their keep-alive comments. */
final class EventStreams {

    private final ObjectMapper json;
    private final Duration keepAlive;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sse-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    EventStreams(ObjectMapper json, Duration keepAlive) {
        this.json = json;
        this.keepAlive = keepAlive;
    }

    /** Sends the headers of a 200 event stream; the request must have been validated before. */
    EventStream open(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // proxies such as nginx would hold the events back
        return new EventStream(response.getOutputStream(), json, timer, keepAlive);
    }
}
