package dev.articlechat.answer;

import java.util.List;

/**
 * Follows an answer while it is written: first the sources, then its text piece by piece. Every piece has
 * passed the same checks as the final answer, so its citations are verified before anyone sees them.
 */
public interface AnswerListener {

    AnswerListener NONE = new AnswerListener() {
        @Override
        public void sources(String query, List<Source> sources) {
        }

        @Override
        public void token(String text) {
        }
    };

    /** @param query what is searched for the question (the standalone form of a follow-up) */
    void sources(String query, List<Source> sources);

    /** The next piece of the answer's text; pieces concatenated are the answer unless it falls back. */
    void token(String text);

    /** True once nobody is waiting for the answer any more (a closed connection): generation stops. */
    default boolean cancelled() {
        return false;
    }
}
