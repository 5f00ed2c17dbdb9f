package dev.articlechat.reindex;

import dev.articlechat.ingest.ArticleFormat;
import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.ArticleLoader;
import dev.articlechat.ingest.ArticleStore;
import dev.articlechat.ingest.Corpus;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Articles added, replaced and removed while serving: each is checked as the server would read it, kept in the
 * {@link ArticleStore} so that it survives a restart, and served once the re-index it starts has swapped in the
 * new index (questions in flight finish on the old one).
 */
public final class ArticleLibrary {

    /** An article as it came in: plain text whose first line is the title, or an HTML page. */
    public record Upload(ArticleFormat format, String content, String id) {
    }

    /** Stored and being indexed: answerable once {@code GET /api/articles} lists it. */
    public record Added(String id, String title, int passages, boolean replaced, long job) {
    }

    /**
     * Passages an uploaded article may have. A long feature has a few hundred; 1 MiB of one-line paragraphs has tens
     * of thousands, whose embeddings alone take many minutes to compute, during which no other re-index runs.
     */
    public static final int MAX_PASSAGES = 20_000;

    /** An upload with more than {@link #MAX_PASSAGES} passages; nothing was stored. */
    public static final class TooManyPassagesException extends Exception {
        public TooManyPassagesException(int passages) {
            super("The article has " + passages + " passages (sentences); an article may have at most " + MAX_PASSAGES
                    + ". Split it, or serve it from a file with --article.");
        }
    }

    /** An upload or a removal named an article that comes from a file given at start; nothing was changed. */
    public static final class FromAFileException extends Exception {
        public FromAFileException(String id) {
            super("Article \"" + id + "\" is served from a file given at start (--article or --articles-dir, or it is "
                    + "the bundled article); change or remove it there, or upload it with another id.");
        }
    }

    /** How a removal went. */
    public enum Removal {
        REMOVED,
        /** No article has the id. */
        UNKNOWN
    }

    private final ArticleStore store;
    private final ArticleLoader loader = new ArticleLoader();
    private final ReindexJobs reindex;
    private final Supplier<Corpus> served;

    /** @param served the corpus answered from now */
    public ArticleLibrary(ArticleStore store, ReindexJobs reindex, Supplier<Corpus> served) {
        this.store = store;
        this.reindex = reindex;
        this.served = served;
    }

    /**
     * @throws IllegalArgumentException when it is no article: no title, no paragraph of prose, a bad id
     * @throws IllegalStateException    when the server is stopping
     * @throws FromAFileException       when the id is that of an article given at start, which owns it
     * @throws TooManyPassagesException when it has more than {@link #MAX_PASSAGES} passages
     */
    public synchronized Added add(Upload upload) throws IOException, FromAFileException, TooManyPassagesException {
        String raw = loader.rawText(upload.format(), upload.content());
        String id = upload.id() != null ? upload.id() : ArticleLoader.idFromTitle(raw);
        if (!ArticleStore.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("An article id is 1 to 64 lower-case letters, digits and hyphens.");
        }
        if (served.get().isGiven(id)) {
            throw new FromAFileException(id);
        }
        Article article = loader.parse(id, raw);
        if (article.passages().size() > MAX_PASSAGES) {
            throw new TooManyPassagesException(article.passages().size());
        }
        boolean replaced = served.get().article(id).isPresent();
        store.save(id, upload.format(), upload.content());
        ReindexJob job = reindex.request();
        return new Added(id, article.title(), article.passages().size(), replaced, job.id());
    }

    /**
     * @throws IllegalStateException when the server is stopping
     * @throws FromAFileException    when the article comes from a file given at start, which the next start would
     *                               read again
     */
    public synchronized Removal remove(String id) throws IOException, FromAFileException {
        if (served.get().isGiven(id)) {
            throw new FromAFileException(id);
        }
        if (ArticleStore.ID.matcher(id).matches() && store.delete(id)) {
            reindex.request();
            return Removal.REMOVED;
        }
        return Removal.UNKNOWN;
    }
}
