package dev.articlechat.answer;

/** A question scoped to an article that is not served: the asker's mistake (a 404), not a failure. */
public final class UnknownArticleException extends IllegalArgumentException {

    private final String articleId;

    public UnknownArticleException(String articleId) {
        super("No article has the id \"" + articleId + "\"; GET /api/articles lists them.");
        this.articleId = articleId;
    }

    public String articleId() {
        return articleId;
    }
}
