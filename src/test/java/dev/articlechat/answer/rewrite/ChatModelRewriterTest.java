package dev.articlechat.answer.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.ArticleChat;
import dev.articlechat.answer.Answer;
import dev.articlechat.answer.Question;
import dev.articlechat.answer.Turn;
import dev.articlechat.support.FakeOpenAiServer.Received;
import dev.articlechat.support.FakeOpenAiServer.Reply;
import dev.articlechat.support.FakeOpenAiServer;
import dev.articlechat.support.TestApp;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Follow-ups rewritten by a language model (an OpenAI-compatible server on loopback), checked before use. */
class ChatModelRewriterTest {

    private static final String APEC = "sidelines of the APEC summit";
    private static final List<Turn> MEETING = List.of(new Turn(Turn.USER, "Who did Carney meet in Beijing?"),
            new Turn(Turn.ASSISTANT, "He met President Xi Jinping [1]."));

    private static FakeOpenAiServer fake;
    private static ArticleChat app;

    @BeforeAll
    static void startTheFakeModelAndTheApp() {
        fake = FakeOpenAiServer.start();
        app = ArticleChat.open(TestApp.withOpenAiModel(fake.baseUrl(), Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stopThem() throws IOException {
        app.close();
        fake.close();
    }

    @AfterEach
    void theScriptFoundWhatItLookedFor() {
        List<Throwable> failures = fake.scriptFailures();
        fake.reset();
        assertThat(failures).as("scripts that failed").isEmpty();
    }

    @Test
    void searches_for_the_models_rewrite_of_a_follow_up_and_shows_it() {
        fake.replyWith(request -> isRewrite(request)
                ? Reply.content("Where had Carney and Xi Jinping met before?")
                : Reply.content("They had met on the sidelines of the APEC summit [" + request.numberOf(APEC) + "]."));

        Answer answer = app.answers().ask(new Question("Where had they met before?", MEETING));

        assertThat(answer.query()).isEqualTo("Where had Carney and Xi Jinping met before?");
        assertThat(answer.answer()).contains("APEC");
        assertThat(fake.requests()).hasSize(2);
        assertThat(fake.requests().get(0).user()).contains("Who did Carney meet in Beijing?")
                .contains("Where had they met before?").doesNotContain("[1]");
    }

    @Test
    void keeps_the_rules_rewrite_when_the_model_names_someone_the_conversation_did_not() {
        fake.replyWith(request -> isRewrite(request)
                ? Reply.content("Where had Justin Trudeau and Xi Jinping met before?")
                : Reply.content("They had met on the sidelines of the APEC summit [" + request.numberOf(APEC) + "]."));

        Answer answer = app.answers().ask(new Question("Where had they met before?",
                List.of(new Turn(Turn.USER, "Who did Carney talk to in Beijing?"),
                        new Turn(Turn.ASSISTANT, "President Xi Jinping [1]."))));

        assertThat(answer.query()).isEqualTo("Where had Xi Jinping and Mark Carney met before?");
    }

    @Test
    void keeps_the_rules_rewrite_when_the_model_fails() {
        fake.replyWith(request -> isRewrite(request)
                ? Reply.raw(500, "{\"error\":{\"message\":\"overloaded\"}}")
                : Reply.content("They had met on the sidelines of the APEC summit [" + request.numberOf(APEC) + "]."));

        Answer answer = app.answers().ask(new Question("So where had they met before?", MEETING));

        assertThat(answer.query()).isEqualTo("So where had Xi Jinping and Mark Carney met before?"
                + " (following up on: Who did Carney meet in Beijing?)");
        assertThat(answer.answer()).contains("APEC");
    }

    @Test
    void does_not_ask_the_model_to_rewrite_a_question_that_stands_on_its_own() {
        fake.replyWith(request -> isRewrite(request)
                ? Reply.content("What is the meaning of life?")
                : Reply.content("They had met on the sidelines of the APEC summit [" + request.numberOf(APEC) + "]."));

        Answer answer = app.answers().ask(new Question("Where was the APEC summit held last October?", MEETING));

        assertThat(answer.query()).isEqualTo("Where was the APEC summit held last October?");
        assertThat(fake.requests()).noneMatch(ChatModelRewriterTest::isRewrite);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Carney met Xi Jinping at the APEC summit.|is not one question",
            "Where had they met before?|still points back",
            "Where had Carney and Boris Johnson met before?|names Boris",
            "Where had Carney and Xi met in 2019?|names 2019",
            "Who are Carney and Xi?|drops \"where\"",
            "Where had Carney and Xi Jinping met? What did they say?|is not one question"})
    void rejects_a_rewrite_that_is_not_the_same_question_standing_alone(String rewrite, String problem) {
        assertThat(ChatModelRewriter.problemWith(rewrite, new Question("Where had they met before?", MEETING)))
                .startsWith(problem);
    }

    @Test
    void accepts_a_rewrite_that_only_fills_in_what_the_question_points_to() {
        assertThat(ChatModelRewriter.problemWith("Where had Carney and Xi Jinping met before?",
                new Question("Where had they met before?", MEETING))).isNull();
    }

    private static boolean isRewrite(Received request) {
        return request.system().startsWith("Rewrite the user's last question");
    }
}
