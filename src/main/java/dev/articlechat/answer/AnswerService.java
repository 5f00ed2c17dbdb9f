package dev.articlechat.answer;

import dev.articlechat.ingest.Corpus;
import dev.articlechat.retrieve.HybridRetriever;
import dev.articlechat.retrieve.Retrieval;
import dev.articlechat.retrieve.RetrievalMode;
import dev.articlechat.retrieve.RetrievalQuery;
import java.util.List;
import java.util.Optional;

/**
 * Answers questions about the corpus: retrieve passages, let the answerer draft an answer, verify every
 * citation against the article. The one service every adapter (HTTP, command line, eval) talks to.
 */
public final class AnswerService {

    /** Retrieval settings that shape every answer. */
    public record Options(RetrievalMode mode, int passages, int contextWindow) {
    }

    static final int CACHE_SIZE = 1024;

    private final Corpus corpus;
    private final HybridRetriever retriever;
    private final Answerer answerer;
    private final CitationVerifier verifier;
    private final Options options;
    private final AnswerCache cache = new AnswerCache(CACHE_SIZE);

    public AnswerService(Corpus corpus, HybridRetriever retriever, Answerer answerer, Options options) {
        this.corpus = corpus;
        this.retriever = retriever;
        this.answerer = answerer;
        this.verifier = new CitationVerifier(corpus);
        this.options = options;
    }

    public Answer ask(Question question) {
        long started = System.nanoTime();
        Optional<Answer> cached = cache.get(question);
        if (cached.isPresent()) {
            // the time this request took, not the first one's
            return cached.get().withTimings(new Timings(0, 0, millis(System.nanoTime() - started)));
        }
        Answer fresh = answer(question);
        cache.put(question, fresh);
        return fresh;
    }

    private Answer answer(Question question) {
        long started = System.nanoTime();
        RetrievalQuery query = ConversationContext.queryFor(question);
        Retrieval retrieval = retriever.retrieve(query, options.mode(), options.passages(), options.contextWindow());
        long retrieved = System.nanoTime();
        Draft draft = answerer.draft(question, retrieval);
        long generated = System.nanoTime();
        String searched = query.hasContext() ? query.context() + " " + query.question() : query.question();
        if (!draft.answered()) {
            return answer(draft.text(), false, List.of(), searched, started, retrieved, generated);
        }
        CitationVerifier.Verified verified = verifier.verify(draft.text(), retrieval.passages());
        if (!verified.cited()) {
            // An answer that no passage of the article backs is not shown: say so instead.
            return answer(refusal(), false, List.of(), searched, started, retrieved, generated);
        }
        return answer(verified.text(), true, verified.citations(), searched, started, retrieved, generated);
    }

    /**
     * Answers one question without caching it, so that the embedding model and the JIT have run before the
     * first real user waits on them.
     */
    public void warmUp() {
        answer(Question.of(corpus.primary().title()));
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

    private Answer answer(String text, boolean answered, List<Citation> citations, String query,
                          long started, long retrieved, long generated) {
        long done = System.nanoTime();
        Timings timings = new Timings(millis(retrieved - started), millis(generated - retrieved), millis(done - started));
        return new Answer(text, answered, citations, answerer.name(), query, timings);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
