package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.support.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The {@code ask} and {@code eval} commands, run in-process through the real command line. The commands
 * print to {@code System.out}, so each run swaps it for a buffer.
 */
class AskCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One index for the whole class: the first run builds it, the others find it up to date. */
    private static Path indexDir;

    /** What one run of the command line left behind. */
    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void freshIndexDirectory() {
        indexDir = TestApp.temporaryIndexDir();
    }

    @Test
    void ask_prints_the_answer_and_its_numbered_sources() {
        Run run = articleChat("ask", "Which minister echoed Carney's message in Beijing?");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Anand").contains("Sources:").contains("[1]");
        assertThat(run.out().indexOf("Anand")).isLessThan(run.out().indexOf("Sources:"));
    }

    @Test
    void ask_with_json_prints_the_answer_object_of_the_http_api() throws Exception {
        Run run = articleChat("ask", "--json", "Which minister echoed Carney's message in Beijing?");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode answer = JSON.readTree(run.out());
        assertThat(answer.get("answered").asBoolean()).isTrue();
        assertThat(answer.get("answer").asText()).contains("Anand").contains("[1]");
        assertThat(answer.get("citations").get(0).get("n").asInt()).isEqualTo(1);
        assertThat(answer.get("model").asText()).isEqualTo("extractive");
    }

    @Test
    void ask_refuses_when_the_article_does_not_say_and_lists_no_sources() {
        Run run = articleChat("ask", "What is the capital of Australia?");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsIgnoringCase("article does not say").doesNotContain("Sources:", "[1]");
    }

    /** What the command reports; how each dev question is answered is AnswerServiceTest's. */
    @Test
    void eval_prints_the_report_of_a_question_file_as_json() throws Exception {
        Run run = articleChat("eval", resource("/eval/dev-questions.jsonl").toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("questions").asInt()).isEqualTo(25);
        assertThat(report.get("answerable").asInt()).isEqualTo(20);
        assertThat(report.get("outOfScope").asInt()).isEqualTo(5);
        assertThat(report.get("model").asText()).isEqualTo("extractive");
        assertThat(report.get("citationsValid").asDouble()).as(run.out()).isEqualTo(1.0);
        JsonNode correct = report.get("rates").get("correct");
        assertThat(correct.get("total").asInt()).isEqualTo(20);
        assertThat(correct.get("share").asDouble()).isEqualTo(report.get("correct").asDouble());
        assertThat(report.get("misses").size()).isEqualTo(report.get("questions").asInt()
                - correct.get("count").asInt() - report.get("rates").get("refusal").get("count").asInt());
    }

    @Test
    void an_unreadable_article_is_a_failure_while_running_exit_code_1_and_one_line_instead_of_a_stack_trace() {
        Run run = articleChat("ask", "--article", "/no/such/file", "Who did Carney meet?");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("article-chat: ").contains("/no/such/file")
                .doesNotContain("Exception", "\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void ask_with_a_blank_question_exits_with_code_2() {
        Run run = articleChat("ask", "   ");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("The question is empty.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void ask_with_a_question_of_invisible_characters_is_a_usage_error() {
        Run run = articleChat("ask", "\u200b\u00a0\ufeff");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("The question has no visible characters");
        assertThat(run.out()).isEmpty();
    }

    /** Runs the command line with the class's index directory, capturing what it prints. */
    private static Run articleChat(String command, String... args) {
        // the extractive answerer, whatever model happens to be in models/: these tests are about the command
        List<String> argv = new ArrayList<>(List.of(command, "--index-dir", indexDir.toString(),
                "--model-provider", "extractive"));
        argv.addAll(List.of(args));
        StringWriter err = new StringWriter();
        CommandLine commandLine = ArticleChatCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exitCode;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exitCode = commandLine.execute(argv.toArray(String[]::new));
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(AskCommandTest.class.getResource(name).toURI());
    }
}
