package dev.articlechat.http;

import io.javalin.config.JavalinConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Makes stopping the server graceful, as Jetty 12 does it: with a stop timeout, {@code Server.stop()} first
 * closes the listening socket (new connections are refused), then waits up to the timeout for the requests the
 * {@link GracefulHandler} counts as in flight (an event stream is in flight until its last event), and a request
 * arriving meanwhile on a connection already open gets a 503. Errors Jetty answers itself, before any route is
 * reached, are JSON like every other error.
 */
final class GracefulStop {

    private GracefulStop() {
    }

    static void install(JavalinConfig config, Duration grace) {
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            if (!grace.isZero()) {
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(grace.toMillis());
            }
        });
    }

    private static final class JsonErrorHandler extends ErrorHandler {

        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                                        Throwable cause, Callback callback) {
            String text = code == 503 ? "The server is stopping; try again in a moment."
                    : "The request could not be handled (HTTP " + code + ").";
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
            String body = "{\"error\":\"" + text + "\",\"status\":" + code + "}";
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        }
    }
}
