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

/**
 * Reads articles from files, plain text or HTML pages ({@link ArticleFormat}), or the bundled default article when
 * none are given.
 */
public final class ArticleLoader {

    static final String BUNDLED_ARTICLE = "/article.txt";

    private final ArticleParser parser = new ArticleParser();

    public Corpus load(List<Path> files) {
        List<String> raws = files.isEmpty() ? List.of(readBundled()) : files.stream().map(ArticleLoader::read).toList();
        List<Article> articles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int ordinal = 0;
        for (String raw : raws) {
            Article article = parser.parse(uniqueId(raw, ids), raw, ordinal);
            ordinal += article.passages().size();
            articles.add(article);
        }
        return new Corpus(articles);
    }

    /** A readable id from the title's first words ("carney-praises-renewed-canada-china"). */
    private static String uniqueId(String raw, Set<String> taken) {
        String title = raw.strip().lines().findFirst().orElse("article");
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String[] words = ascii.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        StringBuilder id = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty() && id.length() < 32) {
                id.append(id.length() == 0 ? "" : "-").append(word);
            }
        }
        String base = id.length() == 0 ? "article" : id.toString();
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
