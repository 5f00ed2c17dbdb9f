package dev.articlechat.slack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

/**
 * Coverage-guided fuzzing of slash-command form bodies through the steps {@link SlackCommandsController} takes:
 * the SDK's form parser may only refuse with {@link IllegalArgumentException} (which the controller answers with
 * a 400), and what it reads must pass the response-URL check and question extraction without an exception.
 * The whole route, signature included, is fuzzed over HTTP by {@code HttpApiFuzzTest}.
 * Seeds (form bodies) and regression inputs: {@code src/test/resources/dev/articlechat/slack/SlackCommandFormFuzzTestInputs/}.
 */
class SlackCommandFormFuzzTest {

    private final SlashCommandPayloadParser parser = new SlashCommandPayloadParser();
    private final ResponseUrls responseUrls = new ResponseUrls("https://slack.com/api/");

    @FuzzTest(maxDuration = "5s")
    void reads_any_form_into_a_command_or_a_refusal(byte[] body) {
        SlashCommandPayload command;
        try {
            command = parser.parse(new String(body, UTF_8));
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(command).isNotNull();
        if (command.getResponseUrl() != null && responseUrls.accepts(command.getResponseUrl())) {
            assertThat(command.getResponseUrl()).startsWith("https://");
        }
        String question = SlackText.question(command.getText(), null);
        assertThat(question).isNotNull().isEqualTo(question.strip());
    }
}
