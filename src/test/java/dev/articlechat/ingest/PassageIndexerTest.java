package dev.articlechat.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.retrieve.PassageSearcher;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassageIndexerTest {

    private static final String FIRST_VERSION = """
            Ottawa Weighs New Trade Rules
            By Jane Doe
            Ministers met on Monday to discuss new trade rules for the coming year.
            The talks ended without a deal, officials said.
            Share this article
            """;
    /** The same story after an edit: one sentence changed, one added. */
    private static final String SECOND_VERSION = """
            Ottawa Weighs New Trade Rules
            By Jane Doe
            Ministers met on Monday to discuss new trade rules for the coming year.
            The talks ended with a deal on steel, officials said.
            A second round of talks is planned for the spring.
            Share this article
            """;

    private static final String HARBOUR_WALL = """
            Harbour Wall Repaired
            Workers finished repairing the harbour wall on Friday after the winter storms.
            The repairs cost the town forty thousand pounds.
            """;

    private static final EmbeddingModel model = Embeddings.miniLm();

    @TempDir
    Path dir;

    @Test
    void builds_the_index_when_there_is_none() throws IOException {
        Corpus corpus = load(FIRST_VERSION, "story.txt");
        Path indexDir = dir.resolve("index");

        boolean built = indexer().update(corpus, indexDir).added() > 0;

        assertThat(built).isTrue();
        try (PassageSearcher searcher = PassageSearcher.open(indexDir, corpus)) {
            assertThat(searcher.size()).isEqualTo(corpus.passages().size()).isEqualTo(2);
            List<PassageSearcher.Hit> hits = searcher.bm25(Map.of("deal", 1f), 5, Optional.empty());
            assertThat(hits).extracting(hit -> hit.passage())
                    .containsExactly(corpus.primary().passage("p2").orElseThrow());
        }
    }

    @Test
    void searches_vectors_quantised_to_bytes_and_finds_the_sentence_nearest_in_meaning() throws IOException {
        Corpus corpus = load(FIRST_VERSION, "story.txt");
        Path indexDir = dir.resolve("index");
        indexer().update(corpus, indexDir);

        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
            assertThat(reader.leaves()).allSatisfy(leaf -> assertThat(leaf.reader().getFieldInfos()
                    .fieldInfo(IndexSchema.VECTOR).getAttribute(PerFieldKnnVectorsFormat.PER_FIELD_FORMAT_KEY))
                    .isEqualTo("Lucene99HnswScalarQuantizedVectorsFormat"));
        }
        try (PassageSearcher searcher = PassageSearcher.open(indexDir, corpus)) {
            float[] question = model.embed("Did the talks end in a deal?").content().vector();
            assertThat(searcher.nearest(question, 1, Optional.empty())).extracting(hit -> hit.passage())
                    .containsExactly(corpus.primary().passage("p2").orElseThrow());
        }
    }

    @Test
    void does_not_rebuild_an_index_built_from_the_same_text() throws IOException {
        Corpus corpus = load(FIRST_VERSION, "story.txt");
        Path indexDir = dir.resolve("index");
        indexer().update(corpus, indexDir);

        boolean rebuilt = indexer().update(load(FIRST_VERSION, "same-story.txt"), indexDir).added() > 0;

        assertThat(rebuilt).isFalse();
    }

    @Test
    void rebuilds_the_index_when_the_article_text_changes() throws IOException {
        Path indexDir = dir.resolve("index");
        indexer().update(load(FIRST_VERSION, "first.txt"), indexDir);
        Corpus edited = load(SECOND_VERSION, "second.txt");

        boolean rebuilt = indexer().update(edited, indexDir).added() > 0;

        assertThat(rebuilt).isTrue();
        try (PassageSearcher searcher = PassageSearcher.open(indexDir, edited)) {
            assertThat(searcher.size()).isEqualTo(3);
            assertThat(searcher.bm25(Map.of("spring", 1f), 5, Optional.empty())).extracting(hit -> hit.passage().text())
                    .containsExactly("A second round of talks is planned for the spring.");
            assertThat(searcher.passageCount("without")).isZero();
        }
    }

    @Test
    void records_a_fingerprint_that_changes_with_the_text() throws IOException {
        Path firstDir = dir.resolve("first");
        Path secondDir = dir.resolve("second");
        Corpus first = load(FIRST_VERSION, "first.txt");
        Corpus second = load(SECOND_VERSION, "second.txt");

        indexer().update(first, firstDir);
        indexer().update(second, secondDir);

        String settings = IndexSchema.settings(Embeddings.MODEL_NAME);
        assertThat(PassageIndexer.fingerprintOf(firstDir)).contains(first.fingerprint(settings));
        assertThat(PassageIndexer.fingerprintOf(secondDir)).contains(second.fingerprint(settings));
        assertThat(PassageIndexer.fingerprintOf(firstDir)).isNotEqualTo(PassageIndexer.fingerprintOf(secondDir));
    }

    @Test
    void rebuilds_the_index_when_the_embedding_model_changes() throws IOException {
        Corpus corpus = load(FIRST_VERSION, "story.txt");
        Path indexDir = dir.resolve("index");
        indexer().update(corpus, indexDir);

        boolean rebuilt = new PassageIndexer(model, "another-model").update(corpus, indexDir).added() > 0;

        assertThat(rebuilt).isTrue();
        assertThat(PassageIndexer.fingerprintOf(indexDir))
                .contains(corpus.fingerprint(IndexSchema.settings("another-model")));
    }

    @Test
    void finds_no_fingerprint_where_there_is_no_index() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(PassageIndexer.fingerprintOf(empty)).isEmpty();
    }

    @Test
    void rebuilds_an_index_directory_full_of_junk_instead_of_crashing() throws IOException {
        Path indexDir = Files.createDirectories(dir.resolve("index"));
        Files.writeString(indexDir.resolve("notes.txt"), "not an index");
        Files.write(indexDir.resolve("_0.cfs"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Corpus corpus = load(FIRST_VERSION, "story.txt");

        boolean built = indexer().update(corpus, indexDir).added() > 0;

        assertThat(built).isTrue();
        assertThat(PassageIndexer.fingerprintOf(indexDir)).contains(corpus.fingerprint(IndexSchema.settings(Embeddings.MODEL_NAME)));
        try (PassageSearcher searcher = PassageSearcher.open(indexDir, corpus)) {
            assertThat(searcher.size()).isEqualTo(2);
        }
    }

    @Test
    void rebuilds_an_index_whose_commit_file_is_corrupt_instead_of_crashing() throws IOException {
        Path indexDir = Files.createDirectories(dir.resolve("index"));
        Files.write(indexDir.resolve("segments_1"), "this is not a Lucene commit".getBytes());
        Corpus corpus = load(FIRST_VERSION, "story.txt");

        assertThat(PassageIndexer.fingerprintOf(indexDir)).isEmpty();
        boolean built = indexer().update(corpus, indexDir).added() > 0;

        assertThat(built).isTrue();
        try (PassageSearcher searcher = PassageSearcher.open(indexDir, corpus)) {
            assertThat(searcher.size()).isEqualTo(2);
        }
    }

    @Test
    void rebuilds_an_index_whose_files_were_truncated() throws IOException {
        Path indexDir = dir.resolve("index");
        Corpus corpus = load(FIRST_VERSION, "story.txt");
        indexer().update(corpus, indexDir);
        try (var files = Files.list(indexDir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(file, new byte[] {0x3f, (byte) 0xd7, 0x6c, 0x17, 0, 0, 0});
            }
        }

        boolean rebuilt = indexer().update(corpus, indexDir).added() > 0;

        assertThat(rebuilt).isTrue();
        try (PassageSearcher searcher = PassageSearcher.open(indexDir, corpus)) {
            assertThat(searcher.size()).isEqualTo(2);
        }
    }

    @Test
    void embeds_only_the_article_that_was_added_and_keeps_the_others() throws IOException {
        Path indexDir = dir.resolve("index");
        Path first = Files.writeString(dir.resolve("first.txt"), FIRST_VERSION);
        Path other = Files.writeString(dir.resolve("other.txt"), HARBOUR_WALL);
        indexer().update(new ArticleLoader().load(List.of(first)), indexDir);
        Corpus both = new ArticleLoader().load(List.of(first, other));

        PassageIndexer.Update update = indexer().update(both, indexDir);

        assertThat(update).isEqualTo(new PassageIndexer.Update(1, 0, 1, 2));
        assertThat(indexer().holds(both, indexDir)).isTrue();
        try (PassageSearcher searcher = PassageSearcher.open(indexDir, both)) {
            assertThat(searcher.size()).isEqualTo(4);
            assertThat(searcher.bm25(Map.of("harbour", 1f), 5, Optional.of("ottawa-weighs-new-trade-rules"))).isEmpty();
            assertThat(searcher.bm25(Map.of("harbour", 1f), 5, Optional.of("harbour-wall-repaired")))
                    .extracting(hit -> hit.passage().articleId()).containsOnly("harbour-wall-repaired");
        }
    }

    @Test
    void drops_the_passages_of_an_article_that_changed_or_went() throws IOException {
        Path indexDir = dir.resolve("index");
        Path first = Files.writeString(dir.resolve("first.txt"), FIRST_VERSION);
        Path other = Files.writeString(dir.resolve("other.txt"), HARBOUR_WALL);
        indexer().update(new ArticleLoader().load(List.of(first, other)), indexDir);
        Files.writeString(first, SECOND_VERSION);
        Corpus edited = new ArticleLoader().load(List.of(first));

        PassageIndexer.Update update = indexer().update(edited, indexDir);

        assertThat(update).isEqualTo(new PassageIndexer.Update(1, 2, 0, 3));
        try (PassageSearcher searcher = PassageSearcher.open(indexDir, edited)) {
            assertThat(searcher.size()).isEqualTo(3);
            assertThat(searcher.bm25(Map.of("harbour", 1f), 5, Optional.empty())).isEmpty();
            assertThat(searcher.bm25(Map.of("spring", 1f), 5, Optional.empty())).hasSize(1);
        }
    }

    private static PassageIndexer indexer() {
        return new PassageIndexer(model, Embeddings.MODEL_NAME);
    }

    private Corpus load(String text, String fileName) throws IOException {
        return new ArticleLoader().load(List.of(Files.writeString(dir.resolve(fileName), text)));
    }
}
