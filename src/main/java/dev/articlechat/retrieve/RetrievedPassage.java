package dev.articlechat.retrieve;

import dev.articlechat.ingest.Passage;

/**
 * A passage with the evidence for it: the fused rank score, and the raw signals behind it so that the
 * answerer can judge how well the passage really matches.
 *
 * @param score    the ranking score in the chosen mode (higher is better)
 * @param lexical  the BM25 score, 0 when the passage shares no term with the query
 * @param semantic similarity of the query and passage embeddings: cosine corrected for the passage's hubness
 *                 (see {@link PassageSearcher#nearest}); 0 when not computed
 * @param context  true when the passage was added only as a neighbour of a hit
 */
public record RetrievedPassage(Passage passage, double score, double lexical, double semantic, boolean context) {
}
