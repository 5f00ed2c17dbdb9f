package dev.articlechat.answer;

import java.util.List;
import java.util.Optional;

/**
 * A question and the conversation before it, oldest turn first. The server keeps no state of its own.
 *
 * @param articleId the one article to answer from, or null for every article served
 */
public record Question(String text, List<Turn> history, String articleId) {

    public Question {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A question about every article served. */
    public Question(String text, List<Turn> history) {
        this(text, history, null);
    }

    public static Question of(String text) {
        return new Question(text, List.of());
    }

    /** This question, answered from the given article alone (null for every article). */
    public Question about(String articleId) {
        return new Question(text, history, articleId);
    }

    public Optional<String> scope() {
        return Optional.ofNullable(articleId);
    }
}
