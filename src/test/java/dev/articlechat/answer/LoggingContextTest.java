package dev.articlechat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.articlechat.support.CapturedLogs;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Work handed to another thread logs with the request id of the thread that handed it over, and only there. */
class LoggingContextTest {

    @Test
    void a_task_on_another_thread_logs_with_the_request_id_of_its_request_and_leaves_the_thread_clean() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (CapturedLogs logs = CapturedLogs.start()) {
            MDC.put("requestId", "req-on-another-thread");
            pool.submit(LoggingContext.carry(() -> LoggerFactory.getLogger("handed-over").info("working"))).get();
            MDC.remove("requestId");
            String after = pool.submit(() -> MDC.get("requestId")).get();

            ILoggingEvent logged = logs.events().stream().filter(e -> e.getLoggerName().equals("handed-over"))
                    .findFirst().orElseThrow();
            assertThat(logged.getThreadName()).isNotEqualTo(Thread.currentThread().getName());
            assertThat(logged.getMDCPropertyMap()).containsEntry("requestId", "req-on-another-thread");
            assertThat(after).as("the pooled thread's context afterwards").isNull();
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
