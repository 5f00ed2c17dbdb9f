package dev.articlechat.ingest;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a corpus's passages, with their embeddings, into a Lucene index on disk. An index that already holds
 * some of the articles is updated: the passages of articles that changed or went are deleted by article id, and
 * only new and changed articles are embedded, so adding one article to thousands takes as long as that article.
 */
public final class PassageIndexer {

    private static final Logger log = LoggerFactory.getLogger(PassageIndexer.class);
    /** Commits, segment files and the lock, as IndexFileNames names them. */
    private static final Pattern LUCENE_FILE = Pattern.compile("segments(_\\w+)?|pending_segments_\\w+|_\\w+\\..+|write\\.lock");
    /** Passages embedded in one call: enough to keep the cores busy, few enough that their vectors stay small. */
    private static final int BATCH = 256;

    private final EmbeddingModel embeddingModel;
    private final String settings;

    public PassageIndexer(EmbeddingModel embeddingModel, String embeddingModelName) {
        this.embeddingModel = embeddingModel;
        this.settings = IndexSchema.settings(embeddingModelName);
    }

    /** What an update did. */
    public record Update(int added, int removed, int kept, int passagesEmbedded) {
    }

    /** True when {@code indexDir} holds a complete index built from this exact corpus with these settings. */
    public boolean holds(Corpus corpus, Path indexDir) {
        return fingerprintOf(indexDir).filter(corpus.fingerprint(settings)::equals).isPresent();
    }

    /** Builds the corpus into {@code indexDir} from nothing. */
    public Update build(Corpus corpus, Path indexDir) throws IOException {
        try (Directory dir = FSDirectory.open(indexDir)) {
            deleteIndexFiles(dir);
        }
        return update(corpus, indexDir);
    }

    /**
     * Makes the index in {@code indexDir} hold exactly this corpus: an index built with other settings, or an
     * unreadable one, is built again from nothing; otherwise only the articles that differ are written.
     */
    public Update update(Corpus corpus, Path indexDir) throws IOException {
        long started = System.nanoTime();
        SortedMap<String, String> wanted = corpus.digests();
        SortedMap<String, String> indexed = indexedArticles(indexDir).orElse(new TreeMap<>());
        IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
                .setOpenMode(indexed.isEmpty() ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(ramBufferMb())
                .setCodec(IndexSchema.codec());
        int removed = 0;
        int kept = 0;
        List<Article> toAdd = new ArrayList<>();
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (indexed.isEmpty()) {
                deleteIndexFiles(dir); // even in CREATE mode IndexWriter reads the last commit: a corrupt one must go
            }
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                for (Map.Entry<String, String> entry : indexed.entrySet()) {
                    if (!entry.getValue().equals(wanted.get(entry.getKey()))) {
                        writer.deleteDocuments(new Term(IndexSchema.ARTICLE_ID, entry.getKey()));
                        removed++;
                    }
                }
                for (Article article : corpus.articles()) {
                    if (wanted.get(article.id()).equals(indexed.get(article.id()))) {
                        kept++;
                    } else {
                        toAdd.add(article);
                    }
                }
                int embedded = add(writer, toAdd);
                writer.setLiveCommitData(Map.of(
                        IndexSchema.FINGERPRINT_KEY, Corpus.fingerprint(settings, wanted),
                        IndexSchema.ARTICLES_KEY, format(wanted)).entrySet());
                writer.commit();
                log.info("Indexed {} articles ({} sentences embedded) into {} in {} ms; kept {}, dropped {} changed or gone",
                        toAdd.size(), embedded, indexDir, (System.nanoTime() - started) / 1_000_000, kept, removed);
                return new Update(toAdd.size(), removed, kept, embedded);
            }
        }
    }

    /**
     * Adds the articles' passages, embedded a batch at a time. Articles are never split across batches, since a
     * passage's hubness is measured among its own article's sentences; the same sentence (a wire story's
     * boilerplate, a recurring standfirst) is embedded once per batch.
     */
    private int add(IndexWriter writer, List<Article> articles) throws IOException {
        int embedded = 0;
        List<Article> batch = new ArrayList<>();
        int passages = 0;
        for (Article article : articles) {
            batch.add(article);
            passages += article.passages().size();
            if (passages >= BATCH) {
                embedded += addBatch(writer, batch);
                batch.clear();
                passages = 0;
            }
        }
        if (!batch.isEmpty()) {
            embedded += addBatch(writer, batch);
        }
        return embedded;
    }

    private int addBatch(IndexWriter writer, List<Article> articles) throws IOException {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        articles.forEach(a -> a.passages().forEach(p -> vectors.put(p.text(), null)));
        List<TextSegment> segments = vectors.keySet().stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = embeddingModel.embedAll(segments).content();
        for (int i = 0; i < segments.size(); i++) {
            vectors.put(segments.get(i).text(), embeddings.get(i).vector());
        }
        for (Article article : articles) {
            List<float[]> own = article.passages().stream().map(p -> vectors.get(p.text())).toList();
            double[] hubness = Hubness.of(own);
            for (int i = 0; i < own.size(); i++) {
                writer.addDocument(toDocument(article.passages().get(i), own.get(i), hubness[i]));
            }
        }
        return segments.size();
    }

    /**
     * An eighth of the heap, between Lucene's default of 16 MB and 1 GB. Each time the buffer fills, a segment is
     * written, and every segment is searched on its own: a question pays for each one (its terms looked up, its
     * vector graph walked), and merging segments builds their vector graphs again. A build of 10,000 articles
     * with the index command's heap then writes one segment, not thirty, while a server with {@code -Xmx256m}
     * still re-indexes within a small share of its heap.
     */
    private static double ramBufferMb() {
        double eighth = Runtime.getRuntime().maxMemory() / 8.0 / (1 << 20);
        return Math.max(IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB, Math.min(1024, eighth));
    }

    /**
     * Removes what is left of an unreadable index. Even in CREATE mode IndexWriter reads the last commit, so
     * a corrupt one must go first; only files named like Lucene's own are touched, never anything else that
     * happens to share the directory.
     */
    static void deleteIndexFiles(Directory dir) throws IOException {
        for (String file : dir.listAll()) {
            if (LUCENE_FILE.matcher(file).matches()) {
                dir.deleteFile(file);
            }
        }
    }

    /** The fingerprint recorded in the index's last commit, if there is a readable index. */
    public static Optional<String> fingerprintOf(Path indexDir) {
        return userData(indexDir).map(data -> data.get(IndexSchema.FINGERPRINT_KEY));
    }

    /** The articles the index holds, with their digests, when it was built with these settings. */
    private Optional<SortedMap<String, String>> indexedArticles(Path indexDir) {
        return userData(indexDir)
                .filter(data -> data.get(IndexSchema.FINGERPRINT_KEY) != null && data.get(IndexSchema.ARTICLES_KEY) != null)
                .map(data -> parse(data.get(IndexSchema.ARTICLES_KEY)))
                .filter(articles -> Corpus.fingerprint(settings, articles).equals(fingerprintOf(indexDir).orElse("")));
    }

    private static Optional<Map<String, String>> userData(Path indexDir) {
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return Optional.empty();
            }
            return Optional.of(SegmentInfos.readLatestCommit(dir).getUserData());
        } catch (IndexNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("Index in {} is unreadable ({}); it will be rebuilt", indexDir, e.getMessage());
            return Optional.empty();
        }
    }

    private static String format(SortedMap<String, String> digests) {
        StringBuilder lines = new StringBuilder();
        digests.forEach((id, digest) -> lines.append(id).append('=').append(digest).append('\n'));
        return lines.toString();
    }

    private static SortedMap<String, String> parse(String lines) {
        SortedMap<String, String> digests = new TreeMap<>();
        for (String line : lines.split("\n")) {
            int equals = line.lastIndexOf('=');
            if (equals > 0) {
                digests.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return digests;
    }

    private static Document toDocument(Passage passage, float[] vector, double hubness) {
        Document doc = new Document();
        doc.add(new StringField(IndexSchema.ARTICLE_ID, passage.articleId(), Field.Store.NO));
        doc.add(new SortedDocValuesField(IndexSchema.ARTICLE_ID, new BytesRef(passage.articleId())));
        doc.add(new NumericDocValuesField(IndexSchema.ORDINAL, passage.ordinal()));
        doc.add(new TextField(IndexSchema.TEXT, passage.text(), Field.Store.NO));
        doc.add(new DoubleDocValuesField(IndexSchema.HUBNESS, hubness));
        doc.add(new KnnFloatVectorField(IndexSchema.VECTOR, vector, IndexSchema.SIMILARITY));
        return doc;
    }
}
