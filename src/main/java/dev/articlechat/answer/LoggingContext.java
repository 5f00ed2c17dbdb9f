package dev.articlechat.answer;

import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * Carries the logging context (the request id) of the thread that hands work to another thread, so that the
 * other thread's log lines name the request too.
 */
public final class LoggingContext {

    private LoggingContext() {
    }

    public static Runnable carry(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            set(context);
            try {
                task.run();
            } finally {
                set(before);
            }
        };
    }

    public static <T> Callable<T> carry(Callable<T> task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            set(context);
            try {
                return task.call();
            } finally {
                set(before);
            }
        };
    }

    private static void set(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
