package dev.articlechat.slack;

import dev.articlechat.ingest.Corpus;

/** The title a source is shown with: only when several articles are served, so that a reader can tell them apart. */
@FunctionalInterface
interface ArticleTitles {

    /** No titles: one article is served. */
    ArticleTitles NONE = articleId -> null;

    /** The article's title, or null when none is to be shown. */
    String of(String articleId);

    static ArticleTitles of(Corpus corpus) {
        if (corpus.articles().size() < 2) {
            return NONE;
        }
        return articleId -> corpus.article(articleId).map(a -> a.title()).orElse(null);
    }
}
