package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.ArticleLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code --articles-dir}: every article file in a directory, after the {@code --article} files. */
class ArticlesDirOptionTest {

    @TempDir
    Path dir;

    @Test
    void adds_the_text_and_html_files_of_the_directory_by_name_after_the_article_files() throws IOException {
        Path single = Files.writeString(dir.resolve("single.txt"),
                "Ferry Timetable Changes\nThe winter timetable starts on Sunday with fewer crossings.\n");
        Path articles = Files.createDirectory(dir.resolve("articles"));
        Files.writeString(articles.resolve("b-bridge.html"), "<html><head><title>Bridge closes for repairs | The "
                + "Courier</title></head><body><nav><p>Home</p></nav><article><p>The old bridge closes on Monday for "
                + "six weeks of repairs.</p></article><footer><p>All rights reserved.</p></footer></body></html>");
        Files.writeString(articles.resolve("a-harbour.txt"),
                "Harbour Reopens After Storm\nThe harbour reopened to shipping on Monday morning.\n");
        Files.writeString(articles.resolve("notes.md"), "Not an article.");
        Files.createDirectory(articles.resolve("drafts"));
        Files.writeString(articles.resolve("drafts/c-draft.txt"), "Draft\nNot read: it is in a subdirectory.\n");

        List<Path> files = settingsOf("--article", single.toString(), "--articles-dir", articles.toString());

        assertThat(files).containsExactly(single, articles.resolve("a-harbour.txt"), articles.resolve("b-bridge.html"));
        assertThat(new ArticleLoader().load(files).articles()).extracting(Article::title)
                .containsExactly("Ferry Timetable Changes", "Harbour Reopens After Storm", "Bridge closes for repairs");
    }

    static Stream<List<String>> commandsThatReadArticles() {
        return Stream.of(List.of("index"), List.of("ask", "Who closed the bridge?"),
                List.of("eval", "questions.jsonl"), List.of("serve"));
    }

    @ParameterizedTest
    @MethodSource("commandsThatReadArticles")
    void a_missing_directory_is_a_usage_error_that_names_it(List<String> command) {
        Path missing = dir.resolve("no-such-dir");

        Run run = articleChat(command, "--articles-dir", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("article-chat: --articles-dir " + missing + " is not a directory"
                + System.lineSeparator());
    }

    @Test
    void a_directory_without_an_article_file_is_a_usage_error() throws IOException {
        Files.writeString(dir.resolve("notes.md"), "Not an article.");

        Run run = articleChat(List.of("index"), "--articles-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--articles-dir " + dir + " holds no article: no .txt, .html or .htm file");
    }

    private static List<Path> settingsOf(String... args) {
        IndexCommand index = new IndexCommand();
        new CommandLine(index).parseArgs(args);
        return index.common.settings().articles();
    }

    record Run(int exitCode, String err) {
    }

    private static Run articleChat(List<String> command, String... options) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = ArticleChatCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        List<String> argv = Stream.concat(Stream.of(command.get(0)),
                Stream.concat(Stream.of(options), command.stream().skip(1))).toList();
        int exitCode = commandLine.execute(argv.toArray(String[]::new));
        return new Run(exitCode, err.toString());
    }
}
