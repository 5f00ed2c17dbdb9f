package dev.articlechat.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.articlechat.answer.NotAQuestionException;
import io.javalin.http.BadRequestResponse;
import io.javalin.json.JavalinJackson;

/**
 * Coverage-guided fuzzing of {@code POST /v1/chat/completions} bodies: any body is either a
 * {@link BadRequestResponse} or a question within the limits of {@code POST /api/ask}, with a history of at most
 * the turns that route allows; no other exception may escape to become a 500.
 * Seeds (JSON bodies) and regression inputs:
 * {@code src/test/resources/dev/articlechat/http/ChatCompletionRequestFuzzTestInputs/}.
 */
class ChatCompletionRequestFuzzTest {

    private final StrictJson json = new StrictJson(JavalinJackson.defaultMapper());

    @FuzzTest(maxDuration = "5s")
    void reads_any_body_into_a_valid_question_or_a_bad_request(byte[] body) {
        ChatCompletionRequest request;
        try {
            request = ChatCompletionRequest.read(json, new String(body, UTF_8));
        } catch (BadRequestResponse | NotAQuestionException rejected) { // both are a 400
            assertThat(rejected.getMessage()).isNotBlank();
            return;
        }
        AskRequestReaderFuzzTest.assertValid(request.question(), AskRequestReader.MAX_HISTORY_TURNS);
    }
}
