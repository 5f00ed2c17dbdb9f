package dev.articlechat.ingest;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The one place that knows how passages are laid out in Lucene. The indexer writes these fields and the
 * retriever reads them; nothing else names a field.
 */
public final class IndexSchema {

    /**
     * The owning article's id: indexed whole (a StringField), so that a question scoped to one article filters by it
     * and re-indexing one article deletes its passages by it; and a doc value, to map a hit back to its passage.
     */
    public static final String ARTICLE_ID = "article";
    /** The passage's position in its article, a doc value only: the passage itself is the corpus's, in memory. */
    public static final String ORDINAL = "ordinal";
    /** The sentence, analysed for BM25 with English stemming and stop words; not stored, the corpus has it. */
    public static final String TEXT = "text";
    /** How central the passage's embedding is ({@link Hubness}), a doc value: it corrects similarity scores. */
    public static final String HUBNESS = "hubness";
    /** The sentence's MiniLM embedding, searched with Lucene's HNSW graph. */
    public static final String VECTOR = "vector";

    /** Embeddings are L2-normalised by the model, so cosine and dot product agree; cosine is the safe choice. */
    public static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.COSINE;

    /** Commit user-data key holding the corpus fingerprint an index was built from. */
    public static final String FINGERPRINT_KEY = "article-chat.fingerprint";
    /** Commit user-data key holding each indexed article's digest, one {@code id=digest} a line. */
    public static final String ARTICLES_KEY = "article-chat.articles";

    /** Bumped whenever a field above changes meaning, so old indexes are rebuilt rather than misread. */
    public static final int VERSION = 6;

    /**
     * Vectors are searched as bytes (Lucene's scalar quantisation, 7 bits a dimension): a question reads a
     * quarter of the memory that float vectors take, and a large archive's index stays mostly on disk. The floats
     * are kept beside them for merging; searches do not read them.
     */
    private static final KnnVectorsFormat VECTORS = new Lucene99HnswScalarQuantizedVectorsFormat();

    private IndexSchema() {
    }

    /**
     * Lucene's {@code EnglishAnalyzer} chain with three folds before the stop words and the stemmer: accents away
     * ({@link ASCIIFoldingFilter}: a reader types "Herve" for "Hervé", "Montreal" for "Montréal"), spelled-out
     * numbers into digits ({@link NumberWordFilter}: "twelve months" and "12 months" are the same terms) and
     * irregular verb forms into their verbs ({@link IrregularFormFilter}: "met" and "meeting"), in the index and in
     * every comparison of an answer with its sources.
     */
    public static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                result = new ASCIIFoldingFilter(result);
                result = new NumberWordFilter(result, NumberWords.english());
                result = new IrregularFormFilter(result);
                result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                result = new PorterStemFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** How the index is written: Lucene's default, but for the vectors. */
    public static Codec codec() {
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return VECTORS;
            }
        };
    }

    /** What besides the corpus text decides an index's contents. */
    public static String settings(String embeddingModelName) {
        return "schema=" + VERSION + ";embedding=" + embeddingModelName;
    }
}
