package dev.articlechat.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The articles being served, with their passages numbered across the whole corpus. */
public final class Corpus {

    private final List<Article> articles;
    private final List<Passage> passages;
    private final Map<String, Passage> passagesById;
    private final Map<String, Article> articlesById;

    public Corpus(List<Article> articles) {
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("a corpus needs at least one article");
        }
        this.articles = List.copyOf(articles);
        this.passages = articles.stream().flatMap(a -> a.passages().stream()).toList();
        this.passagesById = passages.stream().collect(Collectors.toMap(Passage::id, Function.identity()));
        this.articlesById = articles.stream().collect(Collectors.toMap(Article::id, Function.identity()));
    }

    public List<Article> articles() {
        return articles;
    }

    /** The article served by default: the first one given. */
    public Article primary() {
        return articles.get(0);
    }

    public Optional<Article> article(String id) {
        return Optional.ofNullable(articlesById.get(id));
    }

    public List<Passage> passages() {
        return passages;
    }

    public Optional<Passage> passage(String id) {
        return Optional.ofNullable(passagesById.get(id));
    }

    public Article articleOf(Passage passage) {
        return articlesById.get(passage.articleId());
    }

    /**
     * A digest of everything an index built from this corpus depends on: the texts, the passage
     * boundaries and the given settings (schema and embedding model). A different digest means a stale index.
     */
    public String fingerprint(String settings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(settings.getBytes(StandardCharsets.UTF_8));
            for (Article article : articles) {
                sha.update(("\u0000" + article.id() + "\u0000" + article.title() + "\u0000" + article.text())
                        .getBytes(StandardCharsets.UTF_8));
                for (Passage p : article.passages()) {
                    sha.update((p.id() + ":" + p.start() + "-" + p.end() + ";").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
