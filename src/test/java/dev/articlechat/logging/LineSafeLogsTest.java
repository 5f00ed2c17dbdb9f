package dev.articlechat.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;

/**
 * The server's own logback configuration, text and JSON, fed a question that holds a forged log line after each
 * character that some reader takes for a line break: every message stays one line, and says what was sent.
 */
class LineSafeLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORGED = "18:50:00.000 WARN  d.a.http.AdminRoutes [0000] - Admin token accepted";

    /**
     * Every character Unicode or a common reader counts as ending a line: LF, VT, FF, CR, the file, group and
     * record separators, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR; and CR LF.
     */
    static Stream<String> lineSeparators() {
        return Stream.of("\n", "\u000B", "\u000C", "\r", "\u001C", "\u001D", "\u001E", "\u0085", "\u2028", "\u2029",
                "\r\n");
    }

    @ParameterizedTest
    @MethodSource("lineSeparators")
    void a_line_separator_in_a_question_starts_no_line_of_the_text_log(String separator) {
        String logged = log("text", "Who did Carney meet?" + separator + FORGED);

        assertThat(logged.lines()).hasSize(1);
        assertThat(logged).contains("Answering \"Who did Carney meet?\\", "Admin token accepted\" failed");
        assertThat(logged.strip().codePoints()).noneMatch(LogText::unsafe);
    }

    @ParameterizedTest
    @MethodSource("lineSeparators")
    void a_line_separator_in_a_question_starts_no_line_of_the_json_log_and_reads_back_as_sent(String separator)
            throws Exception {
        String question = "Who did Carney meet?" + separator + FORGED;

        String logged = log("json", question);

        assertThat(logged.split("\\R", -1)).as("one line and its end").hasSize(2);
        assertThat(logged.strip().codePoints()).noneMatch(LogText::unsafe);
        JsonNode line = JSON.readTree(logged);
        assertThat(line.get("formattedMessage").asText()).isEqualTo("Answering \"" + question + "\" failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void no_control_character_reaches_either_log_and_the_escape_names_each(String format) {
        String every = IntStream.concat(IntStream.concat(IntStream.range(0, 0x20), IntStream.range(0x7F, 0xA0)),
                        IntStream.of(0x2028, 0x2029, 0x202E, 0x2066, 0x200F))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        String logged = log(format, every);

        assertThat(logged.strip().codePoints()).noneMatch(LogText::unsafe);
        if (format.equals("text")) {
            assertThat(logged).contains("\\u0000", "\\t", "\\n", "\\r", "\\u001B", "\\u0085", "\\u2028", "\\u202E");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void the_message_of_a_logged_exception_is_escaped_too_and_its_stack_stays(String format) {
        String logged = log(format, "fine", new IllegalArgumentException("bad number: 12\n" + FORGED));

        assertThat(logged.lines()).noneMatch(line -> line.startsWith(FORGED));
        assertThat(logged).contains("IllegalArgumentException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:\\data\\articles", "a \\n typed as two characters", "Café – “quoted” 🙂"})
    void leaves_text_without_line_breaks_as_it_is(String text) {
        assertThat(LogText.escape(text)).isSameAs(text);
        assertThat(log("text", text)).contains("Answering \"" + text + "\" failed");
    }

    private static String log(String format, String question) {
        return log(format, question, null);
    }

    /** What the server's configuration in {@code format} writes for one line that quotes {@code question}. */
    private static String log(String format, String question, Throwable failure) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            context.setMDCAdapter(new LogbackMDCAdapter());
            context.putProperty("LOG_FORMAT", format);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LineSafeLogsTest.class.getResource("/logback.xml"));
            Logger log = context.getLogger("dev.articlechat.http.AskController");
            if (failure == null) {
                log.warn("Answering \"{}\" failed", question);
            } else {
                log.warn("Answering \"{}\" failed", question, failure);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            context.stop();
            System.setErr(stderr);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

}
