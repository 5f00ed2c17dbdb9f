package dev.articlechat.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.articlechat.answer.NotAQuestionException;
import dev.articlechat.answer.Question;
import dev.articlechat.answer.QuestionText;
import dev.articlechat.answer.Turn;
import io.javalin.http.BadRequestResponse;
import io.javalin.json.JavalinJackson;

/**
 * Coverage-guided fuzzing of {@code POST /api/ask} bodies: any body is either a {@link BadRequestResponse} (a 400
 * with a message) or a question within the documented limits; no other exception may escape to become a 500.
 * Seeds (JSON bodies) and regression inputs: {@code src/test/resources/dev/articlechat/http/AskRequestReaderFuzzTestInputs/}.
 */
class AskRequestReaderFuzzTest {

    private final AskRequestReader reader = new AskRequestReader(JavalinJackson.defaultMapper());

    @FuzzTest(maxDuration = "5s")
    void reads_any_body_into_a_valid_question_or_a_bad_request(byte[] body) {
        Question question;
        try {
            question = reader.read(new String(body, UTF_8));
        } catch (BadRequestResponse | NotAQuestionException rejected) { // both are a 400
            assertThat(rejected.getMessage()).isNotBlank();
            return;
        }
        assertValid(question, AskRequestReader.MAX_HISTORY_TURNS);
    }

    static void assertValid(Question question, int maxTurns) {
        assertThat(question.text()).isEqualTo(question.text().strip()).isNotEmpty();
        assertThat(QuestionText.hasVisibleText(question.text())).as(question.text()).isTrue();
        assertThat(question.text().length()).isLessThanOrEqualTo(AskRequestReader.MAX_QUESTION_CHARS);
        assertThat(question.text()).as("no control characters but line breaks and tabs")
                .doesNotContainPattern("[\\p{Cc}&&[^\\n\\t]]");
        assertThat(question.history()).hasSizeLessThanOrEqualTo(maxTurns);
        for (Turn turn : question.history()) {
            assertThat(turn.role()).isIn(Turn.USER, Turn.ASSISTANT);
            assertThat(turn.content()).isNotNull().doesNotContainPattern("[\\p{Cc}&&[^\\n\\t]]");
        }
    }
}
