package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What users of any picocli tool expect: help everywhere, the build's version, and exit codes 0, 1 and 2. */
class CommandLineConventionsTest {

    record Run(int exitCode, String out, String err) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "index", "ask", "eval", "fetch-model"})
    void every_command_answers_help_and_version_with_exit_code_0(String command) {
        for (String[] argv : new String[][] {{command, "--help"}, {command, "-h"}, {"help", command}}) {
            Run run = articleChat(argv);

            assertThat(run.exitCode()).as(String.join(" ", argv) + run.err()).isZero();
            assertThat(run.out()).startsWith("Usage: article-chat " + command).contains("--help").contains("--version");
        }
        assertThat(articleChat(command, "--version").out()).startsWith("article-chat " + pomVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"index add", "index list"})
    void help_explains_a_nested_command_itself_as_its_own_help_option_does(String command) {
        String[] names = command.split(" ");
        Run help = articleChat("help", names[0], names[1]);
        Run option = articleChat(names[0], names[1], "--help");

        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: article-chat " + command).isEqualTo(option.out());
    }

    @Test
    void help_of_a_command_that_does_not_exist_is_a_usage_error_naming_the_commands_there_are() {
        Run run = articleChat("help", "index", "remove");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no command \"index remove\"", "add", "list");
    }

    @Test
    void prints_the_version_of_the_pom() throws IOException {
        Run run = articleChat("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().findFirst()).hasValue("article-chat " + pomVersion());
    }

    @Test
    void without_a_command_prints_the_usage_and_exits_2() {
        Run run = articleChat();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: article-chat").contains("serve").contains("help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void an_unknown_option_or_a_setting_out_of_range_is_a_usage_error_exit_2() {
        assertThat(articleChat("serve", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(articleChat("serve", "--port", "many").exitCode()).isEqualTo(2);
        assertThat(articleChat("index", "--passages", "0").exitCode()).isEqualTo(2);
    }

    private static String pomVersion() {
        try {
            String pom = Files.readString(Path.of("pom.xml"));
            Matcher version = Pattern.compile("<artifactId>article-chat</artifactId>\\s*<version>([^<]+)</version>")
                    .matcher(pom);
            assertThat(version.find()).isTrue();
            return version.group(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Run articleChat(String... argv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ArticleChatCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(argv);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
