package dev.articlechat.answer;

import dev.articlechat.ingest.Corpus;
import dev.articlechat.retrieve.HybridRetriever;
import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievalMode;
import dev.articlechat.retrieve.RetrievalQuery;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers questions about the corpus: make a follow-up stand on its own, retrieve passages, let the answerer
 * draft an answer, verify every citation against the article. The one service every adapter (HTTP, command
 * line, eval) talks to.
 */
public final class AnswerService {

    /** Retrieval settings that shape every answer. */
    public record Options(RetrievalMode mode, int passages, int contextWindow) {
    }

    static final int CACHE_SIZE = 1024;

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);
    private static final List<String> TRANSIENT_FAILURES = List.of("model error", "timeout", "cancelled");

    private final Corpus corpus;
    private final HybridRetriever retriever;
    private final QuestionRewriter rewriter;
    private final Answerer answerer;
    private final Answerer fallback;
    private final CitationVerifier verifier;
    private final Options options;
    private final AnswerCache cache = new AnswerCache(CACHE_SIZE);
    private final GenerationGate generations;
    private final AnswerObserver observer;

    /**
     * @param rewriter turns follow-ups into questions that stand on their own, before retrieval
     * @param answerer writes answers
     * @param fallback writes the answer instead when {@code answerer} fails or is not supported by the
     *                 article (the extractive answerer, which always can); may be the same as {@code answerer}
     */
    public AnswerService(Corpus corpus, HybridRetriever retriever, QuestionRewriter rewriter, Answerer answerer,
                         Answerer fallback, Options options) {
        this(corpus, retriever, rewriter, answerer, fallback, options, GenerationGate.unlimited(), AnswerObserver.NONE);
    }

    /**
     * @param generations how many answers may be written at once (the rewriting and drafting of a question that
     *                    is not in the cache); beyond it questions are turned away with
     *                    {@link GenerationsBusyException}
     * @param observer    told of every answer, for metrics
     */
    public AnswerService(Corpus corpus, HybridRetriever retriever, QuestionRewriter rewriter, Answerer answerer,
                         Answerer fallback, Options options, GenerationGate generations, AnswerObserver observer) {
        this.generations = generations;
        this.observer = observer;
        this.corpus = corpus;
        this.retriever = retriever;
        this.rewriter = rewriter;
        this.answerer = answerer;
        this.fallback = fallback;
        this.verifier = new CitationVerifier(corpus);
        this.options = options;
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
        StandaloneQuestion standalone = rewriter.rewrite(question);
        Question asked = new Question(standalone.text(), question.history());
        Retrieval retrieval = retriever.retrieve(standalone.search(), options.mode(), options.passages(),
                options.contextWindow());
        long retrieved = System.nanoTime();
        String searched = standalone.query();
        List<Source> sources = Source.of(retrieval);
        listener.sources(searched, sources);
        StreamedText streamed = new StreamedText(verifier, retrieval.passages(), listener);
        Answer answer = answerer == fallback
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
        Answer reference = written(fallback.name(), fallback.draft(question, retrieval), retrieval, searched);
        try {
            Draft draft = answerer.draft(question, retrieval, sentences);
            Answer answer = written(answerer.name(), draft, retrieval, searched);
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

    /**
     * Retrieves and answers one question extractively, uncached, so that the embedding model and the JIT have
     * run before the first real user waits on them. A language model is not asked: it would delay readiness
     * by seconds, and it is ready to answer once loaded.
     */
    public void warmUp() {
        Question question = Question.of(corpus.primary().title());
        fallback.draft(question, retriever.retrieve(RetrievalQuery.of(question.text()), options.mode(),
                options.passages(), options.contextWindow()));
    }

    public String modelName() {
        return answerer.name();
    }

    public Corpus corpus() {
        return corpus;
    }

    /** The plain sentence given when the article does not contain an answer. */
    public String refusal() {
        return refusalFor(corpus);
    }

    public static String refusalFor(Corpus corpus) {
        return corpus.articles().size() == 1
                ? "The article does not say. I can only answer questions about “" + corpus.primary().title() + "”."
                : "The articles do not say. I can only answer questions about what they cover.";
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
