package dev.articlechat.http;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Makes stopping the server graceful, as Jetty 12 does it: with a stop timeout, {@code Server.stop()} first
 * closes the listening socket (new connections are refused), then waits up to the timeout for the requests the
 * {@link GracefulHandler} counts as in flight (an event stream is in flight until its last event), and a request
 * arriving meanwhile on a connection already open gets a 503 (JSON, from {@link JsonJettyErrors}).
 */
final class GracefulStop {

    private GracefulStop() {
    }

    static void install(JavalinConfig config, Duration grace) {
        config.jetty.modifyServer(server -> {
            if (!grace.isZero()) {
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(grace.toMillis());
            }
        });
    }
}
