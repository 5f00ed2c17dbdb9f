package dev.articlechat.answer.write;

import dev.articlechat.answer.Question;
import dev.articlechat.retrieve.Retrieval;

/** Writes an answer from retrieved passages. Implementations: extractive (offline), and language models. */
public interface Answerer {

    /** Shown to users as the answer's {@code model}, e.g. "extractive". */
    String name();

    /**
     * @param question  the question and its conversation
     * @param retrieval the passages to answer from; marker {@code [n]} in the draft means
     *                  {@code retrieval.passages().get(n - 1)}
     */
    default Draft draft(Question question, Retrieval retrieval) {
        return draft(question, retrieval, DraftSink.NONE);
    }

    /**
     * As {@link #draft(Question, Retrieval)}, passing each sentence of an answer to {@code sentences} as soon as
     * it is final. A refusal is only returned, never passed on.
     */
    Draft draft(Question question, Retrieval retrieval, DraftSink sentences);
}
