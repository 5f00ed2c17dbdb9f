package dev.articlechat.answer.check;

import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.Embeddings;
import dev.articlechat.retrieve.QueryEmbedder;
import java.util.Set;

/** Written sentences made into claims as the answering path makes them, for the checks' tests. */
final class Claims {

    static final Words WORDS = new Words();
    static final Attributor ATTRIBUTOR = new Attributor(WORDS, new QueryEmbedder(Embeddings.miniLm()));

    private Claims() {
    }

    /** The sentence attributed to the article's sentences (the real embedding model), following up on nothing. */
    static Claim of(Article article, ReadArticles read, String question, String text) {
        return new Claim(text, question, "",
                ATTRIBUTOR.attribute(text, article.passages(), Set.of(), read.bestForQuestion()), read,
                () -> ATTRIBUTOR.similarity(question, text));
    }
}
