package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code index add} and {@code index list}: articles stored in the data directory beside the ones given. */
class IndexCommandTest {

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
