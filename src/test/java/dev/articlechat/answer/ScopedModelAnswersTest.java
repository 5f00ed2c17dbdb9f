package dev.articlechat.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.ingest.ArticleLoader;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Embeddings;
import dev.articlechat.ingest.IndexGenerations;
import dev.articlechat.ingest.PassageIndexer;
import dev.articlechat.support.FakeModelAnswers;
import dev.articlechat.support.FakeOpenAiServer;
import dev.articlechat.support.FakeOpenAiServer.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that keeps one article read at a time (a prompt cache of one), over two articles: a question about an
 * article it has not read is answered extractively while it reads that article alone, and the next questions about
 * it share that prompt; asking about the other article evicts it.
 */
class ScopedModelAnswersTest {

    private static final String CARNEY = "carney-praises-renewed-canada-china";
    private static final String HARBOUR = "saltmouth-council-approves-38-5-million";
    private static final String VOTES = "passed by 14 votes to 5";
    private static final String MET = "during talks with President Xi Jinping";

    @TempDir
    Path dir;

    private FakeModelAnswers served;
    private FakeOpenAiServer fake;
    private AnswerService answers;

    @BeforeEach
    void twoArticlesAndAModelThatHoldsOne() throws Exception {
        Corpus corpus = new ArticleLoader().load(List.of(resource("/article.txt"), resource("/articles/harbour-flood.txt")));
        Path generation = new IndexGenerations(dir).build(new PassageIndexer(Embeddings.miniLm(), Embeddings.MODEL_NAME),
                corpus);
        served = FakeModelAnswers.over(generation, corpus, 1);
        fake = served.model();
        fake.replyWith(request -> Reply.content(request.system().contains(VOTES)
                ? "The motion passed by 14 votes to 5 [" + request.numberOf(VOTES) + "]."
                : "Carney met Xi Jinping in Beijing [" + request.numberOf(MET) + "]."));
        answers = served.answers();
    }

    @AfterEach
    void stop() throws Exception {
        served.close();
    }

    @Test
    void reads_an_article_when_first_asked_about_it_then_answers_from_it_alone() throws Exception {
        Question votes = Question.of("How many votes did the barrier motion pass by?").about(HARBOUR);

        Answer first = answers.ask(votes);

        assertThat(first.model()).isEqualTo("extractive");
        assertThat(first.fallback()).startsWith("warming");
        assertThat(first.citations()).extracting(Citation::articleId).containsOnly(HARBOUR);
        Answer later = awaitModelAnswer(Question.of("By how many votes did the motion pass?").about(HARBOUR));
        assertThat(later.answer()).isEqualTo("The motion passed by 14 votes to 5 [1].");
        assertThat(later.citations()).extracting(Citation::articleId).containsOnly(HARBOUR);
        assertThat(fake.lastRequest().system()).as("the model read that article alone")
                .contains("Saltmouth").doesNotContain("Carney");
    }

    @Test
    void forgets_the_article_read_longest_ago_when_another_is_read() throws Exception {
        awaitModelAnswer(Question.of("How many votes did the barrier motion pass by?").about(HARBOUR));

        Answer carney = awaitModelAnswer(Question.of("Who did Carney meet?").about(CARNEY));
        Answer harbourAgain = answers.ask(Question.of("What was the vote on the barrier?").about(HARBOUR));

        assertThat(carney.citations()).extracting(Citation::articleId).containsOnly(CARNEY);
        assertThat(harbourAgain.fallback()).as("read again, as the model's one slot now holds the other")
                .startsWith("warming");
    }

    /** Asks until the model answers (it reads the article in the background first), at most ten seconds. */
    private Answer awaitModelAnswer(Question question) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (int attempt = 0; ; attempt++) {
            // a different wording each time: the answer cache keeps the extractive answers given meanwhile
            Answer answer = answers.ask(new Question(question.text() + " ".repeat(attempt), List.of(), question.articleId()));
            if (answer.fallback() == null || System.nanoTime() > deadline) {
                assertThat(answer.model()).as(answer.toString()).isEqualTo("cached:fake");
                return answer;
            }
            Thread.sleep(20);
        }
    }

    private static Path resource(String name) throws Exception {
        return Path.of(ScopedModelAnswersTest.class.getResource(name).toURI());
    }
}
