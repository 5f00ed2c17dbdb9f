package dev.articlechat.answer;

import dev.articlechat.answer.write.GenerationGate;
import dev.articlechat.answer.write.ModelAnswerer;
import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.retrieve.RetrievalMode;
import java.io.Closeable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Answers questions about the corpus: make a follow-up stand on its own, retrieve passages, let the answerer
 * draft an answer, verify every citation against the article. The one service every adapter (HTTP, command
 * line, eval) talks to.
 *
 * <p>What it answers from is an {@link AnswerSnapshot} that a re-index can {@link #swap} while questions are
 * being answered: each question takes a reference to the snapshot current when it arrives and is answered from
 * it to the end, and a replaced snapshot's index is closed once its last question is answered.
 */
public final class AnswerService implements Closeable {

    /** Retrieval settings that shape every answer. */
    public record Options(RetrievalMode mode, int passages, int contextWindow) {
    }

    static final int CACHE_SIZE = 1024;

    private final Options options;
    private final GenerationGate generations;
    private final AnswerObserver observer;
    private final AtomicReference<CorpusAnswers> current;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param generations how many answers may be written at once (the rewriting and drafting of a question that
     *                    is not in the cache); beyond it questions are turned away with
     *                    {@link GenerationsBusyException}. It outlives re-indexes, as the model does.
     * @param observer    told of every answer, for metrics
     */
    public AnswerService(AnswerSnapshot snapshot, Options options, GenerationGate generations,
                         AnswerObserver observer) {
        this.options = options;
        this.generations = generations;
        this.observer = observer;
        this.current = new AtomicReference<>(new CorpusAnswers(snapshot, options, generations, observer));
    }

    public Answer ask(Question question) {
        return ask(question, AnswerListener.NONE);
    }

    /**
     * Answers as {@link #ask(Question)} does, telling {@code listener} the sources and then the answer's text as
     * it is written and checked. What the listener is told adds up to the returned answer, unless that answer
     * fell back (its {@code fallback} says why), in which case the returned answer replaces the text.
     */
    public Answer ask(Question question, AnswerListener listener) {
        return using(answers -> answers.ask(question, listener));
    }

    /**
     * Checks that the article the question is scoped to is served, before a stream is opened for its answer.
     *
     * @throws UnknownArticleException when it is not
     */
    public void requireArticle(Question question) {
        if (question.scope().isPresent() && corpus().article(question.articleId()).isEmpty()) {
            throw new UnknownArticleException(question.articleId());
        }
    }

    /**
     * Replaces what questions are answered from. Questions already being answered finish with the old snapshot,
     * whose resources are closed after the last of them; questions from now on get the new one.
     */
    public synchronized void swap(AnswerSnapshot next) {
        CorpusAnswers fresh = new CorpusAnswers(next, options, generations, observer);
        if (closed) {
            // closed while the new snapshot was being built: nothing will ask it anything
            fresh.release();
            return;
        }
        current.getAndSet(fresh).release();
    }

    /**
     * Retrieves and answers one question extractively, uncached, so that the embedding model and the JIT have
     * run before the first real user waits on them. A language model is not asked: it would delay readiness
     * by seconds, and it is ready to answer once loaded.
     */
    public void warmUp() {
        using(answers -> {
            answers.warmUp();
            return null;
        });
    }

    public String modelName() {
        return current.get().snapshot().answererName();
    }

    /** The language model's prompt cache for the current corpus; empty when answers are extractive. */
    public Optional<ModelAnswerer.Cache> modelCache() {
        return current.get().snapshot().model().map(ModelAnswerer::cache);
    }

    /**
     * Has the language model read the current corpus into its prompt cache, so that no user pays for it;
     * meanwhile questions are answered extractively. Blocks for as long as that takes (seconds to minutes on a
     * laptop), so servers call it in the background once they are ready.
     */
    public void warmModel() {
        using(answers -> {
            answers.snapshot().model().ifPresent(ModelAnswerer::warm);
            return null;
        });
    }

    /** As {@link #warmModel()}, for the questions the given one stands for: about its article, or about all. */
    public void warmModel(Question question) {
        using(answers -> {
            answers.snapshot().model().ifPresent(model -> question.scope().ifPresentOrElse(model::warm, model::warm));
            return null;
        });
    }

    /** The corpus answered from now; a re-index may replace it with the next call. */
    public Corpus corpus() {
        return current.get().snapshot().corpus();
    }

    /** The plain sentence given when the article does not contain an answer. */
    public String refusal() {
        return refusalFor(corpus());
    }

    public static String refusalFor(Corpus corpus) {
        return corpus.articles().size() == 1 ? refusalFor(corpus.primary())
                : "The articles do not say. I can only answer questions about what they cover.";
    }

    /** The refusal of a question about this one article. */
    public static String refusalFor(Article article) {
        return "The article does not say. I can only answer questions about “" + article.title() + "”.";
    }

    /** Releases the current snapshot; its index closes when the questions still being answered are done. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            current.get().release();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Waits until no question is being answered, at most {@code limit}: after {@link #close()}, what may be
     * closed under the answerers (a language model) must wait for the questions they are still answering.
     *
     * @return true if none is being answered
     */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private <T> T using(Function<CorpusAnswers, T> work) {
        inFlight.incrementAndGet();
        try {
            CorpusAnswers answers = acquire();
            try {
                return work.apply(answers);
            } finally {
                answers.release();
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** As Lucene's ReferenceManager acquires: retry when a swap released the snapshot between read and count. */
    private CorpusAnswers acquire() {
        while (true) {
            if (closed) {
                throw new IllegalStateException("the answering service is closed");
            }
            CorpusAnswers answers = current.get();
            if (answers.tryAcquire()) {
                return answers;
            }
        }
    }
}
