package dev.articlechat.retrieve;

import java.util.List;

/**
 * The result of one retrieval: ranked passages (best first, neighbours added for context marked as such),
 * and the words of the question and of its conversation context as the index sees them.
 */
public record Retrieval(List<RetrievedPassage> passages, List<QueryTerm> questionTerms,
                        List<QueryTerm> contextTerms, int corpusSize) {

    public Retrieval {
        passages = List.copyOf(passages);
        questionTerms = List.copyOf(questionTerms);
        contextTerms = List.copyOf(contextTerms);
    }
}
