package dev.articlechat.retrieve;

import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.Corpus;
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
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Read side of the index: BM25 and nearest-neighbour searches over one shared, thread-safe
 * {@link IndexSearcher}, over every article or scoped to one. A hit is mapped back to the corpus's own passage
 * by its article id and position (doc values, read once when the index is opened), so the index stores no text.
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

    private PassageSearcher(DirectoryReader reader, Corpus corpus) throws IOException {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.passagesByDoc = new Passage[reader.maxDoc()];
        this.hubnessByDoc = new double[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            readPassages(leaf, corpus);
        }
        Terms terms = MultiTerms.getTerms(reader, IndexSchema.TEXT);
        if (terms != null) {
            TermsEnum iterator = terms.iterator();
            for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                vocabulary.put(term.utf8ToString(), iterator.docFreq());
            }
        }
    }

    private void readPassages(LeafReaderContext leaf, Corpus corpus) throws IOException {
        LeafReader segment = leaf.reader();
        Bits live = segment.getLiveDocs();
        SortedDocValues articleIds = segment.getSortedDocValues(IndexSchema.ARTICLE_ID);
        NumericDocValues ordinals = segment.getNumericDocValues(IndexSchema.ORDINAL);
        NumericDocValues hubness = segment.getNumericDocValues(IndexSchema.HUBNESS);
        for (int doc = 0; doc < segment.maxDoc(); doc++) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            articleIds.advanceExact(doc);
            ordinals.advanceExact(doc);
            hubness.advanceExact(doc);
            String articleId = articleIds.lookupOrd(articleIds.ordValue()).utf8ToString();
            Article article = corpus.article(articleId).orElseThrow(() -> new IllegalStateException(
                    "the index holds article " + articleId + ", which is not served"));
            passagesByDoc[leaf.docBase + doc] = article.passages().get((int) ordinals.longValue());
            hubnessByDoc[leaf.docBase + doc] = Double.longBitsToDouble(hubness.longValue());
        }
    }

    /** Opens the index built from {@code corpus}; its hits are the corpus's passages. */
    public static PassageSearcher open(Path indexDir, Corpus corpus) throws IOException {
        DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir));
        try {
            return new PassageSearcher(reader, corpus);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    public int size() {
        return reader.numDocs();
    }

    /**
     * BM25 over the given terms, each weighted by its boost (question terms count more than history), in one
     * article or in all.
     */
    public List<Hit> bm25(Map<String, Float> weightedTerms, int limit, Optional<String> articleId) throws IOException {
        if (weightedTerms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        weightedTerms.entrySet().stream().limit(MAX_QUERY_TERMS).forEach(entry -> {
            Query term = new TermQuery(new Term(IndexSchema.TEXT, entry.getKey()));
            query.add(new BoostQuery(term, entry.getValue()), BooleanClause.Occur.SHOULD);
        });
        articleId.ifPresent(id -> query.add(inArticle(id), BooleanClause.Occur.FILTER));
        // beside a filter, optional clauses would become optional to match at all
        return search(query.setMinimumNumberShouldMatch(1).build(), limit);
    }

    /**
     * The passages whose embeddings are nearest to {@code vector}, in one article or in all, best first by CSLS
     * similarity: cosine minus half the passage's hubness, so that sentences close to everything do not crowd
     * out the one that is close to this question. Lucene searches a filter that leaves few passages exactly.
     */
    public List<Hit> nearest(float[] vector, int limit, Optional<String> articleId) throws IOException {
        Query nearest = new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, limit, articleId.map(this::inArticle).orElse(null));
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc scoreDoc : searcher.search(nearest, limit).scoreDocs) {
            // Lucene scores cosine as (1 + cos) / 2 so that scores are positive; undo that first.
            double cosine = 2 * scoreDoc.score - 1;
            hits.add(new Hit(passagesByDoc[scoreDoc.doc], cosine - hubnessByDoc[scoreDoc.doc] / 2));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits;
    }

    private Query inArticle(String articleId) {
        return new TermQuery(new Term(IndexSchema.ARTICLE_ID, articleId));
    }

    /**
     * How many passages contain the analysed term, or failing that the most frequent related form of it
     * (see {@link TermMatch}).
     */
    public int passageCount(String term) {
        return forms(term).stream().mapToInt(form -> vocabulary.getOrDefault(form, 0)).max().orElse(0);
    }

    /**
     * As {@link #passageCount(String)}, within one article when one is given: a name that only another article
     * mentions is one this article never does.
     */
    public int passageCount(String term, Optional<String> articleId) throws IOException {
        if (articleId.isEmpty()) {
            return passageCount(term);
        }
        List<String> forms = forms(term);
        if (forms.isEmpty()) {
            return 0;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        forms.stream().limit(MAX_QUERY_TERMS).forEach(form ->
                query.add(new TermQuery(new Term(IndexSchema.TEXT, form)), BooleanClause.Occur.SHOULD));
        query.add(inArticle(articleId.get()), BooleanClause.Occur.FILTER);
        return searcher.count(query.setMinimumNumberShouldMatch(1).build());
    }

    /** The term as indexed, or else its related forms in the index (longer and shorter words sharing its stem). */
    private List<String> forms(String term) {
        if (vocabulary.containsKey(term)) {
            return List.of(term);
        }
        List<String> forms = new ArrayList<>();
        for (String indexed : vocabulary.tailMap(term, false).keySet()) {
            if (!indexed.startsWith(term)) {
                break;
            }
            if (TermMatch.related(term, indexed)) {
                forms.add(indexed);
            }
        }
        for (int length = TermMatch.MIN_PREFIX; length < term.length(); length++) {
            if (vocabulary.containsKey(term.substring(0, length))) {
                forms.add(term.substring(0, length));
            }
        }
        return forms;
    }

    private List<Hit> search(Query query, int limit) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc scoreDoc : searcher.search(query, Math.max(1, limit)).scoreDocs) {
            hits.add(new Hit(passagesByDoc[scoreDoc.doc], scoreDoc.score));
        }
        return hits;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
