package dev.articlechat.slack;

import java.util.Set;

/**
 * How the Slack integration is configured, read once by the command line. Secrets never appear in
 * {@link #toString()}, so the settings can be logged.
 *
 * @param signingSecret   proves that a request comes from Slack; without it the Slack routes are off
 * @param botToken        the bot token ({@code xoxb-...}) for Web API calls; without it mentions are not answered
 * @param commandResponse who sees a slash command's answer: {@value #IN_CHANNEL} or {@value #EPHEMERAL}
 * @param webApiUrl       the Web API's base URL, e.g. {@code https://slack.com/api/}; null for Slack's own.
 *                        Tests point it at a fake, and response URLs on its host are then accepted too
 * @param retry           how failed or rate-limited Web API calls are retried
 */
public record SlackSettings(String signingSecret, String botToken, String commandResponse, String webApiUrl,
                            RetryPolicy retry) {

    public static final String IN_CHANNEL = "in_channel";
    public static final String EPHEMERAL = "ephemeral";

    public SlackSettings {
        commandResponse = commandResponse == null || commandResponse.isBlank() ? EPHEMERAL : commandResponse.strip();
        if (!Set.of(IN_CHANNEL, EPHEMERAL).contains(commandResponse)) {
            throw new IllegalArgumentException("the slash command response must be in_channel or ephemeral, not \""
                    + commandResponse + "\"");
        }
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
    }

    public SlackSettings(String signingSecret, String botToken, String commandResponse) {
        this(signingSecret, botToken, commandResponse, null, RetryPolicy.DEFAULT);
    }

    public static SlackSettings off() {
        return new SlackSettings(null, null, EPHEMERAL);
    }

    /** Slack's routes exist only when requests can be verified. */
    public boolean enabled() {
        return present(signingSecret);
    }

    public boolean canCallWebApi() {
        return present(botToken);
    }

    @Override
    public String toString() {
        return "SlackSettings[signingSecret=" + (enabled() ? "(set)" : "(none)")
                + ", botToken=" + (canCallWebApi() ? "(set)" : "(none)")
                + ", commandResponse=" + commandResponse + ", webApiUrl=" + webApiUrl + ", retry=" + retry + "]";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
