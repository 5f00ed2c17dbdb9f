package dev.articlechat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.answer.write.ModelAnswerer;
import dev.articlechat.support.FakeModelAnswers;
import dev.articlechat.support.FakeOpenAiServer;
import dev.articlechat.support.FakeOpenAiServer.Received;
import dev.articlechat.support.FakeOpenAiServer.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A model that keeps the article in its prompt cache confirms each sentence that passed the checks before it
 * is shown: asked whether the sentences it cites say it, "no", a failure or a late reply drops it. Against a
 * real OpenAI-compatible server on loopback.
 */
class ModelJudgeTest {

    private static final String WEDNESDAY = "which began on Wednesday";
    private static final String JUDGING = "Proposed answer:";

    private FakeModelAnswers served;
    private FakeOpenAiServer fake;
    private AnswerService answers;

    @BeforeEach
    void aModelThatJudgesWhatItWrote() {
        served = FakeModelAnswers.judgingOverSharedIndex();
        fake = served.model();
        answers = served.answers();
        fake.replyWith(Reply.content("Hi."));
        answers.warmModel();
        assertThat(answers.modelCache()).contains(ModelAnswerer.Cache.WARM);
        fake.reset();
    }

    @AfterEach
    void stop() throws IOException {
        served.close();
    }

    /** The model answers about Wednesday, and judges with {@code judgement}. */
    private void answerAboutWednesdayAndJudge(Function<Received, Reply> judgement) {
        fake.replyWith(request -> request.user().contains(JUDGING) ? judgement.apply(request)
                : Reply.content("Carney's visit to China began on Wednesday [" + request.numberOf(WEDNESDAY) + "]."));
    }

    private List<Received> judgements() {
        return fake.requests().stream().filter(r -> r.user().contains(JUDGING)).toList();
    }

    @Test
    void shows_a_sentence_the_model_confirms_with_its_citation() {
        answerAboutWednesdayAndJudge(request -> Reply.content("Yes"));

        Answer answer = answers.ask(Question.of("On which day did Carney's visit to China begin?"));

        assertThat(answer.answered()).isTrue();
        assertThat(answer.answer()).contains("Wednesday");
        assertThat(answer.citations()).singleElement().satisfies(c -> assertThat(c.quote()).contains(WEDNESDAY));
        assertThat(judgements()).singleElement().satisfies(judging -> {
            assertThat(judging.user()).contains("On which day did Carney's visit to China begin?")
                    .contains("Carney's visit to China began on Wednesday.")
                    .contains("[" + judging.numberOf(WEDNESDAY) + "]");
            assertThat(judging.system()).as("the article is the same cached prefix")
                    .isEqualTo(fake.requests().get(0).system());
        });
    }

    @Test
    void drops_a_sentence_the_model_does_not_confirm_and_refuses() {
        answerAboutWednesdayAndJudge(request -> Reply.content("No"));

        Answer answer = answers.ask(Question.of("On which day did Carney's visit to China begin?"));

        assertThat(answer.answered()).isFalse();
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.answer()).isEqualTo(answers.refusal());
        assertThat(judgements()).isNotEmpty();
    }

    @Test
    void drops_a_sentence_whose_judgement_fails_or_comes_too_late() {
        answerAboutWednesdayAndJudge(request -> Reply.raw(500, "{\"error\":{\"message\":\"overloaded\"}}"));
        assertThat(answers.ask(Question.of("On which day did Carney's visit to China begin?")).answered()).isFalse();

        answerAboutWednesdayAndJudge(request -> Reply.content("Yes").after(Duration.ofSeconds(11)));
        assertThat(answers.ask(Question.of("Which day did the China visit start?")).answered()).isFalse();
    }

    @Test
    void judges_the_question_as_it_stands_alone_without_the_conversation() {
        answerAboutWednesdayAndJudge(request -> Reply.content("Yes"));

        answers.ask(new Question("When did it begin?", List.of(new Turn(Turn.USER, "Tell me about Carney's visit to China."),
                new Turn(Turn.ASSISTANT, "Carney visited China and declared war [1]."))));

        assertThat(judgements()).allSatisfy(judging -> assertThat(judging.user()).doesNotContain("declared war"));
    }
}
