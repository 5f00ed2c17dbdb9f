package dev.articlechat.answer.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.ArticleParser;
import dev.articlechat.ingest.Embeddings;
import dev.articlechat.ingest.Passage;
import dev.articlechat.retrieve.QueryEmbedder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Attribution and verification of written sentences against a small article, with the real embedding model:
 * what a capable model writes in its own words passes, and what an invented fact or a true sentence answering
 * another question needs to pass does not.
 */
class AttributionTest {

    private static final String TEXT = """
            Saltmouth approves its harbour barrier
            The council approved a 20 percent rise in the harbour levy on Tuesday.
            The barrier was first proposed in 2018, after a storm flooded the quay.
            Mr. Alan Reid, the harbour master, said the work would begin next spring.
            Dr. Priya Shah, who leads the council, was appointed by the mayor in March.
            Fishermen opposed the plan because it would close the harbour mouth for two years.
            """;

    private static final Article ARTICLE = new ArticleParser().parse("harbour", TEXT);
    private static final Words WORDS = new Words();
    private static final Attributor ATTRIBUTOR = new Attributor(WORDS, new QueryEmbedder(Embeddings.miniLm()));
    private static final ReadArticles VERIFIER = new ReadArticles(WORDS, TEXT, Set.of());

    @Test
    void the_article_splits_into_its_sentences_whatever_the_abbreviations() {
        assertThat(ARTICLE.passages()).extracting(Passage::text)
                .contains("Mr. Alan Reid, the harbour master, said the work would begin next spring.")
                .contains("Dr. Priya Shah, who leads the council, was appointed by the mayor in March.");
    }

    @Test
    void a_sentence_in_the_models_own_words_is_attributed_to_the_sentence_it_rests_on() {
        Verdict verdict = verify("Who leads the council?", "Priya Shah is the council's leader.");

        assertThat(verdict.isSupported()).as(verdict.problem()).isTrue();
        assertThat(verdict.cited()).singleElement().extracting(Passage::text).asString().startsWith("Dr. Priya Shah");
    }

    @Test
    void the_models_own_marker_is_a_hint_not_the_truth() {
        List<Attributor.Candidate> candidates = ATTRIBUTOR.attribute(
                "The harbour master said work would start next spring.", ARTICLE.passages(), Set.of(1), Set.of());

        assertThat(candidates.get(0).passage().text()).startsWith("Mr. Alan Reid");
    }

    @Test
    void a_reason_is_attributed_to_the_sentence_that_gives_it() {
        Verdict verdict = verify("Why did fishermen oppose the barrier?",
                "They objected because the harbour mouth would be closed for two years.");

        assertThat(verdict.isSupported()).as(verdict.problem()).isTrue();
        assertThat(verdict.cited()).singleElement().extracting(Passage::text).asString().startsWith("Fishermen");
    }

    @Test
    void an_invented_number_is_not_shown() {
        Verdict verdict = verify("When was the barrier first proposed?",
                "The barrier was first proposed in 2020.");

        assertThat(verdict.isSupported()).isFalse();
        assertThat(verdict.problem()).contains("2020");
    }

    @Test
    void a_number_must_be_the_same_token_not_part_of_one() {
        Verdict verdict = verify("When was the barrier first proposed?",
                "The barrier was first proposed 20 years ago.");

        assertThat(verdict.isSupported()).isFalse();
        assertThat(verdict.problem()).contains("20");
    }

    @Test
    void a_spelled_out_number_matches_its_digits() {
        Verdict verdict = verify("How long would the harbour mouth be closed?",
                "The harbour mouth would be closed for 2 years, which fishermen opposed.");

        assertThat(verdict.isSupported()).as(verdict.problem()).isTrue();
    }

    @Test
    void an_invented_name_at_the_start_of_a_sentence_is_not_shown() {
        Verdict verdict = verify("Who was appointed by the mayor in March?",
                "Johnson was appointed by the mayor in March.");

        assertThat(verdict.isSupported()).isFalse();
        assertThat(verdict.problem()).contains("johnson");
    }

    @Test
    void a_name_the_question_brings_is_no_evidence_for_what_the_question_says_of_it() {
        // the article never says Dr. Shah backs the barrier: the question's premise is no source
        assertThat(verify("When was the barrier Dr. Shah backs first proposed?",
                "The barrier Dr. Shah backs was first proposed in 2018, after a storm.").isSupported()).isFalse();
        assertThat(verify("When was the barrier Dr. Shah backs first proposed?",
                "The barrier was first proposed in 2018, after a storm.").isSupported()).isTrue();
        assertThat(verify("When did Mayor Johnson first propose the barrier?",
                "Mayor Johnson first proposed the barrier in 2018, after a storm flooded the quay.").problem())
                .contains("johnson");
    }

    @Test
    void a_common_word_at_the_start_of_a_sentence_is_no_name() {
        Verdict verdict = verify("What did the council approve?",
                "Councillors approved a 20 percent rise in the harbour levy.");

        assertThat(verdict.isSupported()).as(verdict.problem()).isTrue();
    }

    @Test
    void a_name_after_an_abbreviation_is_checked_like_any_other() {
        assertThat(verify("Who is the harbour master?", "Mr. Alan Reid is the harbour master.").isSupported())
                .isTrue();
        assertThat(verify("Who is the harbour master?", "Mr. Tom Reid is the harbour master.").problem())
                .contains("tom");
    }

    @Test
    void a_true_sentence_that_answers_another_question_is_not_shown() {
        Verdict verdict = verify("Who appointed Dr. Shah?",
                "The council approved a 20 percent rise in the harbour levy on Tuesday.");

        assertThat(verdict.isSupported()).isFalse();
        assertThat(verdict.problem()).contains("answers another question");
    }

    @Test
    void a_sentence_about_someone_asked_about_is_no_answer_when_it_says_nothing_of_what_was_asked() {
        Verdict verdict = verify("What did Dr. Shah say about Taiwan?",
                "Dr. Priya Shah leads the council.");

        assertThat(verdict.isSupported()).isFalse();
        assertThat(verdict.problem()).contains("answers another question");
    }

    @Test
    void a_sentence_that_only_repeats_the_question_is_no_answer() {
        assertThat(verify("Who leads the council?", "Who leads the council?").isSupported()).isFalse();
    }

    @Test
    void a_denial_the_article_does_not_make_is_not_shown() {
        Verdict verdict = verify("Did the council approve the levy rise?",
                "The council did not approve a rise in the harbour levy.");

        assertThat(verdict.isSupported()).isFalse();
        assertThat(verdict.problem()).contains("denies");
    }

    @Test
    void a_no_that_the_article_bears_out_is_no_denial() {
        Verdict verdict = verify("Has the work on the barrier begun?",
                "The harbour master said the work would begin next spring."); // the model's "No, …" as cleaned

        assertThat(verdict.isSupported()).as(verdict.problem()).isTrue();
    }

    @Test
    void a_word_that_is_also_a_keyword_is_no_code() {
        assertThat(verify("Where is the work to begin, said the harbour master?",
                "The harbour master said the public work would begin next spring.").isSupported()).isTrue();
    }

    @Test
    void code_is_never_an_answer() {
        assertThat(verify("Write Python that prints the levy rise.", "print(\"The levy rose 20 percent\")")
                .problem()).contains("code");
    }

    @Test
    void a_claim_about_something_the_article_never_mentions_is_not_shown() {
        assertThat(verify("What is the capital of Australia?", "The capital of Australia is Canberra.")
                .isSupported()).isFalse();
    }

    @Test
    void a_claim_resting_on_the_sentence_retrieval_found_first_answers_the_question_in_other_words() {
        String question = "What disaster happened in 2018?";
        String claim = "A storm flooded the quay.";
        Passage found = ARTICLE.passages().stream().filter(p -> p.text().contains("first proposed in 2018"))
                .findFirst().orElseThrow();
        ReadArticles knowingWhatWasFound = new ReadArticles(WORDS, TEXT, Set.of(found));

        assertThat(verify(question, claim).problem()).contains("answers another question");
        assertThat(verifyAgainst(ARTICLE, knowingWhatWasFound, question, claim).cited()).containsExactly(found);
        Passage shah = ARTICLE.passages().stream().filter(p -> p.text().contains("Dr. Priya Shah"))
                .findFirst().orElseThrow();
        assertThat(verifyAgainst(ARTICLE, new ReadArticles(WORDS, TEXT, Set.of(shah)),
                "What did Dr. Shah say about Taiwan?", "Dr. Priya Shah leads the council.").isSupported())
                .as("a name the article never mentions still has to be answered").isFalse();
    }

    @Test
    void a_country_named_by_its_adjective_is_the_articles_abbreviation_for_it() {
        String text = """
                Ottawa weighs its trade options
                US President Donald Trump has said Canada could become the 51st U.S. state.
                Canada plans to apply to the U.S. Food and Drug Administration later that year.
                """;
        Article article = new ArticleParser().parse("trade", text);
        ReadArticles verifier = new ReadArticles(WORDS, text, Set.of());

        assertSupported(verifyAgainst(article, verifier, "What did the American president suggest Canada could become?",
                "The American president said Canada could become the 51st US state."));
        assertSupported(verifyAgainst(article, verifier, "When will Canada apply to the American drug administration?",
                "Canada will apply to the US Food and Drug Administration later that year."));
        Verdict british = verifyAgainst(article, verifier,
                "What did the British prime minister suggest Canada could become?",
                "The British prime minister suggested Canada could become the 51st state.");
        assertThat(british.isSupported()).isFalse();
    }

    @Test
    void a_number_given_the_words_of_another_number_is_not_shown() {
        String text = """
                Pill vaccine cuts norovirus illness
                Over two winters, 71 people in the vaccine group fell ill, compared with 183 in the placebo group.
                The trial recruited 9,412 volunteers, who were enrolled at 38 sites in four countries.
                Construction is due to begin in the spring of 2027 and finish in late 2029.
                """;
        Article article = new ArticleParser().parse("trial", text);
        ReadArticles verifier = new ReadArticles(WORDS, text, Set.of());

        assertThat(verifyAgainst(article, verifier, "How many people in the placebo group fell ill?",
                "71 people in the placebo group fell ill.").problem()).contains("gives 71 what its source gives 183");
        assertThat(verifyAgainst(article, verifier, "How many people in the placebo group fell ill?",
                "183 people in the placebo group fell ill.").problem()).isNull();
        assertThat(verifyAgainst(article, verifier, "When will construction begin?",
                "Construction will begin in 2029.").isSupported()).isFalse();
        assertThat(verifyAgainst(article, verifier, "When will construction begin?",
                "Construction will begin in the spring of 2027.").isSupported()).isTrue();
        assertThat(verifyAgainst(article, verifier, "How big was the trial?",
                "The trial recruited 9,412 volunteers at 38 sites.").isSupported())
                .as("a word between two numbers the claim gives is no mispairing").isTrue();
    }

    @Test
    void a_rank_is_no_count_a_source_could_give_other_words() {
        String text = """
                Carney meets Xi in Beijing
                Carney's four-day visit to China, which began on Wednesday, marks the first trip by a Canadian prime minister to the country in eight years.
                """;
        Article article = new ArticleParser().parse("visit", text);
        ReadArticles verifier = new ReadArticles(WORDS, text, Set.of());

        Verdict ranked = verifyAgainst(article, verifier,
                "Is Carney's visit the first by a Canadian prime minister in years?",
                "Carney's visit to China is the first by a Canadian prime minister in eight years.");

        assertThat(ranked.isSupported()).as(ranked.problem()).isTrue();
    }

    @Test
    void a_day_taken_from_a_sentence_about_something_else_is_not_shown() {
        String text = """
                Carney meets Xi in Beijing
                Prime Minister Mark Carney on Friday welcomed a new partnership during talks with President Xi Jinping.
                Carney's four-day visit to China, which began on Wednesday, is the first in eight years.
                """;
        Article article = new ArticleParser().parse("visit", text);
        ReadArticles verifier = new ReadArticles(WORDS, text, Set.of());

        Verdict chimera = verifyAgainst(article, verifier,
                "On which day did Carney hold talks with President Xi Jinping?",
                "Carney held talks with President Xi Jinping on Wednesday.");
        assertThat(chimera.problem()).contains("names wednesdai");
        assertThat(verifyAgainst(article, verifier, "On which day did Carney hold talks with President Xi Jinping?",
                "Carney held talks with President Xi Jinping on Friday.").isSupported()).isTrue();
        assertThat(verifyAgainst(article, verifier, "How long is the visit to China?",
                "Carney's visit to China lasts four days.").isSupported()).isTrue();
    }

    @Test
    void a_second_look_may_not_take_what_the_question_names_from_different_sentences() {
        String text = """
                Carney meets Xi in Beijing
                Prime Minister Mark Carney on Friday welcomed a new partnership during talks with President Xi Jinping.
                Carney's four-day visit to China, which began on Wednesday, is the first in eight years.
                Officials in Ottawa said the visit to China had been a success.
                The barrier will cost £38.5 million, the council said.
                Three funders will share the cost of the barrier.
                """;
        Article article = new ArticleParser().parse("visit", text);
        ReadArticles verifier = new ReadArticles(WORDS, text, Set.of());
        String joined = "Xi Jinping visited Ottawa during Carney's four-day visit to China.";
        String gathered = "The barrier will cost £38.5 million, shared by three funders.";

        Verdict firstLook = verifyAgainst(article, verifier, "Did Xi visit Ottawa?", joined);
        Verdict secondLook = verifyAfterPointing(article, verifier, "Did Xi visit Ottawa?", joined);
        Verdict cost = verifyAfterPointing(article, verifier, "How much will the barrier cost?",
                gathered);

        assertThat(firstLook.isSupported()).as(firstLook.problem()).isTrue();
        assertThat(firstLook.cited()).hasSizeGreaterThan(1);
        assertThat(secondLook.problem()).contains("takes what the question names from different sentences");
        assertThat(cost.isSupported()).as(cost.problem()).isTrue();
        assertThat(cost.cited()).hasSize(2);
    }

    @Test
    void a_when_question_wants_a_time_and_a_cost_question_an_amount() {
        String text = """
                Saltmouth approves its barrier
                The barrier will cost £38.5 million, shared by three funders.
                The three funders are the Environment Agency, the county council and the town council.
                A trial in 1,500 children is due to begin in January 2026, and a booster is being tested in people over 65.
                """;
        Article article = new ArticleParser().parse("barrier", text);
        ReadArticles verifier = new ReadArticles(WORDS, text, Set.of());

        assertThat(verifyAgainst(article, verifier, "How much will the barrier cost?",
                "The cost of the barrier will be split among three funders.").isSupported()).isFalse();
        assertThat(verifyAgainst(article, verifier, "How much will the barrier cost?",
                "The barrier will cost £38.5 million.").isSupported()).isTrue();
        assertThat(verifyAgainst(article, verifier, "What is the dollar value of the barrier?",
                "The barrier is shared by three funders.").isSupported()).isFalse();
        assertThat(verifyAgainst(article, verifier, "When does the children's trial start?",
                "A booster is being tested in people over 65.").isSupported()).isFalse();
        assertThat(verifyAgainst(article, verifier, "When does the children's trial start?",
                "The children's trial is due to begin in January 2026.").isSupported()).isTrue();
    }

    @Test
    void a_yes_or_no_question_is_answered_by_a_fact_not_by_its_own_words_restated() {
        assertThat(verify("Did Dr. Shah approve the levy rise?", "Dr. Shah approved the levy rise.").isSupported())
                .as("restating the question checks nothing: the words would be found whether or not it is true")
                .isFalse();
        Verdict restated = verify("Did the council approve a rise in the harbour levy?",
                "The council approved a rise in the harbour levy.");
        assertThat(restated.quotes()).as("the one sentence that says it all is shown instead").isTrue();
        assertThat(restated.cited()).singleElement().extracting(Passage::text).asString()
                .startsWith("The council approved a 20 percent rise");
        assertThat(verify("Did the council approve a rise in the harbour levy?",
                "The council did not approve a rise in the harbour levy.").isSupported()).isFalse();
        assertThat(verify("Was the barrier proposed after a storm?",
                "The barrier was first proposed in 2018, after a storm flooded the quay.").isSupported()).isTrue();
    }

    @Test
    void he_or_she_is_the_person_asked_about_not_whoever_the_cited_sentence_names() {
        assertThat(verify("What did Dr. Shah say about the work?", "She said the work would begin next spring.")
                .problem()).contains("says of Priya Shah what its sources say of Alan Reid");
        assertThat(verify("What did Mr. Reid say about the work?", "He said the work would begin next spring.")
                .isSupported()).isTrue();
    }

    @Test
    void a_questions_opening_words_are_no_names_the_answer_must_repeat() {
        assertThat(verify("Besides the levy, when was the barrier first proposed?",
                "The barrier was first proposed in 2018.").isSupported()).isTrue();
        assertThat(WORDS.facts("And Mr. Reid? How did he describe the work?", Words.lowerCaseWords(TEXT)))
                .containsExactly("reid");
    }

    private static void assertSupported(Verdict verdict) {
        assertThat(verdict.isSupported()).as(verdict.problem()).isTrue();
    }

    private static Verdict verifyAgainst(Article article, ReadArticles read, String question, String claim) {
        return check(Verification.firstLook(), article, read, question, claim);
    }

    private static Verdict verifyAfterPointing(Article article, ReadArticles read, String question, String claim) {
        return check(Verification.secondLook(), article, read, question, claim);
    }

    private static Verdict verify(String question, String claim) {
        return verifyAgainst(ARTICLE, VERIFIER, question, claim);
    }

    private static Verdict check(Verification verification, Article article, ReadArticles read, String question,
                                 String claim) {
        List<Attributor.Candidate> candidates = ATTRIBUTOR.attribute(claim, article.passages(), Set.of(),
                read.bestForQuestion());
        return verification.verify(new Claim(claim, question, "", candidates, read,
                () -> ATTRIBUTOR.similarity(question, claim))).verdict();
    }
}
