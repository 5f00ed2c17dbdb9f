package dev.articlechat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.support.CapturedLogs;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** java.util.logging, as Lucene and ONNX Runtime use it, ends up in the application's own log. */
class LoggingTest {

    @Test
    void lucene_and_onnx_runtime_lines_logged_through_java_util_logging_reach_slf4j() {
        Logging.routeJavaUtilLogging();
        Logging.routeJavaUtilLogging(); // a second call installs nothing twice
        try (CapturedLogs logs = CapturedLogs.start()) {
            Logger.getLogger("org.apache.lucene.store.MemorySegmentIndexInputProvider")
                    .warning("Lucene says hello through JUL");
            Logger.getLogger("ai.onnxruntime.OrtEnvironment").log(Level.INFO, "ONNX Runtime says {0}", "hello");

            assertThat(logs.events()).filteredOn(e -> e.getFormattedMessage().equals("Lucene says hello through JUL"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.getLoggerName())
                                .isEqualTo("org.apache.lucene.store.MemorySegmentIndexInputProvider");
                        assertThat(e.getLevel().toString()).isEqualTo("WARN");
                    });
            assertThat(logs.events()).extracting(e -> e.getFormattedMessage()).contains("ONNX Runtime says hello");
        }
        assertThat(Logger.getLogger("").getHandlers()).hasSize(1);
    }
}
