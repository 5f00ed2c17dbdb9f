package dev.articlechat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.answer.write.ModelAnswerer;
import dev.articlechat.http.HttpApi;
import dev.articlechat.http.ServerOptions;
import dev.articlechat.support.FakeModelAnswers;
import dev.articlechat.support.FakeOpenAiServer.Reply;
import dev.articlechat.support.FakeOpenAiServer;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A model that keeps the article in its prompt cache reads it once before users ask: while it does, questions
 * get the extractive answer saying why, and afterwards the model answers, with the article as the prompt's
 * unchanging start. Against a real OpenAI-compatible server on loopback that takes its time over the reading.
 */
class ModelWarmingTest {

    private static final String WEDNESDAY = "which began on Wednesday";

    private FakeModelAnswers served;
    private FakeOpenAiServer fake;
    private AnswerService answers;

    @BeforeEach
    void aModelThatCachesItsPrompt() {
        served = FakeModelAnswers.overSharedIndex(2);
        fake = served.model();
        answers = served.answers();
    }

    @AfterEach
    void stop() throws IOException {
        served.close();
    }

    @Test
    void answers_extractively_saying_why_while_the_model_reads_the_article_then_with_the_model() throws Exception {
        fake.replyWith(request -> Reply.content("Carney's visit to China began on Wednesday ["
                + request.numberOf(WEDNESDAY) + "].").after(request.user().equals("Hello")
                ? Duration.ofMillis(1500) : Duration.ZERO));
        assertThat(answers.modelCache()).contains(ModelAnswerer.Cache.COLD);
        JavalinTest.test(HttpApi.create(answers, ServerOptions.defaults()), (server, client) ->
                assertThat(client.get("/ready").body().string()).contains("\"modelCache\":\"cold\""));

        CompletableFuture<Void> warming = CompletableFuture.runAsync(answers::warmModel);
        awaitCache(ModelAnswerer.Cache.WARMING);
        Answer early = answers.ask(Question.of("On which day did Carney's visit to China begin?"));

        assertThat(early.model()).isEqualTo("extractive");
        assertThat(early.fallback()).startsWith("warming");
        assertThat(early.answered()).isTrue();

        warming.get();
        assertThat(answers.modelCache()).contains(ModelAnswerer.Cache.WARM);
        JavalinTest.test(HttpApi.create(answers, ServerOptions.defaults()), (server, client) ->
                assertThat(client.get("/health").body().string()).contains("\"modelCache\":\"warm\""));
        String warmUpPrompt = fake.lastRequest().system();
        Answer later = answers.ask(Question.of("Which day did Carney's visit to China begin?"));

        assertThat(later.model()).isEqualTo("cached:fake");
        assertThat(later.fallback()).isNull();
        assertThat(later.answer()).isEqualTo("Carney's visit to China began on Wednesday [1].");
        assertThat(fake.lastRequest().system()).as("the question shares the warmed prompt's start")
                .isEqualTo(warmUpPrompt);
    }

    private void awaitCache(ModelAnswerer.Cache cache) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (answers.modelCache().orElseThrow() != cache && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(answers.modelCache()).contains(cache);
    }
}
