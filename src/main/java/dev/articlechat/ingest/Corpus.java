package dev.articlechat.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The articles being served, each with its own passages. */
public final class Corpus {

    private final List<Article> articles;
    private final List<Passage> passages;
    private final Map<String, Article> articlesById = new LinkedHashMap<>();
    /** The ids of the articles given at start (files, or the bundled one): they cannot be replaced or removed. */
    private final Set<String> given;

    /** Articles all given at start. */
    public Corpus(List<Article> articles) {
        this(articles, List.of());
    }

    /**
     * @param given the articles from files given at start, or the bundled one
     * @param added the articles added while serving
     */
    public Corpus(List<Article> given, List<Article> added) {
        this(concat(given, added), given.stream().map(Article::id).collect(Collectors.toUnmodifiableSet()));
    }

    private Corpus(List<Article> articles, Set<String> given) {
        this.given = given;
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("a corpus needs at least one article");
        }
        this.articles = List.copyOf(articles);
        this.passages = articles.stream().flatMap(a -> a.passages().stream()).toList();
        for (Article article : articles) {
            if (articlesById.putIfAbsent(article.id(), article) != null) {
                throw new IllegalArgumentException("two articles have the id " + article.id());
            }
        }
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

    /** Whether the article of this id comes from a file given at start (or is the bundled one). */
    public boolean isGiven(String id) {
        return given.contains(id);
    }

    /** Every passage of every article, article by article. */
    public List<Passage> passages() {
        return passages;
    }

    public Article articleOf(Passage passage) {
        return articlesById.get(passage.articleId());
    }

    /** True for a passage addressed to an assistant ({@link Article#isQuarantined}): never read, found or cited. */
    public boolean isQuarantined(Passage passage) {
        Article article = articlesById.get(passage.articleId());
        return article != null && article.isQuarantined(passage);
    }

    /**
     * Each article's digest by id: what an index built from this corpus holds. An article whose digest changed
     * is indexed again; the others are kept as they are.
     */
    public SortedMap<String, String> digests() {
        SortedMap<String, String> digests = new TreeMap<>();
        articles.forEach(a -> digests.put(a.id(), digest(a)));
        return digests;
    }

    /**
     * A digest of everything an index built from this corpus depends on: the texts, the passage
     * boundaries and the given settings (schema and embedding model). A different digest means a stale index.
     */
    public String fingerprint(String settings) {
        return fingerprint(settings, digests());
    }

    /** The fingerprint of the articles with these digests, as {@link #fingerprint(String)} makes it. */
    public static String fingerprint(String settings, SortedMap<String, String> digests) {
        StringBuilder all = new StringBuilder(settings);
        digests.forEach((id, digest) -> all.append('\u0000').append(id).append('=').append(digest));
        return sha256(all.toString());
    }

    /** A digest of one article: its id, title, text and passage boundaries. */
    static String digest(Article article) {
        StringBuilder text = new StringBuilder()
                .append(article.id()).append('\u0000').append(article.title()).append('\u0000').append(article.text());
        for (Passage p : article.passages()) {
            text.append(p.id()).append(':').append(p.start()).append('-').append(p.end()).append(';');
        }
        return sha256(text.toString());
    }

    private static List<Article> concat(List<Article> first, List<Article> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
