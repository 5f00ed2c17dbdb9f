package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code fetch-model} refuses before it downloads anything. */
class FetchModelCommandTest {

    @Test
    void refuses_a_model_name_the_catalogue_does_not_have_and_lists_the_names_it_has() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = ArticleChatCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("fetch-model", "--model", "qwen2.5-coder-7b", "--models-dir", "unused");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .contains("unknown model \"qwen2.5-coder-7b\"; choose one of qwen2.5-coder-1.5b, qwen2.5-coder-0.5b, "
                        + "smollm2-135m")
                .contains("Usage:");
    }

    @Test
    void names_the_models_and_the_default_in_its_help() {
        String usage = ArticleChatCommand.commandLine().getSubcommands().get("fetch-model").getUsageMessage();

        assertThat(usage.replaceAll("\\s+", " "))
                .contains("qwen2.5-coder-1.5b, qwen2.5-coder-0.5b, smollm2-135m")
                .contains("Default: qwen2.5-coder-1.5b");
    }
}
