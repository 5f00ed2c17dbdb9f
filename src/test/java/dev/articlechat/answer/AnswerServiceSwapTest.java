package dev.articlechat.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.articlechat.answer.rewrite.QuestionRewriters;
import dev.articlechat.answer.write.Answerer;
import dev.articlechat.answer.write.Draft;
import dev.articlechat.answer.write.DraftSink;
import dev.articlechat.answer.write.ExtractiveAnswerer;
import dev.articlechat.answer.write.GenerationGate;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Embeddings;
import dev.articlechat.ingest.IndexGenerations;
import dev.articlechat.retrieve.HybridRetriever;
import dev.articlechat.retrieve.PassageSearcher;
import dev.articlechat.retrieve.QueryEmbedder;
import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievalMode;
import dev.articlechat.support.TestApp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Swapping what questions are answered from while one is being answered, over real searchers of the shared
 * index: the question finishes with the snapshot it started on, which is closed only after it.
 */
class AnswerServiceSwapTest {

    private static final AnswerService.Options OPTIONS = new AnswerService.Options(RetrievalMode.HYBRID, 8, 0);

    private final CountDownLatch answering = new CountDownLatch(1);
    private final CountDownLatch mayFinish = new CountDownLatch(1);
    /** Writes the extractive answer, but only when the test lets it, so that a swap happens mid-answer. */
    private final Answerer held = new Answerer() {
        private final Answerer extractive = new ExtractiveAnswerer(AnswerService.refusalFor(corpus()));

        @Override
        public String name() {
            return "held";
        }

        @Override
        public Draft draft(Question question, Retrieval retrieval, DraftSink sentences) {
            answering.countDown();
            try {
                mayFinish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return extractive.draft(question, retrieval, sentences);
        }
    };

    @Test
    void a_question_in_flight_finishes_on_its_snapshot_which_is_closed_only_after_it() throws Exception {
        AtomicBoolean firstClosed = new AtomicBoolean();
        AtomicBoolean secondClosed = new AtomicBoolean();
        AnswerService answers = service(snapshot("first", firstClosed));
        CompletableFuture<Answer> inFlight = CompletableFuture.supplyAsync(
                () -> answers.ask(Question.of("Who did Carney meet in Beijing?")));
        assertThat(answering.await(30, TimeUnit.SECONDS)).isTrue();

        answers.swap(snapshot("second", secondClosed));

        assertThat(answers.modelName()).as("new questions get the new snapshot").isEqualTo("second");
        assertThat(firstClosed).as("still in use by the question in flight").isFalse();
        mayFinish.countDown();
        Answer answer = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(answer.model()).isEqualTo("first");
        assertThat(answer.answered()).isTrue();
        assertThat(firstClosed).as("closed once its last question was answered").isTrue();
        assertThat(secondClosed).isFalse();
    }

    @Test
    void close_waits_for_nothing_but_awaiting_idle_waits_for_the_question_in_flight() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        AnswerService answers = service(snapshot("only", closed));
        CompletableFuture<Answer> inFlight = CompletableFuture.supplyAsync(
                () -> answers.ask(Question.of("Which minister echoed Carney's message?")));
        assertThat(answering.await(30, TimeUnit.SECONDS)).isTrue();

        answers.close();

        assertThat(answers.awaitIdle(Duration.ofMillis(100))).as("a question is still being answered").isFalse();
        assertThat(closed).isFalse();
        assertThatThrownBy(() -> answers.ask(Question.of("Who did Carney meet?")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        mayFinish.countDown();
        assertThat(inFlight.get(30, TimeUnit.SECONDS).answered()).isTrue();
        assertThat(answers.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(closed).isTrue();
    }

    @Test
    void a_snapshot_swapped_in_after_close_is_closed_at_once() throws IOException {
        AtomicBoolean late = new AtomicBoolean();
        AnswerService answers = service(snapshot("first", new AtomicBoolean()));
        answers.close();

        answers.swap(snapshot("late", late));

        assertThat(late).isTrue();
    }

    private AnswerSnapshot snapshot(String name, AtomicBoolean closed) throws IOException {
        Corpus corpus = corpus();
        Path generation = new IndexGenerations(indexDir()).newestComplete().orElseThrow();
        PassageSearcher searcher = PassageSearcher.open(generation, corpus);
        HybridRetriever retriever = new HybridRetriever(searcher, new QueryEmbedder(Embeddings.miniLm()), corpus);
        Answerer answerer = new Answerer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Draft draft(Question question, Retrieval retrieval, DraftSink sentences) {
                return held.draft(question, retrieval, sentences);
            }
        };
        return new AnswerSnapshot(corpus, retriever, QuestionRewriters.byRule(corpus), Optional.empty(), answerer, () -> {
            searcher.close();
            closed.set(true);
        });
    }

    private static AnswerService service(AnswerSnapshot first) {
        return new AnswerService(first, OPTIONS, GenerationGate.unlimited(), AnswerObserver.NONE);
    }

    private static Corpus corpus() {
        return TestApp.shared().answers().corpus();
    }

    private static Path indexDir() {
        return TestApp.sharedIndexDir();
    }
}
