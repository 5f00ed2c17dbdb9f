package dev.articlechat.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.answer.Question;
import dev.articlechat.answer.rewrite.QuestionRewriters;
import dev.articlechat.eval.EvalQuestion;
import dev.articlechat.eval.Evaluator;
import dev.articlechat.ingest.ArticleLoader;
import dev.articlechat.ingest.Corpus;
import dev.articlechat.ingest.Embeddings;
import dev.articlechat.ingest.PassageIndexer;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retrieval over a real index of the bundled article, built once for the class. */
class HybridRetrieverTest {

    private static final Path DEV_QUESTIONS = Path.of("src/test/resources/eval/dev-questions.jsonl");
    private static final int LIMIT = 5;
    private static final int APP_PASSAGES = 8;

    @TempDir
    static Path dir;

    private static EmbeddingModel model;
    private static Corpus corpus;
    private static PassageSearcher searcher;
    private static HybridRetriever retriever;

    @BeforeAll
    static void indexTheBundledArticle() throws IOException {
        model = Embeddings.miniLm();
        corpus = new ArticleLoader().load(List.of());
        Path indexDir = dir.resolve("index");
        new PassageIndexer(model, Embeddings.MODEL_NAME).update(corpus, indexDir);
        searcher = PassageSearcher.open(indexDir, corpus);
        retriever = new HybridRetriever(searcher, new QueryEmbedder(model), corpus);
    }

    @AfterAll
    static void closeIndex() throws IOException {
        searcher.close();
    }

    /** The app retrieves 8 passages per question (TestApp, like the default settings); at that depth none is missed. */
    @Test
    void finds_the_evidence_for_every_answerable_dev_question_in_the_passages_the_app_retrieves() {
        assertThat(missesAt(APP_PASSAGES)).isEmpty();
    }

    @Test
    void each_mode_returns_passages_ranked_by_its_own_signal() {
        RetrievalQuery query = RetrievalQuery.of("Who did Carney meet in Beijing?");

        Retrieval bm25 = retriever.retrieve(query, RetrievalMode.BM25, LIMIT, 0, Optional.empty());
        Retrieval vector = retriever.retrieve(query, RetrievalMode.VECTOR, LIMIT, 0, Optional.empty());
        Retrieval hybrid = retriever.retrieve(query, RetrievalMode.HYBRID, LIMIT, 0, Optional.empty());

        assertThat(bm25.passages()).hasSize(LIMIT).allSatisfy(p -> {
            assertThat(p.lexical()).isPositive();
            assertThat(p.semantic()).isZero();
        });
        assertThat(vector.passages()).hasSize(LIMIT).allSatisfy(p -> assertThat(p.lexical()).isZero());
        assertThat(hybrid.passages()).hasSize(LIMIT);
        for (Retrieval retrieval : List.of(bm25, vector, hybrid)) {
            List<Double> scores = retrieval.passages().stream().map(RetrievedPassage::score).toList();
            assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(retrieval.passages()).noneMatch(RetrievedPassage::context);
            assertThat(retrieval.corpusSize()).isEqualTo(corpus.passages().size());
        }
    }

    /** Per question, not as a share: each question a single mode finds the evidence of, hybrid finds it too. */
    @Test
    void hybrid_finds_the_evidence_of_each_dev_question_either_single_mode_finds_at_the_app_depth() {
        Set<String> hybrid = foundBy(RetrievalMode.HYBRID, APP_PASSAGES);

        assertThat(hybrid).containsAll(foundBy(RetrievalMode.BM25, APP_PASSAGES))
                .containsAll(foundBy(RetrievalMode.VECTOR, APP_PASSAGES));
    }

    /**
     * In its first five passages hybrid finds the evidence of every answerable dev question but d18's ("For how long
     * were relations between the two countries strained?", found in the first eight), and of each question vector
     * search finds.
     */
    @Test
    void hybrid_finds_the_evidence_of_every_dev_question_but_one_in_its_first_five() {
        assertThat(missesAt(LIMIT)).allMatch(miss -> miss.startsWith("d18 "));
        assertThat(foundBy(RetrievalMode.HYBRID, LIMIT)).containsAll(foundBy(RetrievalMode.VECTOR, LIMIT));
    }

    @Test
    void adds_neighbouring_sentences_marked_as_context_when_asked_for_a_window() {
        RetrievalQuery query = RetrievalQuery.of("Where had Carney and Xi met before?");

        Retrieval narrow = retriever.retrieve(query, RetrievalMode.HYBRID, 2, 0, Optional.empty());
        Retrieval wide = retriever.retrieve(query, RetrievalMode.HYBRID, 2, 1, Optional.empty());

        List<RetrievedPassage> hits = wide.passages().stream().filter(p -> !p.context()).toList();
        List<RetrievedPassage> neighbours = wide.passages().stream().filter(RetrievedPassage::context).toList();
        assertThat(hits).extracting(p -> p.passage().id())
                .containsExactlyElementsOf(narrow.passages().stream().map(p -> p.passage().id()).toList());
        assertThat(wide.passages().subList(0, hits.size())).isEqualTo(hits);
        assertThat(neighbours).isNotEmpty().allSatisfy(neighbour -> {
            assertThat(neighbour.passage().articleId()).isEqualTo(corpus.primary().id());
            assertThat(hits).anyMatch(hit -> Math.abs(hit.passage().ordinal() - neighbour.passage().ordinal()) == 1);
            assertThat(neighbour.score()).isZero();
        });
        assertThat(wide.passages()).extracting(p -> p.passage().id()).doesNotHaveDuplicates();
    }

    @Test
    void never_takes_a_neighbour_from_another_article() throws IOException {
        Path alpha = Files.writeString(dir.resolve("alpha.txt"),
                "Alpha Story\nThe opening sentence of this story is about apples.\n"
                        + "The closing sentence mentions zebras grazing near Nairobi.\n");
        Path beta = Files.writeString(dir.resolve("beta.txt"),
                "Beta Story\nThe opening sentence of this other story is about volcanoes.\n"
                        + "The closing sentence of it is about rivers and lakes.\n");
        Corpus two = new ArticleLoader().load(List.of(alpha, beta));
        Path indexDir = dir.resolve("two-articles");
        new PassageIndexer(model, Embeddings.MODEL_NAME).update(two, indexDir);

        try (PassageSearcher twoSearcher = PassageSearcher.open(indexDir, two)) {
            HybridRetriever twoRetriever = new HybridRetriever(twoSearcher, new QueryEmbedder(model), two);
            Retrieval retrieval = twoRetriever.retrieve(RetrievalQuery.of("zebras Nairobi"), RetrievalMode.BM25, 1, 1,
                    Optional.empty());

            assertThat(retrieval.passages()).extracting(p -> p.passage().id()).containsExactly("p2", "p1");
            assertThat(retrieval.passages()).extracting(p -> p.passage().articleId()).containsOnly("alpha-story");
        }
    }

    @Test
    void a_question_with_no_indexed_words_finds_nothing_by_bm25_and_does_not_fail() {
        RetrievalQuery query = RetrievalQuery.of("???");

        Retrieval bm25 = retriever.retrieve(query, RetrievalMode.BM25, LIMIT, 1, Optional.empty());
        Retrieval hybrid = retriever.retrieve(query, RetrievalMode.HYBRID, LIMIT, 0, Optional.empty());

        assertThat(bm25.passages()).isEmpty();
        assertThat(bm25.questionTerms()).isEmpty();
        assertThat(hybrid.passages()).allSatisfy(p -> assertThat(p.lexical()).isZero());
    }

    @Test
    void a_question_of_stop_words_only_finds_nothing_by_bm25() {
        Retrieval retrieval = retriever.retrieve(RetrievalQuery.of("Is it to be or not?"), RetrievalMode.BM25, LIMIT, 0, Optional.empty());

        assertThat(retrieval.passages()).isEmpty();
    }

    @Test
    void marks_a_name_the_article_never_mentions_as_salient_and_absent() {
        Retrieval retrieval = retriever.retrieve(
                RetrievalQuery.of("What did Carney say about Mexico?"), RetrievalMode.HYBRID, LIMIT, 0, Optional.empty());

        QueryTerm mexico = term(retrieval, "Mexico");
        assertThat(mexico.salient()).isTrue();
        assertThat(mexico.inArticle()).isFalse();
        QueryTerm carney = term(retrieval, "Carney");
        assertThat(carney.salient()).isTrue();
        assertThat(carney.inArticle()).isTrue();
        assertThat(term(retrieval, "What").salient()).as("the first word is capitalised by grammar").isFalse();
    }

    @Test
    void marks_a_number_as_salient() {
        Retrieval retrieval = retriever.retrieve(
                RetrievalQuery.of("what happened in 2018?"), RetrievalMode.BM25, LIMIT, 0, Optional.empty());

        QueryTerm year = term(retrieval, "2018");
        assertThat(year.salient()).isTrue();
        assertThat(year.inArticle()).isTrue();
        assertThat(retrieval.passages().get(0).passage().text()).contains("2018 detention");
    }

    @Test
    void a_follow_up_finds_its_topic_through_the_conversation_before_it() {
        EvalQuestion followUp = answerableDevQuestions().stream()
                .filter(q -> q.id().equals("g01")).findFirst().orElseThrow();
        RetrievalQuery query = queryFor(followUp);

        Retrieval retrieval = retriever.retrieve(query, RetrievalMode.HYBRID, LIMIT, 0, Optional.empty());

        assertThat(query.hasContext()).isTrue();
        List<String> conversation = new TermAnalyzer().terms("Xi Jinping");
        assertThat(retrieval.contextTerms()).extracting(QueryTerm::term).containsAll(conversation);
        assertThat(holdsEvidence(retrieval, followUp)).isTrue();
    }

    private static List<String> missesAt(int limit) {
        List<String> misses = new ArrayList<>();
        for (EvalQuestion question : answerableDevQuestions()) {
            Retrieval retrieval = retriever.retrieve(queryFor(question), RetrievalMode.HYBRID, limit, 0, Optional.empty());
            if (!holdsEvidence(retrieval, question)) {
                misses.add(question.id() + " " + question.q() + " -> " + idsOf(retrieval));
            }
        }
        return misses;
    }

    /** The ids of the answerable dev questions whose evidence the mode finds in its first {@code depth} passages. */
    private static Set<String> foundBy(RetrievalMode mode, int depth) {
        Set<String> found = new HashSet<>();
        for (EvalQuestion question : answerableDevQuestions()) {
            Retrieval retrieval = retriever.retrieve(queryFor(question), mode, depth, 0, Optional.empty());
            assertThat(retrieval.passages()).as("%s in %s mode", question.id(), mode).isNotEmpty();
            if (holdsEvidence(retrieval, question)) {
                found.add(question.id());
            }
        }
        return found;
    }

    private static List<EvalQuestion> answerableDevQuestions() {
        List<EvalQuestion> questions = Evaluator.read(DEV_QUESTIONS).stream().filter(q -> !q.outOfScope()).toList();
        assertThat(questions).isNotEmpty();
        return questions;
    }

    private static RetrievalQuery queryFor(EvalQuestion question) {
        return QuestionRewriters.byRule(corpus).rewrite(new Question(question.q(), question.history())).search();
    }

    private static boolean holdsEvidence(Retrieval retrieval, EvalQuestion question) {
        return retrieval.passages().stream()
                .map(p -> p.passage().text())
                .anyMatch(text -> question.evidenceAny().stream().anyMatch(text::contains));
    }

    private static QueryTerm term(Retrieval retrieval, String surface) {
        return retrieval.questionTerms().stream()
                .filter(t -> t.surface().equals(surface)).findFirst().orElseThrow();
    }

    private static Set<String> idsOf(Retrieval retrieval) {
        return retrieval.passages().stream().map(p -> p.passage().id()).collect(Collectors.toSet());
    }
}
