package dev.articlechat.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * A deadline for a request's line and headers. Jetty's idle timeout only fires when nothing arrives at all, so a
 * client that sends a header byte a second (slowloris) would hold its connection, and a thread's worth of buffers,
 * for as long as it likes. Once a second this looks at every connection whose parser is inside a request's head and
 * answers 408 and closes the ones that have been there longer than the deadline. Jetty 12 has no setting for this;
 * the parser's state is read through its HTTP/1 connection, which is internal to Jetty but public.
 */
final class RequestHeaderDeadline extends AbstractLifeCycle {

    private static final String TIMED_OUT = "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\n"
            + "Connection: close\r\nContent-Length: %d\r\n\r\n";

    private final Server server;
    private final long deadlineNanos;
    private final byte[] response;
    private final Map<EndPoint, Long> readingSince = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    RequestHeaderDeadline(Server server, Duration deadline, ObjectMapper mapper) {
        this.server = server;
        this.deadlineNanos = deadline.toNanos();
        byte[] json = json(mapper, new ApiError("The request's line and headers took longer than "
                + deadline.toSeconds() + " s to arrive.", 408));
        byte[] head = String.format(TIMED_OUT, json.length).getBytes(StandardCharsets.ISO_8859_1);
        this.response = ByteBuffer.allocate(head.length + json.length).put(head).put(json).array();
    }

    private static byte[] json(ObjectMapper mapper, ApiError error) {
        try {
            return mapper.writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void doStart() {
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "http-header-deadline");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
        readingSince.clear();
    }

    private void sweep() {
        long now = System.nanoTime();
        Set<EndPoint> open = new HashSet<>();
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector abstractConnector) {
                open.addAll(abstractConnector.getConnectedEndPoints());
            }
        }
        readingSince.keySet().retainAll(open);
        for (EndPoint endPoint : open) {
            if (!(endPoint.getConnection() instanceof HttpConnection http) || !readingHead(http)) {
                readingSince.remove(endPoint);
            } else if (now - readingSince.computeIfAbsent(endPoint, e -> now) > deadlineNanos) {
                readingSince.remove(endPoint);
                endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close()), ByteBuffer.wrap(response));
            }
        }
    }

    /** Some of a request's head has arrived and not all of it. */
    private static boolean readingHead(HttpConnection http) {
        return http.getParser().inHeaderState() && !http.getParser().isStart();
    }
}
