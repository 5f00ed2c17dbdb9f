package dev.articlechat.http;

import dev.articlechat.answer.AnswerService;
import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.Corpus;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.regex.Pattern;

/** {@code GET /api/article}: the text that citation offsets point into, and the passages cut from it. */
final class ArticleController {

    record PassageSpan(String id, int start, int end) {
    }

    record ArticleBody(String id, String title, String text, List<PassageSpan> passages) {
    }

    record ArticleSummary(String id, String title, int passages) {
    }

    record ArticleList(List<ArticleSummary> articles) {
    }

    private static final Pattern MENTIONS_ID = Pattern.compile("(^|&)id(=|&|$)");

    private final AnswerService answers;

    /** Reads the corpus per request: a re-index replaces it, and citations point into the new text. */
    ArticleController(AnswerService answers) {
        this.answers = answers;
    }

    /** The primary article, or the one named by {@code ?id=} when several are served. */
    void article(Context ctx) {
        Corpus corpus = answers.corpus();
        String id = id(ctx);
        Article article = id == null ? corpus.primary()
                : corpus.article(id).orElseThrow(() -> new NotFoundResponse("No article with id \"" + id + "\"."));
        ctx.json(new ArticleBody(article.id(), article.title(), article.text(),
                article.passages().stream().map(p -> new PassageSpan(p.id(), p.start(), p.end())).toList()));
    }

    /**
     * The {@code id} asked for, or null when none was. A malformed one ({@code ?id=%}) is an id no article has: Javalin
     * reads a query it cannot decode as having no parameters, which would have served the primary article instead.
     */
    private static String id(Context ctx) {
        String id = ctx.queryParam("id");
        String query = ctx.queryString();
        if (id == null && query != null && MENTIONS_ID.matcher(query).find()) {
            throw new NotFoundResponse("No article with that id: the query could not be read.");
        }
        return id;
    }

    void articles(Context ctx) {
        ctx.json(new ArticleList(answers.corpus().articles().stream()
                .map(a -> new ArticleSummary(a.id(), a.title(), a.passages().size()))
                .toList()));
    }
}
