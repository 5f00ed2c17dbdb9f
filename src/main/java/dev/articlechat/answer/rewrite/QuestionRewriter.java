package dev.articlechat.answer.rewrite;

import dev.articlechat.answer.Question;

/** Turns a follow-up question into one that stands on its own, before anything is searched. */
public interface QuestionRewriter {

    StandaloneQuestion rewrite(Question question);
}
