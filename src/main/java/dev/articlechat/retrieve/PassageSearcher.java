package dev.articlechat.retrieve;

import dev.articlechat.ingest.IndexSchema;
import dev.articlechat.ingest.Passage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Read side of the index: BM25 and nearest-neighbour searches over one shared, thread-safe
 * {@link IndexSearcher}. Stored passages are loaded once when the index is opened, since every hit needs them.
 */
public final class PassageSearcher implements Closeable {

    /** BooleanQuery refuses more than 1024 clauses; long histories are cut well before that. */
    static final int MAX_QUERY_TERMS = 256;

    public record Hit(Passage passage, double score) {
    }

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Passage[] passagesByDoc;
    private final double[] hubnessByDoc;
    /** Every indexed term with its passage count, sorted, so related word forms are found by prefix. */
    private final NavigableMap<String, Integer> vocabulary = new TreeMap<>();

    private PassageSearcher(DirectoryReader reader) throws IOException {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.passagesByDoc = new Passage[reader.maxDoc()];
        this.hubnessByDoc = new double[reader.maxDoc()];
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Document document = stored.document(doc);
            passagesByDoc[doc] = toPassage(document);
            hubnessByDoc[doc] = document.getField(IndexSchema.HUBNESS).numericValue().doubleValue();
        }
        Terms terms = MultiTerms.getTerms(reader, IndexSchema.TEXT);
        if (terms != null) {
            TermsEnum iterator = terms.iterator();
            for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                vocabulary.put(term.utf8ToString(), iterator.docFreq());
            }
        }
    }

    public static PassageSearcher open(Path indexDir) throws IOException {
        return new PassageSearcher(DirectoryReader.open(FSDirectory.open(indexDir)));
    }

    public int size() {
        return reader.numDocs();
    }

    /** BM25 over the given terms, each weighted by its boost (question terms count more than history). */
    public List<Hit> bm25(Map<String, Float> weightedTerms, int limit) throws IOException {
        if (weightedTerms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        weightedTerms.entrySet().stream().limit(MAX_QUERY_TERMS).forEach(entry -> {
            Query term = new TermQuery(new Term(IndexSchema.TEXT, entry.getKey()));
            query.add(new BoostQuery(term, entry.getValue()), BooleanClause.Occur.SHOULD);
        });
        return search(query.build(), limit);
    }

    /**
     * The passages whose embeddings are nearest to {@code vector}, best first by CSLS similarity: cosine
     * minus half the passage's hubness, so that sentences close to everything do not crowd out the one
     * that is close to this question.
     */
    public List<Hit> nearest(float[] vector, int limit) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc scoreDoc : searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, limit), limit).scoreDocs) {
            // Lucene scores cosine as (1 + cos) / 2 so that scores are positive; undo that first.
            double cosine = 2 * scoreDoc.score - 1;
            hits.add(new Hit(passagesByDoc[scoreDoc.doc], cosine - hubnessByDoc[scoreDoc.doc] / 2));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits;
    }

    /**
     * How many passages contain the analysed term, or failing that the most frequent related form of it
     * (see {@link TermMatch}).
     */
    public int passageCount(String term) {
        Integer exact = vocabulary.get(term);
        if (exact != null) {
            return exact;
        }
        int best = 0;
        for (Map.Entry<String, Integer> entry : vocabulary.tailMap(term, false).entrySet()) {
            if (!entry.getKey().startsWith(term)) {
                break;
            }
            best = Math.max(best, TermMatch.related(term, entry.getKey()) ? entry.getValue() : 0);
        }
        for (int length = TermMatch.MIN_PREFIX; length < term.length(); length++) {
            best = Math.max(best, vocabulary.getOrDefault(term.substring(0, length), 0));
        }
        return best;
    }

    private List<Hit> search(Query query, int limit) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc scoreDoc : searcher.search(query, Math.max(1, limit)).scoreDocs) {
            hits.add(new Hit(passagesByDoc[scoreDoc.doc], scoreDoc.score));
        }
        return hits;
    }

    private static Passage toPassage(Document doc) {
        return new Passage(doc.get(IndexSchema.ID), doc.get(IndexSchema.ARTICLE_ID),
                doc.getField(IndexSchema.ORDINAL).numericValue().intValue(),
                doc.getField(IndexSchema.START).numericValue().intValue(),
                doc.getField(IndexSchema.END).numericValue().intValue(),
                doc.get(IndexSchema.TEXT));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
