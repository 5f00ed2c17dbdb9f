package dev.articlechat.eval;

import java.util.List;

/**
 * One SQuAD question.
 *
 * @param answers    the gold answers' texts, each once; empty for an impossible question
 * @param impossible whether the paragraph does not answer it, so it must be refused
 */
public record SquadQuestion(String id, String question, List<String> answers, boolean impossible) {

    public SquadQuestion {
        answers = List.copyOf(answers);
    }
}
