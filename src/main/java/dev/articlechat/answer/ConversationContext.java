package dev.articlechat.answer;

import dev.articlechat.answer.write.CitationMarkers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The part of a conversation a follow-up draws on: the last user question and the answer to it carry the
 * topic; older turns mostly add noise.
 */
public final class ConversationContext {

    public static final int TURNS = 2;

    private ConversationContext() {
    }

    /** The last exchange, without citation markers, as one text to search. */
    public static String lastExchange(Question question) {
        List<Turn> history = question.history();
        return history.subList(Math.max(0, history.size() - TURNS), history.size()).stream()
                .map(Turn::content)
                .map(CitationMarkers::strip)
                .collect(Collectors.joining(" "));
    }
}
