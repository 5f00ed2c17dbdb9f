package dev.articlechat.cli;

import dev.articlechat.eval.SquadArticle;
import dev.articlechat.ingest.ArticleLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary directory for an eval of articles that are not the user's: their plain-text files and, unless
 * another is given, their index. Deleted on close, so that nothing of the run is left in the user's directories.
 */
final class ScratchArticles implements AutoCloseable {

    private final Path directory;

    private ScratchArticles(Path directory) {
        this.directory = directory;
    }

    static ScratchArticles create() throws IOException {
        return new ScratchArticles(Files.createTempDirectory("article-chat-eval-"));
    }

    /** Writes each article as a .txt file, numbered so that they load in the order given. */
    List<Path> write(List<SquadArticle> articles) throws IOException {
        Path dir = Files.createDirectories(directory.resolve("articles"));
        List<Path> files = new ArrayList<>();
        for (SquadArticle article : articles) {
            String name = String.format("%03d-%s.txt", files.size() + 1, ArticleLoader.idFromTitle(article.text()));
            files.add(Files.writeString(dir.resolve(name), article.text(), StandardCharsets.UTF_8));
        }
        return files;
    }

    Path indexDir() {
        return directory.resolve("index");
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
