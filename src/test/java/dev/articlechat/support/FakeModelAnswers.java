package dev.articlechat.support;

import dev.articlechat.answer.AnswerObserver;
import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.AnswerSnapshot;
import dev.articlechat.answer.rewrite.QuestionRewriters;
import dev.articlechat.answer.write.ExtractiveAnswerer;
import dev.articlechat.answer.write.GenerationGate;
import dev.articlechat.answer.write.ModelAnswerer;
import dev.articlechat.answer.write.PromptCache;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Embeddings;
import dev.articlechat.retrieve.HybridRetriever;
import dev.articlechat.retrieve.PassageSearcher;
import dev.articlechat.retrieve.QueryEmbedder;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An answer service whose language model is a {@link FakeOpenAiServer} on loopback, read into a prompt cache as
 * the server's model is, with the extractive answer to fall back on: for what the service does while the model
 * reads an article, and after.
 */
public final class FakeModelAnswers implements AutoCloseable {

    private final FakeOpenAiServer model;
    private final PassageSearcher searcher;
    private final ExecutorService calls = Executors.newCachedThreadPool();
    private final AnswerService answers;

    private FakeModelAnswers(FakeOpenAiServer model, PassageSearcher searcher, Corpus corpus, int hotArticles) {
        this.model = model;
        this.searcher = searcher;
        HybridRetriever retriever = new HybridRetriever(searcher, new QueryEmbedder(Embeddings.miniLm()), corpus);
        ModelAnswerer answerer = new ModelAnswerer("cached:fake", OpenAiStreamingChatModel.builder()
                .baseUrl(model.baseUrl()).apiKey("test-key").modelName("fake").build(), corpus,
                new ModelAnswerer.Limits(Duration.ofSeconds(10), 12_000, true), AnswerObserver.NONE, calls,
                new PromptCache(hotArticles));
        this.answers = new AnswerService(new AnswerSnapshot(corpus, retriever, QuestionRewriters.byRule(corpus),
                Optional.of(answerer), new ExtractiveAnswerer(AnswerService.refusalFor(corpus)), null),
                TestApp.OPTIONS, GenerationGate.unlimited(), AnswerObserver.NONE);
    }

    /** Over the shared app's index of the bundled article. */
    public static FakeModelAnswers overSharedIndex(int hotArticles) {
        return over(TestApp.sharedGeneration(), TestApp.shared().answers().corpus(), hotArticles);
    }

    /**
     * @param generation  an index of {@code corpus}
     * @param hotArticles how many articles the model keeps read in its prompt cache at once
     */
    public static FakeModelAnswers over(Path generation, Corpus corpus, int hotArticles) {
        FakeOpenAiServer model = FakeOpenAiServer.start();
        try {
            return new FakeModelAnswers(model, PassageSearcher.open(generation, corpus), corpus, hotArticles);
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException(e);
        }
    }

    public FakeOpenAiServer model() {
        return model;
    }

    public AnswerService answers() {
        return answers;
    }

    @Override
    public void close() throws IOException {
        answers.close();
        searcher.close();
        model.close();
        calls.shutdownNow();
    }
}
