package dev.articlechat.answer;

import static dev.articlechat.answer.AnswerService.refusalFor;

import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievalQuery;
import java.io.IOException;
import dev.articlechat.retrieve.RetrievedPassage;
import java.util.ArrayList;
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

    private final AnswerSnapshot snapshot;
    private final AnswerService.Options options;
    private final CitationVerifier verifier;
    private final AnswerCache cache = new AnswerCache(AnswerService.CACHE_SIZE);
    private final AtomicInteger references = new AtomicInteger(1);
    private final GenerationGate generations;
    private final AnswerObserver observer;
    private final Attributor attributor;
    private final SentenceVerifier sentenceVerifier;

    CorpusAnswers(AnswerSnapshot snapshot, AnswerService.Options options, GenerationGate generations,
                  AnswerObserver observer) {
        this.snapshot = snapshot;
        this.options = options;
        this.generations = generations;
        this.observer = observer;
        this.verifier = new CitationVerifier(snapshot.corpus());
        Words words = new Words();
        this.attributor = new Attributor(words, snapshot.retriever().embedder());
        StringBuilder text = new StringBuilder();
        snapshot.corpus().articles().forEach(a -> text.append(a.text()).append('\n'));
        this.sentenceVerifier = new SentenceVerifier(words, Words.lowerCaseWords(text.toString()));
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
        Answer fresh;
        try (GenerationGate.Permit slot = generations.enter()) {
            fresh = answerFresh(question, listener, started, null);
        } catch (GenerationsBusyException e) {
            observer.shed();
            if (snapshot.model().isEmpty()) {
                throw e;
            }
            // the extractive answer costs milliseconds and needs no slot
            fresh = answerFresh(question, listener, started, FallbackReason.BUSY);
        }
        observer.answered(fresh, false);
        return fresh;
    }

    /**
     * A question's trip: rewrite a follow-up to stand alone, retrieve, then have the model write, attribute and
     * verify sentence by sentence (or answer extractively), and render with checked citations.
     *
     * @param started when the request came in: its total includes any wait for a generation slot
     * @param busy    why the model is not to be asked at all, or null
     */
    private Answer answerFresh(Question question, AnswerListener listener, long started, FallbackReason busy) {
        long began = System.nanoTime();
        StandaloneQuestion standalone = snapshot.rewriter().rewrite(question);
        Retrieval retrieval = snapshot.retriever().retrieve(standalone.search(), options.mode(), options.passages(),
                options.contextWindow());
        long retrieved = System.nanoTime();
        List<Source> sources = Source.of(retrieval);
        listener.sources(standalone.query(), sources);
        Asked asked = new Asked(question, standalone, retrieval);
        Answer answer = OffTopicRequest.matches(question.text()) ? refusal(asked, listener) : snapshot.model()
                .map(model -> busy != null ? extractive(asked, listener, busy) : modelAnswer(model, asked, listener))
                .orElseGet(() -> extractive(asked, listener));
        long done = System.nanoTime();
        Answer fresh = answer.withTimings(new Timings(millis(retrieved - began), millis(done - retrieved),
                millis(done - started)));
        if (fresh.fallback() == null || fallbackLasts(fresh)) {
            cache.put(question, new AnswerCache.Entry(fresh, sources));
        }
        return fresh;
    }

    /** A question with what retrieval made of it, as every stage after retrieval needs it. */
    private record Asked(Question question, StandaloneQuestion standalone, Retrieval retrieval) {

        String searched() {
            return standalone.query();
        }
    }

    /**
     * The model writes; each sentence it finishes is attributed to the article sentences it rests on, verified
     * against them and, if it passes, rendered and streamed at once. A sentence that fails is dropped; an answer
     * with nothing left is a refusal. The model's own refusal is trusted.
     */
    private Answer modelAnswer(ModelAnswerer model, Asked asked, AnswerListener listener) {
        if (model.cache() == ModelAnswerer.Cache.WARMING) {
            return extractive(asked, listener, FallbackReason.WARMING);
        }
        ArticlePrompt.Material material = model.materialFor(asked.retrieval());
        List<RetrievedPassage> read = material.passages().stream()
                .map(p -> new RetrievedPassage(p, 0, 0, 0, false)).toList();
        StreamedText streamed = new StreamedText(verifier, read, listener);
        String question = asked.standalone().text();
        Attributor.Relevance relevance = attributor.relevanceTo(question, material.passages());
        List<String> kept = new ArrayList<>();
        ModelAnswerer.Written written;
        try {
            written = model.write(material, asked.question(), streamed, sentence -> {
                String claim = CitationMarkers.strip(sentence).strip();
                List<Attributor.Candidate> candidates = attributor.attribute(claim, material.passages(),
                        CitationMarkers.cited(sentence));
                SentenceVerifier.Verdict verdict = sentenceVerifier.verify(claim, candidates, question, relevance);
                log.debug("\"{}\": {}, from {}", claim, verdict, candidates.subList(0, Math.min(3, candidates.size())));
                if (verdict.isSupported()) {
                    String marked = CitationMarkers.mark(claim, verdict.cited().stream()
                            .map(p -> material.passages().indexOf(p) + 1).toList());
                    kept.add(marked);
                    streamed.sentence(marked);
                } else {
                    log.info("Dropped a sentence of the model's answer to \"{}\": {}", question, verdict.problem());
                }
                return !streamed.cancelled();
            });
        } catch (AnswererException e) {
            FallbackReason reason = FallbackReason.of(e);
            if (!kept.isEmpty() && reason != FallbackReason.CANCELLED) {
                // what was verified before the model failed still answers; the stream has shown it already
                return rendered(model.name(), kept, read, asked.searched(), streamed);
            }
            log.info("Falling back to the extractive answer for \"{}\": {}", question, e.getMessage());
            return extractive(asked, streamed, reason, e.getMessage());
        }
        if (written == ModelAnswerer.Written.EMPTY) {
            return extractive(asked, streamed, FallbackReason.EMPTY, null);
        }
        if (written == ModelAnswerer.Written.REFUSED || kept.isEmpty()) {
            Answer refusal = new Answer(refusalFor(snapshot.corpus()), false, List.of(), model.name(),
                    asked.searched(), null, null);
            streamed.finish(refusal);
            return refusal;
        }
        return rendered(model.name(), kept, read, asked.searched(), streamed);
    }

    private Answer rendered(String writer, List<String> sentences, List<RetrievedPassage> read, String searched,
                            StreamedText streamed) {
        Answer answer = written(writer, new Draft(String.join(" ", sentences), true), read, searched);
        streamed.finish(answer);
        return answer;
    }

    /** The plain refusal, for a request that is no question about the article. */
    private Answer refusal(Asked asked, AnswerListener listener) {
        Answer refusal = new Answer(refusalFor(snapshot.corpus()), false, List.of(), snapshot.answererName(),
                asked.searched(), null, null);
        new StreamedText(verifier, List.of(), listener).finish(refusal);
        return refusal;
    }

    /** The extractive answer, streamed sentence by sentence. */
    private Answer extractive(Asked asked, AnswerListener listener) {
        StreamedText streamed = new StreamedText(verifier, asked.retrieval().passages(), listener);
        Answerer extractive = snapshot.extractive();
        Answer answer = written(extractive.name(), extractive.draft(asked.standalone().asQuestion(asked.question()),
                asked.retrieval(), streamed), asked.retrieval().passages(), asked.searched());
        streamed.finish(answer);
        return answer;
    }

    /**
     * The extractive answer in place of the model's, saying why. It is not streamed sentence by sentence: the
     * final answer event replaces whatever the model's stream showed.
     */
    private Answer extractive(Asked asked, StreamedText streamed, FallbackReason reason, String detail) {
        Answerer extractive = snapshot.extractive();
        Answer answer = written(extractive.name(), extractive.draft(asked.standalone().asQuestion(asked.question()),
                asked.retrieval()), asked.retrieval().passages(), asked.searched()).withFallback(reason.describe(detail));
        streamed.finish(answer);
        return answer;
    }

    private Answer extractive(Asked asked, AnswerListener listener, FallbackReason reason) {
        return extractive(asked, new StreamedText(verifier, asked.retrieval().passages(), listener), reason, null);
    }

    private static boolean fallbackLasts(Answer answer) {
        return answer.fallback().startsWith(FallbackReason.EMPTY.code());
    }

    /** A draft with its citations verified; a draft that claims an answer but cites nothing verifiable fails. */
    private Answer written(String writer, Draft draft, List<RetrievedPassage> sources, String searched) {
        if (!draft.answered()) {
            return new Answer(draft.text(), false, List.of(), writer, searched, null, null);
        }
        CitationVerifier.Verified verified = verifier.verify(draft.text(), sources);
        if (!verified.cited()) {
            return new Answer(refusalFor(snapshot.corpus()), false, List.of(), writer, searched, null, null);
        }
        return new Answer(verified.text(), true, verified.citations(), writer, searched, null, null);
    }

    void warmUp() {
        Question question = Question.of(snapshot.corpus().primary().title());
        snapshot.extractive().draft(question, snapshot.retriever().retrieve(RetrievalQuery.of(question.text()),
                options.mode(), options.passages(), options.contextWindow()));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
