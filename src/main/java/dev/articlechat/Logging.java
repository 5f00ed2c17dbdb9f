package dev.articlechat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * How the logs are written. Routes java.util.logging, which Lucene and ONNX Runtime's Java side write to, into
 * SLF4J: their lines then take the configured format and level instead of JUL's own two-line text on stderr. And
 * picks the format, {@code text} or {@code json} ({@code --log-format}, else {@code LOG_FORMAT}); either way a
 * line break in user text cannot start a line of its own ({@link dev.articlechat.logging.LogText}).
 */
public final class Logging {

    public static final Set<String> FORMATS = Set.of("text", "json");
    /** The variable logback.xml reads to pick its format, when nothing has picked one since. */
    private static final String FORMAT_PROPERTY = "LOG_FORMAT";

    private static String format = initialFormat();

    private Logging() {
    }

    /** Idempotent; JUL's console handler is removed, so nothing is written twice. */
    public static synchronized void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /**
     * Writes the logs from now on in this format. logback read its configuration when the first class asked for a
     * logger, before the command line was parsed, so a format other than that one reconfigures it.
     *
     * @throws IllegalArgumentException for a format other than {@link #FORMATS}
     */
    public static synchronized void useFormat(String wanted) {
        String next = wanted.strip().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(next)) {
            throw new IllegalArgumentException("the log format is text or json, not \"" + wanted + "\"");
        }
        if (next.equals(format)) {
            return;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.reset();
            context.putProperty(FORMAT_PROPERTY, next);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(Logging.class.getResource("/logback.xml"));
            } catch (JoranException e) {
                throw new IllegalStateException("cannot configure the logs as " + next, e);
            }
        }
        format = next;
    }

    private static String initialFormat() {
        String configured = System.getProperty(FORMAT_PROPERTY, System.getenv(FORMAT_PROPERTY));
        return configured == null || configured.isBlank() ? "text" : configured.strip();
    }
}
