package dev.articlechat;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging, which Lucene and ONNX Runtime's Java side write to, into SLF4J: their lines then take
 * the configured format (JSON with {@code LOG_FORMAT=json}) and level instead of JUL's own two-line text on stderr.
 */
public final class Logging {

    private Logging() {
    }

    /** Idempotent; JUL's console handler is removed, so nothing is written twice. */
    public static synchronized void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
