package dev.articlechat.answer;

import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievalQuery;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers questions from one {@link AnswerSnapshot}, with its own answer cache (an answer depends on the
 * corpus it was found in). Reference counted as Lucene's {@code ReferenceManager} counts readers: the service
 * holds one reference, every question in flight holds one more, and the snapshot's resources are closed when
 * the last is released, so a replaced index is closed only after the questions reading it are answered.
 */
final class CorpusAnswers {

    private static final Logger log = LoggerFactory.getLogger(CorpusAnswers.class);
    private static final List<String> TRANSIENT_FAILURES = List.of("model error", "timeout", "cancelled");

    private final AnswerSnapshot snapshot;
    private final AnswerService.Options options;
    private final CitationVerifier verifier;
    private final AnswerCache cache = new AnswerCache(AnswerService.CACHE_SIZE);
    private final AtomicInteger references = new AtomicInteger(1);
    private final GenerationGate generations;
    private final AnswerObserver observer;

    CorpusAnswers(AnswerSnapshot snapshot, AnswerService.Options options, GenerationGate generations,
                  AnswerObserver observer) {
        this.snapshot = snapshot;
        this.options = options;
        this.generations = generations;
        this.observer = observer;
        this.verifier = new CitationVerifier(snapshot.corpus());
    }

    AnswerSnapshot snapshot() {
        return snapshot;
    }

    /** Takes a reference unless the snapshot has already been released for good. */
    boolean tryAcquire() {
        int count;
        do {
            count = references.get();
            if (count <= 0) {
                return false;
            }
        } while (!references.compareAndSet(count, count + 1));
        return true;
    }

    void release() {
        int left = references.decrementAndGet();
        if (left == 0 && snapshot.resources() != null) {
            try {
                snapshot.resources().close();
            } catch (IOException | RuntimeException e) {
                log.warn("Closing a replaced index failed: {}", e.getMessage());
            }
        } else if (left < 0) {
            throw new IllegalStateException("released more often than acquired");
        }
    }

    Answer ask(Question question, AnswerListener listener) {
        long started = System.nanoTime();
        Optional<AnswerCache.Entry> cached = cache.get(question);
        if (cached.isPresent()) {
            Answer answer = cached.get().answer();
            listener.sources(answer.query(), cached.get().sources());
            listener.token(answer.answer());
            observer.answered(answer, true);
            // the time this request took, not the first one's
            return answer.withTimings(new Timings(0, 0, millis(System.nanoTime() - started)));
        }
        try (GenerationGate.Permit slot = generations.enter()) {
            Answer fresh = answerFresh(question, listener, started);
            observer.answered(fresh, false);
            return fresh;
        } catch (GenerationsBusyException e) {
            observer.shed();
            throw e;
        }
    }

    /** @param started when the request came in: its total includes any wait for a generation slot */
    private Answer answerFresh(Question question, AnswerListener listener, long started) {
        long began = System.nanoTime();
        StandaloneQuestion standalone = snapshot.rewriter().rewrite(question);
        Question asked = new Question(standalone.text(), question.history());
        Retrieval retrieval = snapshot.retriever().retrieve(standalone.search(), options.mode(), options.passages(),
                options.contextWindow());
        long retrieved = System.nanoTime();
        String searched = standalone.query();
        List<Source> sources = Source.of(retrieval);
        listener.sources(searched, sources);
        StreamedText streamed = new StreamedText(verifier, retrieval.passages(), listener);
        Answerer answerer = snapshot.answerer();
        Answer answer = answerer == snapshot.fallback()
                ? written(answerer.name(), answerer.draft(asked, retrieval, streamed), retrieval, searched)
                : checkedModelAnswer(asked, retrieval, searched, streamed);
        streamed.finish(answer);
        long done = System.nanoTime();
        Answer fresh = answer.withTimings(new Timings(millis(retrieved - began), millis(done - retrieved),
                millis(done - started)));
        if (!fellBackForAWhile(fresh)) {
            cache.put(question, new AnswerCache.Entry(fresh, sources));
        }
        return fresh;
    }

    /**
     * The model's answer when it passes every check, else the extractive answer with the reason. The extractive
     * answer is made once, first: the check needs it as the reference, and the fallback is it.
     */
    private Answer checkedModelAnswer(Question question, Retrieval retrieval, String searched, DraftSink sentences) {
        Answerer fallback = snapshot.fallback();
        Answer reference = written(fallback.name(), fallback.draft(question, retrieval), retrieval, searched);
        try {
            Draft draft = snapshot.answerer().draft(question, retrieval, sentences);
            Answer answer = written(snapshot.answerer().name(), draft, retrieval, searched);
            if (answer.answered()) {
                requireOnTarget(answer, reference);
            }
            return answer;
        } catch (AnswererException e) {
            log.info("Falling back to {} for \"{}\": {}", fallback.name(), question.text(), e.getMessage());
            return reference.withFallback(e.reason() + ": " + e.getMessage());
        }
    }

    /**
     * A model's answer must rest on the sentence that answers the question best by the article's own
     * evidence, the one the extractive answerer picks. A sentence can be supported word for word by a passage
     * and still answer a different question ("What tariffs did Ottawa impose?" answered with the tariffs the
     * US imposed); and where the extractive answerer finds no answer at all, a fluent one from the model is
     * more likely invented than found.
     */
    private static void requireOnTarget(Answer answer, Answer reference) {
        if (!reference.answered()) {
            throw new AnswererException("off target", "the article's sentences do not answer this question");
        }
        String best = reference.citations().get(0).passageId();
        if (answer.citations().stream().noneMatch(c -> c.passageId().equals(best))) {
            throw new AnswererException("off target", "the answer does not rest on the sentence that answers the"
                    + " question best (" + best + ")");
        }
    }

    /** A model that failed or was slow may answer next time; only a lasting answer is kept. */
    private static boolean fellBackForAWhile(Answer answer) {
        return answer.fallback() != null && TRANSIENT_FAILURES.stream().anyMatch(answer.fallback()::startsWith);
    }

    /** A draft with its citations verified; a draft that claims an answer but cites nothing verifiable fails. */
    private Answer written(String writer, Draft draft, Retrieval retrieval, String searched) {
        if (!draft.answered()) {
            return new Answer(draft.text(), false, List.of(), writer, searched, null, null);
        }
        CitationVerifier.Verified verified = verifier.verify(draft.text(), retrieval.passages());
        if (!verified.cited()) {
            throw new AnswererException("uncited", "no citation in the answer could be verified");
        }
        return new Answer(verified.text(), true, verified.citations(), writer, searched, null, null);
    }

    void warmUp() {
        Question question = Question.of(snapshot.corpus().primary().title());
        snapshot.fallback().draft(question, snapshot.retriever().retrieve(RetrievalQuery.of(question.text()),
                options.mode(), options.passages(), options.contextWindow()));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
