package dev.articlechat;

import dev.articlechat.answer.AnswerObserver;
import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.AnswerSnapshot;
import dev.articlechat.answer.rewrite.QuestionRewriter;
import dev.articlechat.answer.rewrite.QuestionRewriters;
import dev.articlechat.answer.write.Answerer;
import dev.articlechat.answer.write.ExtractiveAnswerer;
import dev.articlechat.answer.write.GenerationGate;
import dev.articlechat.answer.write.ModelAnswerer;
import dev.articlechat.answer.write.PromptCache;
import dev.articlechat.ingest.ArticleLoader;
import dev.articlechat.ingest.ArticleStore;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Embeddings;
import dev.articlechat.ingest.IndexGenerations;
import dev.articlechat.ingest.PassageIndexer;
import dev.articlechat.metrics.Metrics;
import dev.articlechat.model.LanguageModel;
import dev.articlechat.model.LanguageModels;
import dev.articlechat.retrieve.HybridRetriever;
import dev.articlechat.retrieve.PassageSearcher;
import dev.articlechat.retrieve.QueryEmbedder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the only place that builds real objects and wires them together. It loads the
 * articles, makes sure the index on disk matches them, opens it and assembles the answering service; and it
 * re-indexes: a new index generation, built beside the served one and swapped in whole.
 */
public final class ArticleChat implements Closeable {

    /**
     * Beyond the server's own grace, which answers to requests have had: what is still running then (a warm-up of
     * the prompt cache, an answer past the grace) is stopped rather than waited for.
     */
    private static final Duration MODEL_CLOSE_WAIT = Duration.ofSeconds(1);
    /** Room in a model's context for the conversation and the question, beside the articles and the answer. */
    private static final int CONVERSATION_TOKENS = 700;
    private static final Logger log = LoggerFactory.getLogger(ArticleChat.class);

    private final Settings settings;
    private final EmbeddingModel embeddings;
    private final PassageIndexer indexer;
    private final IndexGenerations generations;
    private final LanguageModels.Opened languageModel;
    /** Which articles the language model holds read; outlives re-indexes, as the model does. */
    private final PromptCache prompts;
    private final Metrics metrics = new Metrics();
    /** The metrics, and whatever else the opener asked to be told (the eval's per-check counts). */
    private final AnswerObserver observer;
    /** Runs every call to the language model, for every index generation; shut down on close. */
    private final ExecutorService modelCalls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "model-call");
        thread.setDaemon(true);
        return thread;
    });
    private final AnswerService answers;

    private ArticleChat(Settings settings, EmbeddingModel embeddings, IndexGenerations generations, Path served,
                        Corpus corpus, LanguageModels.Opened languageModel, AnswerObserver also) throws IOException {
        this.settings = settings;
        this.observer = also == AnswerObserver.NONE ? metrics : new CompositeAnswerObserver(List.of(metrics, also));
        this.embeddings = embeddings;
        this.indexer = new PassageIndexer(embeddings, Embeddings.MODEL_NAME);
        this.generations = generations;
        this.languageModel = languageModel;
        this.prompts = new PromptCache(settings.chatModel().hotArticles());
        GenerationGate gate = generationGate(settings, languageModel);
        metrics.watch(gate);
        this.answers = new AnswerService(snapshot(corpus, served), new AnswerService.Options(settings.mode(),
                settings.passages(), settings.contextWindow()), gate, observer);
    }

    /** Builds the index if it is missing or stale, then opens everything needed to answer. */
    public static ArticleChat open(Settings settings) {
        return open(settings, AnswerObserver.NONE);
    }

    /**
     * As {@link #open(Settings)}, with {@code also} told what answering does beside the server's metrics: the eval
     * counts the sentences each check drops this way.
     */
    public static ArticleChat open(Settings settings, AnswerObserver also) {
        Corpus corpus = load(settings);
        EmbeddingModel embeddings = Embeddings.miniLm();
        IndexGenerations generations = new IndexGenerations(settings.indexDir());
        try {
            Path served = generations.ensure(new PassageIndexer(embeddings, Embeddings.MODEL_NAME), corpus);
            generations.deleteAllBut(served);
            return new ArticleChat(settings, embeddings, generations, served, corpus,
                    LanguageModels.open(settings.chatModel()), also);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + settings.indexDir(), e);
        }
    }

    /** Builds the index from the settings' articles into a new generation, and removes the older ones. */
    public static int rebuildIndex(Settings settings) throws IOException {
        Corpus corpus = load(settings);
        IndexGenerations generations = new IndexGenerations(settings.indexDir());
        Path built = generations.build(new PassageIndexer(Embeddings.miniLm(), Embeddings.MODEL_NAME), corpus);
        generations.deleteAllBut(built);
        return corpus.passages().size();
    }

    /**
     * Re-reads the articles, builds them into a new index generation and swaps it in. Until the swap, questions
     * are answered from the old index; a failure leaves it serving. The old generation is closed and deleted
     * when the last question using it is answered.
     *
     * @return the passages now served
     */
    public synchronized int reindex() throws IOException {
        Corpus corpus = load(settings);
        Path built = generations.build(indexer, corpus);
        AnswerSnapshot next;
        try {
            next = snapshot(corpus, built);
        } catch (IOException | RuntimeException e) {
            generations.delete(built);
            throw e;
        }
        answers.swap(next);
        warmModelInBackground();
        return corpus.passages().size();
    }

    /** The articles given on the command line (or the bundled one), and the ones added while serving. */
    public static Corpus load(Settings settings) {
        Corpus corpus = new ArticleLoader().load(settings.articles(),
                store(settings).map(ArticleStore::list).orElse(List.of()));
        long added = corpus.articles().stream().filter(a -> !corpus.isGiven(a.id())).count();
        // every command (serve, ask, eval, index) reads the data directory too: say so, lest its articles go unseen
        log.info("{} articles: {} given at start, {} added in {}", corpus.articles().size(),
                corpus.articles().size() - added, added, settings.dataDir() == null ? "no data directory"
                        : settings.dataDir().resolve("articles"));
        return corpus;
    }

    /** Where articles added while serving are kept; empty when this server has no data directory. */
    public static Optional<ArticleStore> store(Settings settings) {
        return Optional.ofNullable(settings.dataDir()).map(ArticleStore::new);
    }

    /** Everything answers derive from one generation; once replaced and released, the generation is deleted. */
    private AnswerSnapshot snapshot(Corpus corpus, Path generation) throws IOException {
        PassageSearcher searcher = PassageSearcher.open(generation, corpus);
        HybridRetriever retriever = new HybridRetriever(searcher, new QueryEmbedder(embeddings), corpus);
        Answerer extractive = new ExtractiveAnswerer(AnswerService.refusalFor(corpus));
        Optional<ModelAnswerer> model = languageModel.model().map(m -> new ModelAnswerer(m.name(), m.streaming(),
                corpus, modelLimits(m), observer, modelCalls, prompts));
        QuestionRewriter rewriter = QuestionRewriters.forModel(languageModel.model()
                .filter(m -> !isLocal(m)).map(LanguageModel::chat), corpus, settings.chatModel().timeout(), modelCalls);
        return new AnswerSnapshot(corpus, retriever, rewriter, model, extractive, () -> {
            searcher.close();
            if (!answers.isClosed()) {
                // replaced by a newer generation, not closed with the server: nothing will open it again
                generations.delete(generation);
            }
        });
    }

    /**
     * How much article a model reads whole: what its context holds beside the answer and a conversation, at
     * about three characters a token (news English runs nearer four; the margin is for names and numbers).
     * A model in process keeps the articles in its prompt cache; a hosted one is sent them with every question.
     */
    private ModelAnswerer.Limits modelLimits(LanguageModel model) {
        int tokens = settings.chatModel().contextSize() - settings.chatModel().maxTokens() - CONVERSATION_TOKENS;
        return new ModelAnswerer.Limits(settings.chatModel().timeout(), Math.max(0, tokens * 3), isLocal(model),
                settings.chatModel().judge());
    }

    /** A local model's rewrites would evict the articles from its one prompt cache; rules rewrite instead. */
    private static boolean isLocal(LanguageModel model) {
        return model.name().startsWith("local:");
    }

    /**
     * The extractive answerer is cheap and not limited. A model's answers queue for a slot for at most as long as
     * one answer may take: a question that waited longer would be answered after its asker gave up.
     */
    private static GenerationGate generationGate(Settings settings, LanguageModels.Opened languageModel) {
        if (languageModel.model().isEmpty()) {
            return GenerationGate.unlimited();
        }
        boolean local = isLocal(languageModel.model().get());
        return new GenerationGate(settings.generations().concurrentFor(local), settings.generations().queue(),
                settings.chatModel().timeout());
    }

    /**
     * Has the language model read the served articles into its prompt cache on a thread of its own; until it
     * has, questions get the extractive answer, saying why. A reader of ~1,000 tokens takes ~20 s on 2 cores.
     */
    public void warmModelInBackground() {
        if (answers.modelCache().orElse(ModelAnswerer.Cache.WARM) != ModelAnswerer.Cache.COLD) {
            return;
        }
        Thread warming = new Thread(() -> {
            long started = System.nanoTime();
            try {
                answers.warmModel();
                log.info("The language model has read the articles in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Warming the language model's prompt cache failed: {}", e.getMessage());
            }
        }, "model-warm-up");
        warming.setDaemon(true);
        warming.start();
    }

    public AnswerService answers() {
        return answers;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Whether questions can be answered: the index is open and an answerer is in place. */
    public boolean ready() {
        return !answers.isClosed();
    }

    /** Why the configured language model is not answering, or null when it is (or none was asked for). */
    public String languageModelProblem() {
        return languageModel.problem();
    }

    /**
     * Refuses new questions, gives the ones being answered a moment, then stops the language model (which cancels
     * what it is still generating, a prompt-cache warm-up included, and waits for its native loop: a process that
     * exits under a computing llama.cpp crashes); the index closes once the last question has let go of it.
     */
    @Override
    public void close() throws IOException {
        answers.close();
        metrics.close();
        modelCalls.shutdown(); // calls still running finish; no new ones start
        if (languageModel.model().isPresent()) {
            try {
                if (!answers.awaitIdle(MODEL_CLOSE_WAIT)) {
                    log.info("Answers still being written after {} s; the language model stops them",
                            MODEL_CLOSE_WAIT.toSeconds());
                }
                languageModel.model().get().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IOException("closing the language model failed", e);
            }
        }
    }
}
