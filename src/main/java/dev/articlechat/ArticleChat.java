package dev.articlechat;

import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.Answerer;
import dev.articlechat.answer.ChatModelAnswerer;
import dev.articlechat.answer.ExtractiveAnswerer;
import dev.articlechat.answer.GenerationGate;
import dev.articlechat.answer.QuestionRewriter;
import dev.articlechat.answer.QuestionRewriters;
import dev.articlechat.ingest.ArticleLoader;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Embeddings;
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

/**
 * The composition root: the only place that builds real objects and wires them together. It loads the
 * articles, makes sure the index on disk matches them, opens it and assembles the answering service.
 */
public final class ArticleChat implements Closeable {

    private final PassageSearcher searcher;
    private final AnswerService answers;
    private final LanguageModels.Opened languageModel;
    private final Metrics metrics;
    private volatile boolean open = true;

    private ArticleChat(PassageSearcher searcher, AnswerService answers, LanguageModels.Opened languageModel,
                        Metrics metrics) {
        this.searcher = searcher;
        this.answers = answers;
        this.languageModel = languageModel;
        this.metrics = metrics;
    }

    /** Builds the index if it is missing or stale, then opens everything needed to answer. */
    public static ArticleChat open(Settings settings) {
        Corpus corpus = new ArticleLoader().load(settings.articles());
        EmbeddingModel embeddings = Embeddings.miniLm();
        Metrics metrics = new Metrics();
        try {
            new PassageIndexer(embeddings, Embeddings.MODEL_NAME).ensureIndex(corpus, settings.indexDir());
            PassageSearcher searcher = PassageSearcher.open(settings.indexDir());
            HybridRetriever retriever = new HybridRetriever(searcher, new QueryEmbedder(embeddings), corpus.passages());
            String refusal = AnswerService.refusalFor(corpus);
            Answerer extractive = new ExtractiveAnswerer(refusal);
            LanguageModels.Opened languageModel = LanguageModels.open(settings.chatModel());
            Answerer answerer = languageModel.model()
                    .<Answerer>map(model -> new ChatModelAnswerer(model.name(), model.chat(), model.streaming(), corpus.primary().title(),
                            settings.chatModel().timeout(), metrics))
                    .orElse(extractive);
            GenerationGate generations = generationGate(settings, languageModel);
            metrics.watch(generations);
            QuestionRewriter rewriter = QuestionRewriters.forModel(languageModel.model().map(LanguageModel::chat),
                    corpus, settings.chatModel().timeout());
            AnswerService answers = new AnswerService(corpus, retriever, rewriter, answerer, extractive,
                    new AnswerService.Options(settings.mode(), settings.passages(), settings.contextWindow()),
                    generations, metrics);
            return new ArticleChat(searcher, answers, languageModel, metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + settings.indexDir(), e);
        }
    }

    /**
     * The extractive answerer is cheap and not limited. A model's answers queue for a slot for at most as long as
     * one answer may take: a question that waited longer would be answered after its asker gave up.
     */
    private static GenerationGate generationGate(Settings settings, LanguageModels.Opened languageModel) {
        if (languageModel.model().isEmpty()) {
            return GenerationGate.unlimited();
        }
        boolean local = languageModel.model().get().name().startsWith("local:");
        return new GenerationGate(settings.generations().concurrentFor(local), settings.generations().queue(),
                settings.chatModel().timeout());
    }

    /** Builds the index from the settings' articles, replacing whatever is there. */
    public static int rebuildIndex(Settings settings) throws IOException {
        Corpus corpus = new ArticleLoader().load(settings.articles());
        new PassageIndexer(Embeddings.miniLm(), Embeddings.MODEL_NAME)
                .build(corpus, settings.indexDir());
        return corpus.passages().size();
    }

    public AnswerService answers() {
        return answers;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Whether questions can be answered: the index is open and an answerer is in place. */
    public boolean ready() {
        return open;
    }

    /** Why the configured language model is not answering, or null when it is (or none was asked for). */
    public String languageModelProblem() {
        return languageModel.problem();
    }

    @Override
    public void close() throws IOException {
        open = false;
        metrics.close();
        searcher.close();
        if (languageModel.model().isPresent()) {
            try {
                languageModel.model().get().close();
            } catch (Exception e) {
                throw new IOException("closing the language model failed", e);
            }
        }
    }
}
