package dev.articlechat.slack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.javalin.http.BadRequestResponse;

/**
 * Coverage-guided fuzzing of Events API bodies: any body is a {@link BadRequestResponse} (400) or one of the
 * three events the reader documents, and an event the bot answers has the ids its reply needs.
 * Seeds (JSON bodies) and regression inputs: {@code src/test/resources/dev/articlechat/slack/SlackEventReaderFuzzTestInputs/}.
 */
class SlackEventReaderFuzzTest {

    private final SlackEventReader reader = new SlackEventReader();

    @FuzzTest(maxDuration = "5s")
    void reads_any_body_into_a_known_event_or_a_bad_request(byte[] body) {
        SlackEvent event;
        try {
            event = reader.read(new String(body, UTF_8));
        } catch (BadRequestResponse rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            return;
        }
        assertThat(event).isNotNull();
        if (event instanceof SlackEvent.UrlVerification verification) {
            assertThat(verification.challenge()).isNotBlank();
        } else if (event instanceof SlackEvent.Asked asked) {
            assertThat(asked.eventId()).isNotBlank();
            assertThat(asked.channel()).isNotBlank();
            assertThat(asked.user()).isNotBlank();
            assertThat(asked.text()).isNotNull();
            assertThat(SlackEvent.isTs(asked.replyThread())).isTrue();
        } else {
            assertThat(((SlackEvent.Ignored) event).why()).isNotBlank();
        }
    }
}
