package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code serve} refuses before it opens anything. */
class ServeCommandTest {

    @Test
    void refuses_a_cors_origin_that_no_browser_would_send_and_says_which() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = ArticleChatCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("serve", "--cors-origin", "https://news.example,news.example/embed");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("news.example/embed").contains("is not an origin");
    }
}
