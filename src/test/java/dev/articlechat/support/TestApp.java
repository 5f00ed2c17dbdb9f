package dev.articlechat.support;

import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.model.ChatModelSettings;
import dev.articlechat.retrieve.RetrievalMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real application over the bundled article, with its index in a fresh temporary directory.
 * Built once per JVM: indexing embeds every sentence, and the tests only read from it.
 */
public final class TestApp {

    private static ArticleChat shared;

    private TestApp() {
    }

    public static synchronized ArticleChat shared() {
        if (shared == null) {
            shared = ArticleChat.open(settings(temporaryIndexDir(), List.of()));
        }
        return shared;
    }

    public static Settings settings(Path indexDir, List<Path> articles) {
        return new Settings(articles, indexDir, RetrievalMode.HYBRID, 8, 0, ChatModelSettings.extractive());
    }

    public static Path temporaryIndexDir() {
        try {
            Path dir = Files.createTempDirectory("article-chat-index");
            dir.toFile().deleteOnExit();
            return dir.resolve("index");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
