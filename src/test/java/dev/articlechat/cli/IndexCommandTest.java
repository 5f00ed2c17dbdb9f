package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.Logging;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code index add} and {@code index list}: articles stored in the data directory beside the ones given. */
class IndexCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void add_refuses_an_article_whose_id_is_that_of_one_given_at_start_and_stores_nothing() throws IOException {
        Path takeover = Files.writeString(dir.resolve("takeover.txt"), "Carney Praises Renewed Canada–China Ties\n"
                + "Nobody met anybody in Beijing on Friday. The talks were cancelled.\n");

        Run run = articleChat("index", "add", "--index-dir", dir.resolve("index").toString(),
                "--data-dir", dir.resolve("data").toString(), takeover.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot add " + takeover, "\"carney-praises-renewed-canada-china\"",
                "given at start");
        assertThat(dir.resolve("data/articles/carney-praises-renewed-canada-china.txt")).doesNotExist();
    }

    @Test
    void a_missing_article_file_is_named_with_what_is_wrong_with_it() {
        Path missing = dir.resolve("nope.txt");

        Run index = articleChat("index", "--article", missing.toString(), "--index-dir", dir.resolve("i").toString());
        Run add = articleChat("index", "add", "--data-dir", dir.resolve("data").toString(),
                "--index-dir", dir.resolve("i").toString(), missing.toString());

        assertThat(index.err()).isEqualTo("article-chat: cannot read article " + missing + ": no such file"
                + System.lineSeparator());
        assertThat(add.err()).isEqualTo("article-chat: cannot add " + missing + ": no such file"
                + System.lineSeparator());
        assertThat(index.exitCode()).isEqualTo(1);
        assertThat(add.exitCode()).isEqualTo(1);
    }

    @Test
    void add_names_the_file_that_is_no_article_and_why() throws IOException {
        Path page = Files.writeString(dir.resolve("x.html"), "<html><body><p>x</p></body></html>");
        Path binary = Files.write(dir.resolve("y.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});

        Run untitled = articleChat("index", "add", "--data-dir", dir.resolve("data").toString(),
                "--index-dir", dir.resolve("i").toString(), page.toString());
        Run notText = articleChat("index", "add", "--data-dir", dir.resolve("data").toString(),
                "--index-dir", dir.resolve("i").toString(), binary.toString());

        assertThat(untitled.err()).startsWith("article-chat: cannot add " + page + ": the HTML page has no title");
        assertThat(untitled.exitCode()).isEqualTo(2);
        assertThat(notText.err()).startsWith("article-chat: cannot add " + binary + ": not UTF-8 text");
        assertThat(dir.resolve("data/articles")).doesNotExist();
    }

    @Test
    void log_format_json_writes_each_log_line_as_a_json_object() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(articleChat("index", "--log-format", "json", "--index-dir", dir.resolve("index").toString())
                    .exitCode()).isZero();
        } finally {
            Logging.useFormat("text");
            System.setErr(stderr);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(JSON.readTree(line).get("level").asText())
                .isNotBlank());
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Indexed 1 articles"));
    }

    @Test
    void an_unknown_log_format_is_a_usage_error() {
        Run run = articleChat("index", "--log-format", "yaml", "--index-dir", dir.resolve("index").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--log-format", "expected text or json");
    }

    record Run(int exitCode, String err) {
    }

    static Run articleChat(String... argv) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = ArticleChatCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(argv);
        return new Run(exitCode, err.toString());
    }
}
