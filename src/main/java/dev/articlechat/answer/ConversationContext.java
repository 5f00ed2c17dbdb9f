package dev.articlechat.answer;

import dev.articlechat.retrieve.RetrievalQuery;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the retrieval query for a question from the conversation before it. A follow-up ("What did she
 * say?", "and the tariffs?") leaves its topic in the earlier turns, so the most recent exchange is searched
 * along with it, at a lower weight than the question itself.
 */
public final class ConversationContext {

    /** The last user question and the answer to it carry the topic; older turns mostly add noise. */
    static final int TURNS = 2;

    private ConversationContext() {
    }

    public static RetrievalQuery queryFor(Question question) {
        List<Turn> history = question.history();
        String context = history.subList(Math.max(0, history.size() - TURNS), history.size()).stream()
                .map(Turn::content)
                .map(CitationMarkers::strip)
                .collect(Collectors.joining(" "));
        return new RetrievalQuery(question.text(), context);
    }
}
