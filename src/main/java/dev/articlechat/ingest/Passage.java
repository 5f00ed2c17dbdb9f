package dev.articlechat.ingest;

/**
 * One sentence of an article: the unit that is indexed, retrieved and cited.
 *
 * @param id        stable id, unique in its article ("p1", "p2", ...): adding or removing another article never
 *                  renumbers it
 * @param articleId the article it belongs to
 * @param ordinal   position in its article, so neighbours can be found without a search
 * @param start     first UTF-16 index of the sentence in the article text (inclusive)
 * @param end       UTF-16 index after the sentence (exclusive)
 * @param text      the sentence, exactly {@code article.text().substring(start, end)}
 */
public record Passage(String id, String articleId, int ordinal, int start, int end, String text) {
}
