package dev.articlechat.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.ArticleLoader;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Embeddings;
import dev.articlechat.ingest.IndexSchema;
import dev.articlechat.ingest.PassageIndexer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassageSearcherTest {

    @TempDir
    Path dir;

    @Test
    void counts_the_passages_of_one_article_that_hold_a_term_as_the_index_does() throws IOException {
        Corpus corpus = new ArticleLoader().load(List.of(Path.of("src/test/resources/articles/harbour-flood.txt"),
                Path.of("src/test/resources/articles/vaccine-trial.txt")));
        Path indexDir = dir.resolve("index");
        new PassageIndexer(Embeddings.miniLm(), Embeddings.MODEL_NAME).update(corpus, indexDir);
        TermAnalyzer analyzer = new TermAnalyzer();
        TreeSet<String> terms = new TreeSet<>();
        corpus.articles().forEach(article -> terms.addAll(analyzer.terms(article.text())));
        terms.add("neverusedanywhere");

        try (PassageSearcher searcher = PassageSearcher.open(indexDir, corpus);
             DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
            IndexSearcher index = new IndexSearcher(reader);
            for (Article article : corpus.articles()) {
                for (String term : terms) {
                    int inIndex = index.count(new BooleanQuery.Builder()
                            .add(new TermQuery(new Term(IndexSchema.TEXT, term)), BooleanClause.Occur.MUST)
                            .add(new TermQuery(new Term(IndexSchema.ARTICLE_ID, article.id())), BooleanClause.Occur.FILTER)
                            .build());

                    assertThat(searcher.passageCount(term, Optional.of(article.id())))
                            .as("%s in %s", term, article.id()).isEqualTo(inIndex);
                }
            }
            assertThat(searcher.passageCount("flood", Optional.of("no-such-article"))).isZero();
        }
    }
}
