package dev.articlechat.ingest;

import java.util.Objects;

/**
 * One sentence of an article: the unit that is indexed, retrieved and cited.
 *
 * <p>A passage of a parsed article reads its text out of the article's own text rather than holding a copy
 * ({@link #inArticle}): a Java substring is a copy, and an archive's sentences are as much text as its articles
 * (79 MB at 10,000 articles, most of it two bytes a character for the typographic quotes and dashes of news
 * prose). Kept twice, they filled most of a 256 MB heap, and questions waited on the collector.
 */
public final class Passage {

    private final String id;
    private final String articleId;
    private final int ordinal;
    private final int start;
    private final int end;
    /** Holds the text at [from, to): the article's text, or the sentence alone. */
    private final String holder;
    private final int from;
    private final int to;

    /**
     * A passage holding its own text, which is meant to be {@code article.text().substring(start, end)}.
     *
     * @param id        stable id, unique in its article ("p1", "p2", ...): adding or removing another article
     *                  never renumbers it
     * @param articleId the article it belongs to
     * @param ordinal   position in its article, so neighbours can be found without a search
     * @param start     first UTF-16 index of the sentence in the article text (inclusive)
     * @param end       UTF-16 index after the sentence (exclusive)
     * @param text      the sentence
     */
    public Passage(String id, String articleId, int ordinal, int start, int end, String text) {
        this(id, articleId, ordinal, start, end, text, 0, text.length());
    }

    private Passage(String id, String articleId, int ordinal, int start, int end, String holder, int from, int to) {
        this.id = Objects.requireNonNull(id);
        this.articleId = Objects.requireNonNull(articleId);
        this.ordinal = ordinal;
        this.start = start;
        this.end = end;
        this.holder = holder;
        this.from = from;
        this.to = to;
    }

    /** The sentence at [start, end) of an article's text, read from that text whenever it is asked for. */
    static Passage inArticle(String id, String articleId, int ordinal, String articleText, int start, int end) {
        return new Passage(id, articleId, ordinal, start, end, articleText, start, end);
    }

    public String id() {
        return id;
    }

    public String articleId() {
        return articleId;
    }

    public int ordinal() {
        return ordinal;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** The sentence, exactly {@code article.text().substring(start, end)} for a passage of a parsed article. */
    public String text() {
        return from == 0 && to == holder.length() ? holder : holder.substring(from, to);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Passage that && ordinal == that.ordinal && start == that.start && end == that.end
                && id.equals(that.id) && articleId.equals(that.articleId) && to - from == that.to - that.from
                && holder.regionMatches(from, that.holder, that.from, to - from);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * articleId.hashCode() + id.hashCode()) + start;
    }

    @Override
    public String toString() {
        return "Passage[id=" + id + ", articleId=" + articleId + ", ordinal=" + ordinal + ", start=" + start
                + ", end=" + end + ", text=" + text() + "]";
    }
}
