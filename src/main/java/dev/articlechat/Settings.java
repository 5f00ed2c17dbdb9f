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
 */
public record Settings(List<Path> articles, Path indexDir, RetrievalMode mode, int passages, int contextWindow,
                       ChatModelSettings chatModel) {

    public Settings {
        articles = List.copyOf(articles);
    }
}
