package dev.articlechat.retrieve;

/**
 * One word of a question, as the index sees it.
 *
 * @param surface      the word as written
 * @param term         its analysed form (stemmed, lower case)
 * @param passageCount how many passages contain the term
 * @param salient      written like a name or a number (capitalised mid-sentence, or with digits): such words
 *                     pin a question to something specific, so their absence from the article matters most
 */
public record QueryTerm(String surface, String term, int passageCount, boolean salient) {

    public boolean inArticle() {
        return passageCount > 0;
    }
}
