package dev.articlechat.cli;

import dev.articlechat.slack.SlackSettings;
import picocli.CommandLine.Option;

/** How {@code serve} reaches Slack. Each option also reads an environment variable, named in its description. */
final class SlackOptions {

    @Option(names = "--slack-signing-secret", paramLabel = "SECRET", defaultValue = "${env:SLACK_SIGNING_SECRET}",
            description = "Signing secret of the Slack app; without it the Slack routes are off. "
                    + "Env: SLACK_SIGNING_SECRET.")
    String signingSecret;

    @Option(names = "--slack-bot-token", paramLabel = "TOKEN", defaultValue = "${env:SLACK_BOT_TOKEN}",
            description = "Bot token (xoxb-...) for answering mentions in threads. Env: SLACK_BOT_TOKEN.")
    String botToken;

    @Option(names = "--slack-command-response", paramLabel = "WHO",
            defaultValue = "${env:SLACK_COMMAND_RESPONSE:-ephemeral}",
            description = "Who sees a slash command's answer: ephemeral (the asker) or in_channel (everyone). "
                    + "Env: SLACK_COMMAND_RESPONSE. Default: ${DEFAULT-VALUE}.")
    String commandResponse;

    @Option(names = "--slack-api-url", paramLabel = "URL", defaultValue = "${env:SLACK_API_URL}",
            description = "Base URL of Slack's Web API, for a proxy. Env: SLACK_API_URL. Default: Slack's own.")
    String apiUrl;

    SlackSettings settings() {
        SlackSettings settings = new SlackSettings(signingSecret, botToken, commandResponse);
        return apiUrl == null || apiUrl.isBlank() ? settings
                : new SlackSettings(signingSecret, botToken, settings.commandResponse(), apiUrl, null);
    }
}
