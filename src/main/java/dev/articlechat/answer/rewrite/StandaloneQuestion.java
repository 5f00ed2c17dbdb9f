package dev.articlechat.answer.rewrite;

import dev.articlechat.answer.Question;
import dev.articlechat.retrieve.RetrievalQuery;

/**
 * A question as it reads without the conversation before it.
 *
 * @param text   the question with what it refers to filled in ("Where had Xi Jinping and Mark Carney met
 *               before?"), as the answerer is given it
 * @param query  what is shown as searched: {@code text}, plus the question it follows up on when words in it
 *               still point back ("And the tariffs? (following up on: …)")
 * @param search what retrieval looks for; its context is empty for a question that stands on its own, even in
 *               a conversation (a change of topic)
 */
public record StandaloneQuestion(String text, String query, RetrievalQuery search) {

    static StandaloneQuestion asIs(String question) {
        return new StandaloneQuestion(question, question, RetrievalQuery.of(question));
    }

    boolean followsUp() {
        return search.hasContext();
    }

    /** The question as the answerers take it: this text, with the conversation it came with. */
    public Question asQuestion(Question asked) {
        return new Question(text, asked.history(), asked.articleId());
    }
}
