package dev.articlechat.answer;

import static dev.articlechat.answer.AnswerService.refusalFor;

import dev.articlechat.answer.check.Attributor;
import dev.articlechat.answer.check.ReadArticles;
import dev.articlechat.answer.check.Words;
import dev.articlechat.answer.rewrite.StandaloneQuestion;
import dev.articlechat.answer.write.Answerer;
import dev.articlechat.answer.write.AnswererException;
import dev.articlechat.answer.write.ArticlePrompt;
import dev.articlechat.answer.write.Draft;
import dev.articlechat.answer.write.GenerationGate;
import dev.articlechat.answer.write.ModelAnswerer;
import dev.articlechat.ingest.Passage;
import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievalQuery;
import dev.articlechat.retrieve.RetrievedPassage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
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
    private static final int BEST_FOUND = 2;

    private final AnswerSnapshot snapshot;
    private final AnswerService.Options options;
    private final CitationVerifier verifier;
    private final AnswerCache cache = new AnswerCache(AnswerService.CACHE_SIZE);
    private final AtomicInteger references = new AtomicInteger(1);
    private final GenerationGate generations;
    private final AnswerObserver observer;
    private final Words words = new Words();
    private final Attributor attributor;

    CorpusAnswers(AnswerSnapshot snapshot, AnswerService.Options options, GenerationGate generations,
                  AnswerObserver observer) {
        this.snapshot = snapshot;
        this.options = options;
        this.generations = generations;
        this.observer = observer;
        this.verifier = new CitationVerifier(snapshot.corpus());
        this.attributor = new Attributor(words, snapshot.retriever().embedder());
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

    /** @throws UnknownArticleException when the question is scoped to an article that is not served */
    Answer ask(Question question, AnswerListener listener) {
        if (question.scope().isPresent() && snapshot.corpus().article(question.articleId()).isEmpty()) {
            throw new UnknownArticleException(question.articleId());
        }
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
        try (GenerationGate.Permit slot = generations.enter(() -> !listener.cancelled())) {
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
                options.contextWindow(), question.scope());
        long retrieved = System.nanoTime();
        List<Source> sources = Source.of(retrieval);
        listener.sources(standalone.query(), sources);
        Asked asked = new Asked(question, standalone, retrieval);
        Answer answer = write(asked, listener, busy);
        long done = System.nanoTime();
        Answer fresh = answer.withTimings(new Timings(millis(retrieved - began), millis(done - retrieved),
                millis(done - started)));
        if (FallbackReason.of(fresh).map(FallbackReason::lasting).orElse(true)) {
            cache.put(question, new AnswerCache.Entry(fresh, sources));
        }
        return fresh;
    }

    /** Who writes the answer: nobody for a request that is no question, else the model unless it cannot. */
    private Answer write(Asked asked, AnswerListener listener, FallbackReason busy) {
        if (OffTopicRequest.matches(asked.question().text())) {
            observer.refusedUnasked(asked.standalone().text(), "off-topic-request");
            return refusal(asked, new StreamedText(verifier, List.of(), listener));
        }
        if (!QuestionLanguage.isEnglish(asked.question().text())) {
            observer.refusedUnasked(asked.standalone().text(), "not-english");
            return unanswered(asked, QuestionLanguage.ENGLISH_ONLY, new StreamedText(verifier, List.of(), listener));
        }
        if (snapshot.model().isEmpty()) {
            return extractive(asked, listener);
        }
        if (busy != null) {
            return extractive(asked, listener, busy);
        }
        return modelAnswer(snapshot.model().get(), asked, listener);
    }

    /** A question with what retrieval made of it, as every stage after retrieval needs it. */
    private record Asked(Question question, StandaloneQuestion standalone, Retrieval retrieval) {

        String searched() {
            return standalone.query();
        }
    }

    /**
     * The model writes; each sentence it finishes is attributed, verified and rendered at once
     * ({@link CheckedSentences}). When it refuses, or nothing it wrote passes, it takes a second look (below),
     * unless what it wrote came from outside the article. A question naming what the article never mentions is
     * refused unasked: no answer to it could pass.
     * An answer with no sentence left is a refusal; the model's own refusal is trusted. When the model cannot
     * answer, the extractive answer stands in, saying why.
     */
    private Answer modelAnswer(ModelAnswerer model, Asked asked, AnswerListener listener) {
        ArticlePrompt.Material material = model.materialFor(asked.retrieval(), asked.question().scope());
        if (model.cache(material) != ModelAnswerer.Cache.WARM) {
            // reading an article takes a small model longer than an answer may: it reads in the background
            model.warmInBackground(material);
            return extractive(asked, listener, FallbackReason.WARMING);
        }
        List<RetrievedPassage> read = material.passages().stream()
                .map(p -> new RetrievedPassage(p, 0, 0, 0, false)).toList();
        StreamedText streamed = new StreamedText(verifier, read, listener);
        RetrievalQuery search = asked.standalone().search();
        Set<Passage> found = bestFound(asked.retrieval());
        ReadArticles articles = new ReadArticles(words, material.articlesText(snapshot.corpus()), found);
        Optional<String> unknown = articles.unknownName(asked.standalone().text());
        if (unknown.isPresent()) {
            log.info("Refused \"{}\" without asking the model: no answer naming {} could pass",
                    asked.question().text(), unknown.get());
            observer.refusedUnasked(asked.standalone().text(), "unknown-name");
            return refusal(asked, streamed);
        }
        long deadline = model.deadline();
        Question standalone = Question.of(asked.standalone().text());
        CheckedSentences.Judge judge = !model.judges() ? null
                : (sentence, cited) -> model.confirms(material, standalone, sentence, cited, deadline, streamed);
        CheckedSentences checked = new CheckedSentences(attributor, articles, material, asked.standalone().text(),
                search.hasContext() ? search.context() : "", streamed, observer, judge);
        ModelAnswerer.Written written;
        try {
            written = model.write(material, asked.question(), Set.of(), deadline, streamed, checked::take);
            checked.judgeHeld();
        } catch (AnswererException e) {
            FallbackReason reason = FallbackReason.of(e);
            if (!checked.kept().isEmpty() && reason != FallbackReason.CANCELLED) {
                // what was verified before the model failed still answers; the stream has shown it already
                return rendered(model.name(), checked.kept(), read, asked, streamed);
            }
            log.info("Falling back to the extractive answer for \"{}\": {}", asked.question().text(), e.getMessage());
            return extractive(asked, streamed, reason, e.getMessage());
        }
        if (written != ModelAnswerer.Written.EMPTY && checked.kept().isEmpty() && !checked.onlyUnfoundedDropped()
                && !streamed.cancelled() && !ArticlePrompt.pointer(material, found).isEmpty()) {
            written = secondLook(model, material, asked, found, deadline, streamed, checked);
        }
        return switch (written) {
            case EMPTY -> extractive(asked, streamed, FallbackReason.EMPTY, null);
            case REFUSED -> refusal(asked, streamed);
            case ANSWERED -> checked.kept().isEmpty() ? refusal(asked, streamed)
                    : rendered(model.name(), checked.kept(), read, asked, streamed);
        };
    }

    /**
     * The model asked once more, pointed to the sentences retrieval ranked first ({@link ArticlePrompt#pointer}),
     * after it refused or wrote nothing that passed. Reading a whole article, a small model often says the
     * article does not say when the answer is one sentence among many, most of all to a yes-or-no question;
     * pointed to it, it answers. Nothing has been shown yet, so the stream shows only what this look finds,
     * checked as the first was, and with what the question names in one sentence it cites
     * ({@link CheckedSentences#takeAfterPointing}). It still may, and for a question the article does not answer
     * does, refuse again; pointing it there at first instead made its answers longer, slower and, on other
     * questions, worse. A second look that fails or comes to nothing leaves the refusal standing.
     */
    private ModelAnswerer.Written secondLook(ModelAnswerer model, ArticlePrompt.Material material, Asked asked,
                                             Set<Passage> found, long deadline, StreamedText streamed,
                                             CheckedSentences checked) {
        try {
            ModelAnswerer.Written again = model.write(material, asked.question(), found, deadline, streamed,
                    checked::takeAfterPointing);
            checked.judgeHeld();
            return again == ModelAnswerer.Written.EMPTY ? ModelAnswerer.Written.REFUSED : again;
        } catch (AnswererException e) {
            log.info("A second look at \"{}\" failed, so the refusal stands: {}", asked.question().text(),
                    e.getMessage());
            return ModelAnswerer.Written.REFUSED;
        }
    }

    private Answer rendered(String writer, List<String> sentences, List<RetrievedPassage> read, Asked asked,
                            StreamedText streamed) {
        Answer answer = written(writer, new Draft(String.join(" ", sentences), true), read, asked);
        streamed.finish(answer);
        return answer;
    }

    /** The plain refusal: the article does not say, or the request is no question about it. */
    private Answer refusal(Asked asked, StreamedText streamed) {
        return unanswered(asked, refusal(asked.question()), streamed);
    }

    /** No answer, saying why in {@code text}. */
    private Answer unanswered(Asked asked, String text, StreamedText streamed) {
        Answer refusal = new Answer(text, false, List.of(), snapshot.answererName(), asked.searched(), null, null);
        streamed.finish(refusal);
        return refusal;
    }

    /** The extractive answer, streamed sentence by sentence. */
    private Answer extractive(Asked asked, AnswerListener listener) {
        StreamedText streamed = new StreamedText(verifier, asked.retrieval().passages(), listener);
        Answerer extractive = snapshot.extractive();
        Answer answer = written(extractive.name(), extractive.draft(asked.standalone().asQuestion(asked.question()),
                asked.retrieval(), streamed), asked.retrieval().passages(), asked);
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
                asked.retrieval()), asked.retrieval().passages(), asked).withFallback(reason.describe(detail));
        streamed.finish(answer);
        return answer;
    }

    private Answer extractive(Asked asked, AnswerListener listener, FallbackReason reason) {
        return extractive(asked, new StreamedText(verifier, asked.retrieval().passages(), listener), reason, null);
    }

    /**
     * A draft with its citations verified; a draft that claims an answer but cites nothing verifiable fails. A
     * draft that does not answer is the plain refusal of what was asked about.
     */
    private Answer written(String writer, Draft draft, List<RetrievedPassage> sources, Asked asked) {
        if (!draft.answered()) {
            return new Answer(refusal(asked.question()), false, List.of(), writer, asked.searched(), null, null);
        }
        CitationVerifier.Verified verified = verifier.verify(draft.text(), sources);
        if (!verified.cited()) {
            return new Answer(refusal(asked.question()), false, List.of(), writer, asked.searched(), null, null);
        }
        return new Answer(verified.text(), true, verified.citations(), writer, asked.searched(), null, null);
    }

    /** The plain sentence saying the article asked about (or none of the articles) does not say. */
    private String refusal(Question question) {
        return question.scope().flatMap(snapshot.corpus()::article)
                .map(AnswerService::refusalFor)
                .orElseGet(() -> refusalFor(snapshot.corpus()));
    }

    void warmUp() {
        Question question = Question.of(snapshot.corpus().primary().title());
        snapshot.extractive().draft(question, snapshot.retriever().retrieve(RetrievalQuery.of(question.text()),
                options.mode(), options.passages(), options.contextWindow(), question.scope()));
    }

    /**
     * The passages retrieval ranked first for the question, its own hits and not their neighbours: a written
     * sentence resting on one of them answers this question. Two, since the model often answers from the second.
     */
    private static Set<Passage> bestFound(Retrieval retrieval) {
        return retrieval.passages().stream().filter(p -> !p.context()).limit(BEST_FOUND)
                .map(RetrievedPassage::passage).collect(Collectors.toSet());
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
