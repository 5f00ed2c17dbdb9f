package dev.articlechat.support;

import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.answer.AnswerObserver;
import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.AnswerSnapshot;
import dev.articlechat.answer.rewrite.QuestionRewriters;
import dev.articlechat.answer.write.Answerer;
import dev.articlechat.answer.write.GenerationGate;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Embeddings;
import dev.articlechat.ingest.IndexGenerations;
import dev.articlechat.model.ChatModelSettings;
import dev.articlechat.retrieve.HybridRetriever;
import dev.articlechat.retrieve.PassageSearcher;
import dev.articlechat.retrieve.QueryEmbedder;
import dev.articlechat.retrieve.RetrievalMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real application over the bundled article, with its index in a fresh temporary directory.
 * Built once per JVM: indexing embeds every sentence, and the tests only read from it.
 */
public final class TestApp {

    /** Retrieval as the command line's defaults have it. */
    public static final AnswerService.Options OPTIONS = new AnswerService.Options(RetrievalMode.HYBRID, 8, 0);

    private static ArticleChat shared;
    private static Path sharedIndexDir;

    private TestApp() {
    }

    public static synchronized ArticleChat shared() {
        if (shared == null) {
            sharedIndexDir = temporaryIndexDir();
            shared = ArticleChat.open(settings(sharedIndexDir, List.of()));
        }
        return shared;
    }

    /** Where the shared app's index lives (its generations). */
    public static synchronized Path sharedIndexDir() {
        shared();
        return sharedIndexDir;
    }

    /** The shared app's index generation, to open searchers of one's own over. */
    public static Path sharedGeneration() {
        return new IndexGenerations(sharedIndexDir()).newestComplete().orElseThrow();
    }

    /**
     * A service over the shared index that answers with {@code answerer} and no language model: for answerers
     * that are slow or fail in ways the service does not expect. Its searcher stays open for the JVM.
     */
    public static synchronized AnswerService answeringWith(Answerer answerer) {
        Corpus corpus = shared().answers().corpus();
        try {
            HybridRetriever retriever = new HybridRetriever(PassageSearcher.open(sharedGeneration(), corpus),
                    new QueryEmbedder(Embeddings.miniLm()), corpus);
            return new AnswerService(new AnswerSnapshot(corpus, retriever, QuestionRewriters.byRule(corpus),
                    Optional.empty(), answerer, null), OPTIONS, GenerationGate.unlimited(), AnswerObserver.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Settings settings(Path indexDir, List<Path> articles) {
        return Settings.defaults(indexDir).withArticles(articles);
    }

    /** The bundled article answered by an OpenAI-compatible model at {@code baseUrl} (a fake on loopback). */
    public static Settings withOpenAiModel(String baseUrl, Duration timeout) {
        return Settings.defaults(temporaryIndexDir())
                .withChatModel(ChatModelSettings.openAi(baseUrl, "fake-model", "test-key").withTimeout(timeout));
    }

    /** An index directory under a fresh temporary one, deleted with all it holds when the JVM exits. */
    public static Path temporaryIndexDir() {
        try {
            Path dir = Files.createTempDirectory("article-chat-index");
            // File.deleteOnExit deletes only empty directories, and an index never is
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir.resolve("index");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("Could not delete " + root + ": " + e);
        }
    }
}
