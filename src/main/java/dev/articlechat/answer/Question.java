package dev.articlechat.answer;

import java.util.List;

/** A question and the conversation before it, oldest turn first. The server keeps no state of its own. */
public record Question(String text, List<Turn> history) {

    public Question {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static Question of(String text) {
        return new Question(text, List.of());
    }
}
