package dev.articlechat.cli;

import dev.articlechat.ingest.ArticleFormat;
import dev.articlechat.ArticleChat;
import dev.articlechat.Settings;
import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.ArticleLoader;
import dev.articlechat.ingest.ArticleStore;
import dev.articlechat.ingest.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "index", description = "Build the index from the article(s) and exit.",
        subcommands = {IndexCommand.Add.class, IndexCommand.ListArticles.class})
final class IndexCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        int passages = ArticleChat.rebuildIndex(common.settings());
        System.out.println("Indexed " + passages + " passages into " + common.indexDir);
        return 0;
    }

    @Command(name = "add", description = "Add article files (plain text, first line the title, or HTML pages) to the "
            + "data directory, so that every server on it serves them, and update the index. A running server "
            + "serves them after POST /admin/reindex or a restart.")
    static final class Add implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Article files (.txt, .html, .htm).")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            Settings settings = common.settings();
            ArticleStore store = ArticleChat.store(settings).orElseThrow();
            ArticleLoader loader = new ArticleLoader();
            Corpus served = ArticleChat.load(settings);
            for (Path file : files) {
                ArticleFormat format = ArticleFormat.of(file);
                String content;
                Article article;
                try {
                    content = Files.readString(file, StandardCharsets.UTF_8);
                    String raw = loader.rawText(format, content);
                    article = loader.parse(ArticleLoader.idFromTitle(raw), raw);
                } catch (IOException e) {
                    throw new IOException("cannot add " + file, e);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("cannot add " + file, e);
                }
                if (served.isGiven(article.id())) {
                    // as POST /admin/articles refuses it: the file given at start owns the id
                    throw new IllegalArgumentException("cannot add " + file + ": its id \"" + article.id()
                            + "\" is that of an article given at start (--article, --articles-dir or the bundled one)");
                }
                store.save(article.id(), format, content);
                System.out.println("Added " + article.id() + ": \"" + article.title() + "\", "
                        + article.passages().size() + " passages");
            }
            int passages = ArticleChat.rebuildIndex(settings);
            System.out.println("Indexed " + passages + " passages into " + common.indexDir);
            return 0;
        }
    }

    @Command(name = "list", description = "List the articles served: id, passages, where from, title.")
    static final class ListArticles implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            Settings settings = common.settings();
            Corpus corpus = ArticleChat.load(settings);
            for (Article article : corpus.articles()) {
                System.out.printf("%s\t%d passages\t%s\t%s%n", article.id(), article.passages().size(),
                        corpus.isGiven(article.id()) ? "file" : "added", article.title());
                article.passages().stream().filter(article::isQuarantined).forEach(p -> System.out.printf(
                        "  quarantined %s (addressed to an assistant): %s%n", p.id(), p.text().replaceAll("\\s+", " ")));
            }
            System.out.println(corpus.articles().size() + " articles");
            return 0;
        }
    }
}
