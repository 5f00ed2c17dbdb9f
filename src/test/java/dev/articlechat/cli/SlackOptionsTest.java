package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.articlechat.slack.SlackSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve}'s Slack options, read into settings once; secrets stay out of their printed form. */
class SlackOptionsTest {

    @Test
    void reads_the_slack_flags_of_serve() {
        SlackSettings settings = parse("--slack-signing-secret", "s3cret", "--slack-bot-token", "xoxb-1",
                "--slack-command-response", "in_channel", "--slack-api-url", "http://127.0.0.1:9/api/");

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.canCallWebApi()).isTrue();
        assertThat(settings.commandResponse()).isEqualTo(SlackSettings.IN_CHANNEL);
        assertThat(settings.webApiUrl()).isEqualTo("http://127.0.0.1:9/api/");
        assertThat(settings.toString()).doesNotContain("s3cret", "xoxb-1");
    }

    @Test
    void leaves_slack_off_without_a_signing_secret() {
        assumeTrue(System.getenv("SLACK_SIGNING_SECRET") == null && System.getenv("SLACK_COMMAND_RESPONSE") == null,
                "the defaults show only where the environment sets no Slack variables");
        SlackSettings settings = parse();

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.commandResponse()).isEqualTo(SlackSettings.EPHEMERAL);
    }

    @Test
    void refuses_an_unknown_command_response() {
        assertThatThrownBy(() -> parse("--slack-command-response", "everyone"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in_channel or ephemeral");
    }

    private static SlackSettings parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.slack.settings();
    }
}
