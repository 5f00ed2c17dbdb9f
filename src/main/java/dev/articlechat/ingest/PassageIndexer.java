package dev.articlechat.ingest;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a corpus's passages, with their embeddings, into a Lucene index on disk. */
public final class PassageIndexer {

    private static final Logger log = LoggerFactory.getLogger(PassageIndexer.class);
    /** Commits, segment files and the lock, as IndexFileNames names them. */
    private static final Pattern LUCENE_FILE = Pattern.compile("segments(_\\w+)?|pending_segments_\\w+|_\\w+\\..+|write\\.lock");

    private final EmbeddingModel embeddingModel;
    private final String settings;

    public PassageIndexer(EmbeddingModel embeddingModel, String embeddingModelName) {
        this.embeddingModel = embeddingModel;
        this.settings = IndexSchema.settings(embeddingModelName);
    }

    /** Builds the index unless {@code indexDir} already holds one built from this exact corpus. */
    public boolean ensureIndex(Corpus corpus, Path indexDir) throws IOException {
        Optional<String> existing = fingerprintOf(indexDir);
        if (holds(corpus, indexDir)) {
            log.info("Index in {} is up to date ({} passages)", indexDir, corpus.passages().size());
            return false;
        }
        log.info(existing.isPresent() ? "Index in {} was built from other text; rebuilding" : "No index in {}; building",
                indexDir);
        build(corpus, indexDir);
        return true;
    }

    /** True when {@code indexDir} holds a complete index built from this exact corpus with these settings. */
    public boolean holds(Corpus corpus, Path indexDir) {
        return fingerprintOf(indexDir).filter(corpus.fingerprint(settings)::equals).isPresent();
    }

    public void build(Corpus corpus, Path indexDir) throws IOException {
        long started = System.nanoTime();
        List<Passage> passages = corpus.passages();
        List<TextSegment> segments = passages.stream().map(p -> TextSegment.from(p.text())).toList();
        List<float[]> vectors = embeddingModel.embedAll(segments).content().stream().map(Embedding::vector).toList();
        double[] hubness = Hubness.of(vectors);
        IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (fingerprintOf(indexDir).isEmpty()) {
                deleteIndexFiles(dir);
            }
            write(dir, config, corpus, passages, vectors, hubness);
        }
        log.info("Indexed {} passages into {} in {} ms", passages.size(), indexDir,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void write(Directory dir, IndexWriterConfig config, Corpus corpus, List<Passage> passages,
                       List<float[]> vectors, double[] hubness) throws IOException {
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int i = 0; i < passages.size(); i++) {
                writer.addDocument(toDocument(passages.get(i), vectors.get(i), hubness[i]));
            }
            writer.setLiveCommitData(Map.of(IndexSchema.FINGERPRINT_KEY, corpus.fingerprint(settings)).entrySet());
            writer.commit();
        }
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
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return Optional.empty();
            }
            return Optional.ofNullable(SegmentInfos.readLatestCommit(dir).getUserData().get(IndexSchema.FINGERPRINT_KEY));
        } catch (IndexNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("Index in {} is unreadable ({}); it will be rebuilt", indexDir, e.getMessage());
            return Optional.empty();
        }
    }

    private static Document toDocument(Passage passage, float[] vector, double hubness) {
        Document doc = new Document();
        doc.add(new StringField(IndexSchema.ID, passage.id(), Field.Store.YES));
        doc.add(new StoredField(IndexSchema.ARTICLE_ID, passage.articleId()));
        doc.add(new StoredField(IndexSchema.ORDINAL, passage.ordinal()));
        doc.add(new StoredField(IndexSchema.START, passage.start()));
        doc.add(new StoredField(IndexSchema.END, passage.end()));
        doc.add(new TextField(IndexSchema.TEXT, passage.text(), Field.Store.YES));
        doc.add(new StoredField(IndexSchema.HUBNESS, hubness));
        doc.add(new KnnFloatVectorField(IndexSchema.VECTOR, vector, IndexSchema.SIMILARITY));
        return doc;
    }
}
