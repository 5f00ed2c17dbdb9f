package dev.articlechat.ingest;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The one place that knows how passages are laid out in Lucene. The indexer writes these fields and the
 * retriever reads them; nothing else names a field.
 */
public final class IndexSchema {

    /** Passage id ("p3"): a StringField, so it is stored verbatim and never analysed. */
    public static final String ID = "id";
    /** The owning article's id, stored only. */
    public static final String ARTICLE_ID = "article";
    /** Corpus position, stored only: neighbours are looked up in memory, not by query. */
    public static final String ORDINAL = "ordinal";
    /** Offsets into the article text, stored only: they are returned, never searched. */
    public static final String START = "start";
    public static final String END = "end";
    /** The sentence, analysed for BM25 with English stemming and stop words, and stored for display. */
    public static final String TEXT = "text";
    /** How central the passage's embedding is ({@link Hubness}), stored only: it corrects similarity scores. */
    public static final String HUBNESS = "hubness";
    /** The sentence's MiniLM embedding, searched with Lucene's HNSW graph. */
    public static final String VECTOR = "vector";

    /** Embeddings are L2-normalised by the model, so cosine and dot product agree; cosine is the safe choice. */
    public static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.COSINE;

    /** Commit user-data key holding the corpus fingerprint an index was built from. */
    public static final String FINGERPRINT_KEY = "article-chat.fingerprint";

    /** Bumped whenever a field above changes meaning, so old indexes are rebuilt rather than misread. */
    public static final int VERSION = 2;

    private IndexSchema() {
    }

    public static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    /** What besides the corpus text decides an index's contents. */
    public static String settings(String embeddingModelName) {
        return "schema=" + VERSION + ";embedding=" + embeddingModelName;
    }
}
