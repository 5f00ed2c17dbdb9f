package dev.articlechat;

import dev.articlechat.model.ChatModelSettings;
import dev.articlechat.retrieve.RetrievalMode;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything that configures the application, read once from flags and environment by the command line.
 *
 * @param articles      article files; empty for the bundled article
 * @param indexDir      where the Lucene index lives
 * @param mode          retrieval mode
 * @param passages      passages retrieved per question
 * @param contextWindow neighbouring sentences added around each retrieved one
 * @param chatModel     which language model writes answers, if any
 * @param generations   how many answers a language model may write at once, and how many may wait
 * @param dataDir       where articles added while serving are kept, so that they survive a restart; null when
 *                      articles cannot be added
 */
public record Settings(List<Path> articles, Path indexDir, RetrievalMode mode, int passages, int contextWindow,
                       ChatModelSettings chatModel, Generations generations, Path dataDir) {

    /**
     * @param concurrent answers written at once; 0 picks by model: one for a local model, which uses every core
     *                   it has, {@value #REMOTE_CONCURRENT} for a model on another machine
     * @param queue      questions that may wait for a slot
     */
    public record Generations(int concurrent, int queue) {

        public static final int REMOTE_CONCURRENT = 4;
        public static final Generations DEFAULT = new Generations(0, 4);

        public Generations {
            if (concurrent < 0 || queue < 0) {
                throw new IllegalArgumentException("--max-generations and --generation-queue must not be negative");
            }
        }

        /** The number of answers written at once, for a local model or not. */
        public int concurrentFor(boolean local) {
            return concurrent > 0 ? concurrent : local ? 1 : REMOTE_CONCURRENT;
        }
    }

    public Settings {
        articles = List.copyOf(articles);
    }

    /**
     * The bundled article with its index in {@code indexDir}, retrieved as the flags' defaults do (hybrid, 8 passages,
     * no neighbouring sentences), answered extractively, with the default generation limits and no data directory.
     */
    public static Settings defaults(Path indexDir) {
        return new Settings(List.of(), indexDir, RetrievalMode.HYBRID, 8, 0, ChatModelSettings.extractive(),
                Generations.DEFAULT, null);
    }

    /** @param files article files; empty for the bundled article */
    public Settings withArticles(List<Path> files) {
        return new Settings(files, indexDir, mode, passages, contextWindow, chatModel, generations, dataDir);
    }

    public Settings withIndexDir(Path directory) {
        return new Settings(articles, directory, mode, passages, contextWindow, chatModel, generations, dataDir);
    }

    public Settings withChatModel(ChatModelSettings model) {
        return new Settings(articles, indexDir, mode, passages, contextWindow, model, generations, dataDir);
    }

    public Settings withGenerations(Generations limits) {
        return new Settings(articles, indexDir, mode, passages, contextWindow, chatModel, limits, dataDir);
    }

    public Settings withDataDir(Path directory) {
        return new Settings(articles, indexDir, mode, passages, contextWindow, chatModel, generations, directory);
    }
}
