package dev.articlechat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the articles to serve: the files given, plain text or HTML pages ({@link ArticleFormat}), or the bundled
 * article when none are given; then the articles added while serving, from the store. An article from a file
 * owns its id: a stored article of the same id (stored before uploads of such ids were refused) is not served,
 * and the server says so each time it reads the articles.
 */
public final class ArticleLoader {

    static final String BUNDLED_ARTICLE = "/article.txt";
    private static final Logger log = LoggerFactory.getLogger(ArticleLoader.class);

    private final ArticleParser parser = new ArticleParser();

    public Corpus load(List<Path> files) {
        return load(files, List.of());
    }

    /** @param stored the articles added while serving ({@link ArticleStore#list()}) */
    public Corpus load(List<Path> files, List<ArticleStore.Stored> stored) {
        List<String> raws = files.isEmpty() ? List.of(readBundled()) : files.stream().map(ArticleLoader::read).toList();
        List<Article> given = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String raw : raws) {
            given.add(parser.parse(unique(idFromTitle(raw), ids), raw));
        }
        List<Article> added = new ArrayList<>();
        for (ArticleStore.Stored article : stored) {
            if (ids.contains(article.id())) {
                log.warn("The stored article {} is not served: an article given at start (--article, --articles-dir "
                        + "or the bundled one) has the id \"{}\", and it wins; delete {} to silence this",
                        article.file(), article.id(), article.file());
                continue;
            }
            try {
                added.add(parser.parse(article.id(), read(article.file())));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                // it was checked when it was added; a file damaged since must not keep every other article off
                log.warn("Skipping the stored article {}: {}", article.file(), e.getMessage());
            }
        }
        given.forEach(ArticleLoader::reportQuarantined);
        added.forEach(ArticleLoader::reportQuarantined);
        return new Corpus(given, added);
    }

    /** Reads an article that is being added, from its raw text ({@link #rawText}). */
    public Article parse(String id, String raw) {
        Article article = parser.parse(id, raw);
        reportQuarantined(article);
        return article;
    }

    /** An operator should know that an article tries to steer the bot, and which sentences do. */
    private static void reportQuarantined(Article article) {
        for (Passage passage : article.passages()) {
            if (article.isQuarantined(passage)) {
                log.warn("Article {}: {} is addressed to an assistant, so it is never read by a model or cited: "
                        + "\"{}\"", article.id(), passage.id(), passage.text().replaceAll("\\s+", " "));
            }
        }
    }

    /** An article's raw text, title on the first line, as it came in: plain text as it is, an HTML page read. */
    public String rawText(ArticleFormat format, String content) {
        return format.read(content);
    }

    /** A readable id from the title's first words ("carney-praises-renewed-canada-china"). */
    public static String idFromTitle(String raw) {
        String title = raw.strip().lines().findFirst().orElse("article");
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String[] words = ascii.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        StringBuilder id = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && id.length() < 32) {
                id.append(id.length() == 0 ? "" : "-").append(word);
            }
        }
        return id.length() == 0 ? "article" : id.toString();
    }

    private static String unique(String base, Set<String> taken) {
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static String read(Path file) {
        try {
            return ArticleFormat.of(file).read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read article " + file, e);
        } catch (IllegalArgumentException e) {
            // a page with no story in it: which file, as the parser names its article
            throw new IllegalArgumentException("cannot read article " + file, e);
        }
    }

    private static String readBundled() {
        try (InputStream in = ArticleLoader.class.getResourceAsStream(BUNDLED_ARTICLE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled article is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled article", e);
        }
    }
}
