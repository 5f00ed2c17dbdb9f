package dev.articlechat.answer;

/**
 * A numbered source of an answer: the passage and the verbatim article text it quotes.
 * {@code quote} always equals the text of article {@code articleId} between {@code start} and {@code end}.
 */
public record Citation(int n, String passageId, String quote, int start, int end, String articleId) {
}
