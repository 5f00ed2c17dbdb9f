package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.support.ShellBlocks;
import dev.articlechat.support.ShellBlocks.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The commands the docs tell readers to type: every {@code java -jar target/article-chat.jar …} in a shell block of
 * the README, CONTRIBUTING.md or {@code docs/} is parsed by the real command line (not run), so that an option
 * renamed or removed in code fails the build until the docs say the same; and the README keeps the two commands
 * that users and {@code .ci/run} rely on.
 */
class DocumentedCommandsTest {

    private static final String JAR = "target/article-chat.jar";
    /** Builds, fetches the default model and serves the bundled article: the README's first command. */
    private static final String RUN = "mvn -q -B -DskipTests package && java -jar target/article-chat.jar fetch-model;"
            + " java -Xmx256m -jar target/article-chat.jar serve";
    /** Runs every test: the README's second command, and what {@code .ci/run} runs. */
    private static final String TEST = "mvn -B verify";
    private static final Path CONFIGURATION = Path.of("docs", "configuration.md");
    /** picocli reads an option's variable through its default, {@code ${env:PORT:-7070}} as written. */
    private static final Pattern ENVIRONMENT = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)");

    @Test
    void every_article_chat_command_in_the_docs_is_one_the_command_line_accepts() {
        List<Command> commands = articleChatCommands();
        List<String> refused = new ArrayList<>();
        for (Command command : commands) {
            try {
                ArticleChatCommand.commandLine().parseArgs(arguments(command).toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                refused.add(command + "\n    " + e.getMessage());
            }
        }

        assertThat(commands).as("commands found in the docs' shell blocks").hasSizeGreaterThan(10);
        assertThat(refused).as("documented commands the command line refuses").isEmpty();
    }

    @Test
    void every_file_of_the_repository_a_documented_command_names_exists() {
        List<String> missing = new ArrayList<>();
        for (Command command : articleChatCommands()) {
            for (String argument : arguments(command)) {
                String value = argument.contains("=") ? argument.substring(argument.indexOf('=') + 1) : argument;
                if (value.startsWith("src/") && !Files.exists(Path.of(value))) {
                    missing.add(command + "\n    no such file: " + value);
                }
            }
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void the_configuration_page_lists_every_option_and_environment_variable() throws IOException {
        String page = Files.readString(CONFIGURATION);
        List<String> missing = new ArrayList<>();
        Set<String> variables = new TreeSet<>();
        for (CommandLine command : allCommands(ArticleChatCommand.commandLine())) {
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                if (!Pattern.compile("`" + Pattern.quote(option.longestName()) + "[ `]").matcher(page).find()) {
                    missing.add(command.getCommandName() + " " + option.longestName());
                }
                Matcher env = ENVIRONMENT.matcher(String.valueOf(option.defaultValueString()));
                while (env.find()) {
                    variables.add(env.group(1));
                    if (!page.contains("`" + env.group(1) + "`")) {
                        missing.add(command.getCommandName() + " " + option.longestName() + ": " + env.group(1));
                    }
                }
            }
        }

        assertThat(variables).as("variables the options read").contains("PORT", "CHAT_MODEL_PROVIDER", "ADMIN_TOKEN");
        assertThat(missing).as("options and variables %s does not list", CONFIGURATION).isEmpty();
    }

    @Test
    void the_readme_keeps_the_command_that_runs_the_server_and_the_one_that_runs_every_test() throws IOException {
        List<String> readme = ShellBlocks.commands(Path.of("README.md")).stream()
                .map(c -> String.join(" ", c.words())).toList();
        String readmeText = Files.readString(Path.of("README.md"));

        assertThat(readmeText).as("the run command, on one line in a shell block").contains("\n" + RUN + "\n");
        assertThat(readme).as("the test command").contains(TEST);
    }

    /** {@code -ntp} (no download progress in the log) is the only difference CI allows itself. */
    @Test
    void ci_runs_the_readmes_test_command() throws IOException {
        List<String> ci = Files.readAllLines(Path.of(".ci/run")).stream().map(String::strip)
                .filter(line -> !line.startsWith("#")).map(line -> line.replace(" -ntp", "")).toList();

        assertThat(ci).contains(TEST);
    }

    private static List<CommandLine> allCommands(CommandLine command) {
        List<CommandLine> all = new ArrayList<>(List.of(command));
        command.getSubcommands().values().forEach(sub -> all.addAll(allCommands(sub)));
        return all;
    }

    private static List<Command> articleChatCommands() {
        return ShellBlocks.commands(ShellBlocks.docs()).stream()
                .filter(c -> c.program().equals("java") && c.words().contains(JAR))
                .toList();
    }

    /** What follows {@code -jar target/article-chat.jar}: the JVM's own options before it are not ours. */
    private static List<String> arguments(Command command) {
        List<String> words = command.words();
        int jar = words.indexOf(JAR);
        assertThat(words.get(jar - 1)).as(command.toString()).isEqualTo("-jar");
        return words.subList(jar + 1, words.size());
    }
}
