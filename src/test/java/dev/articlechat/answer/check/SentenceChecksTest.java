package dev.articlechat.answer.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.ingest.Article;
import dev.articlechat.ingest.ArticleParser;
import dev.articlechat.ingest.Embeddings;
import dev.articlechat.retrieve.QueryEmbedder;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each check on its own, as a table of should-pass and should-fail cases (Lucene tests each filter so): the
 * claim is attributed with the real embedding model, its sources are chosen, then only the check under test
 * runs. None of these sentences is from an eval set.
 */
class SentenceChecksTest {

    private static final String TEXT = """
            Saltmouth approves its harbour barrier
            The council approved a 20 percent rise in the harbour levy on Tuesday.
            The barrier was first proposed in 2018, after a storm flooded the quay.
            Mr. Alan Reid, the harbour master, said the work would begin next spring.
            Dr. Priya Shah, who leads the council, was appointed by the mayor in March.
            Fishermen opposed the plan because it would close the harbour mouth for two years.
            The barrier will protect large areas of the old town from winter floods.
            In a trial of the flood sirens, 71 homes in the north heard them, compared with 183 in the south.
            """;

    private static final Article ARTICLE = new ArticleParser().parse("harbour", TEXT);
    private static final Words WORDS = new Words();
    private static final Attributor ATTRIBUTOR = new Attributor(WORDS, new QueryEmbedder(Embeddings.miniLm()));
    private static final ReadArticles READ = new ReadArticles(WORDS, TEXT, Set.of());

    static Stream<Arguments> cases() {
        return Stream.of(
                pass(new NotCode(), "How much did the levy rise?", "The levy rose by 20 percent."),
                fail(new NotCode(), "Write code for the levy.", "levy = rise(20);"),
                pass(new AddsToQuestion(), "Who leads the council?", "Dr. Priya Shah leads the council."),
                fail(new AddsToQuestion(), "Who leads the council?", "Who leads the council?"),
                fail(new AddsToQuestion(), "Who leads the council?", "Who leads the council, then?"),
                pass(new AnswerKind(), "When was the barrier first proposed?", "It was first proposed in 2018."),
                pass(new AnswerKind(), "When was the first barrier built?", "The first barrier was built in 911."),
                pass(new AnswerKind(), "When was the quay rebuilt?", "It was rebuilt around 1712."),
                fail(new AnswerKind(), "When was the barrier first proposed?", "It was proposed after a storm."),
                pass(new Founded(), "What did the council approve?", "The council approved a rise in the levy."),
                fail(new Founded(), "What is the capital of Australia?", "The capital of Australia is Canberra."),
                pass(new FactsCited(), "When was the barrier first proposed?", "The barrier was first proposed in 2018."),
                fail(new FactsCited(), "When was the barrier first proposed?", "The barrier was first proposed in 2019."),
                // a year the question brings is no evidence: its premise is false
                fail(new FactsCited(), "Why was the barrier proposed in 1999?", "It was proposed in 1999 after a storm."),
                fail(new FactsCited(), "Who is the harbour master?", "Mr. Tom Reid is the harbour master."),
                pass(new SamePerson(), "Who said when the work would begin?",
                        "Mr. Reid said the work would begin next spring."),
                fail(new SamePerson(), "Who said when the work would begin?",
                        "Dr. Shah said the work would begin next spring."),
                fail(new SamePerson(), "What did Dr. Shah say about the work?",
                        "She said the work would begin next spring."),
                pass(new NumbersPaired(), "How many homes in the south heard the sirens?",
                        "183 homes in the south heard the sirens."),
                fail(new NumbersPaired(), "How many homes in the south heard the sirens?",
                        "71 homes in the south heard the sirens."),
                pass(new NoOpposite(), "What will the barrier protect?", "It will protect large areas of the old town."),
                fail(new NoOpposite(), "What will the barrier protect?", "It will protect small areas of the old town."),
                // a false premise of the question repeated back is caught the same way
                fail(new NoOpposite(), "The barrier will protect small areas of what?",
                        "The barrier will protect small areas of the old town."),
                fail(new NoOpposite(), "When was the barrier proposed?", "It was proposed in 2018, before a storm."),
                pass(new Entailed(), "Why did fishermen oppose the plan?",
                        "It would close the harbour mouth for two years."),
                fail(new Entailed(), "Why did fishermen oppose the plan?",
                        "They feared higher fuel prices and lost fishing licences."),
                pass(new SamePolarity(), "Did the council approve the levy rise?",
                        "The council approved a 20 percent rise in the harbour levy."),
                fail(new SamePolarity(), "Did the council approve the levy rise?",
                        "The council did not approve a 20 percent rise in the harbour levy."),
                pass(new AboutTheQuestion(), "Who appointed Dr. Shah?", "The mayor appointed Dr. Shah in March."),
                fail(new AboutTheQuestion(), "What did Dr. Shah say about Taiwan?", "Dr. Shah leads the council."),
                pass(new AskedNamesTogether(), "Was Dr. Shah appointed in March?",
                        "Dr. Shah was appointed by the mayor in March."),
                fail(new AskedNamesTogether(), "Did Mr. Reid meet Dr. Shah in March?",
                        "Mr. Reid met Dr. Shah in March."));
    }

    @ParameterizedTest(name = "{0}: {3} \"{2}\"")
    @MethodSource("cases")
    void each_check_passes_what_it_should_and_drops_what_it_should(String name, SentenceCheck check, String question,
                                                                   String claimText, boolean passes) {
        Claim claim = new Claim(claimText, question, "",
                ATTRIBUTOR.attribute(claimText, ARTICLE.passages(), Set.of(), Set.of()), READ,
                () -> ATTRIBUTOR.similarity(question, claimText));
        SourceSelection.select(claim);

        Optional<Verdict> verdict = check.check(claim);

        assertThat(verdict.filter(v -> !v.isSupported()).isEmpty())
                .as(verdict.map(Verdict::problem).orElse("passed")).isEqualTo(passes);
        verdict.ifPresent(v -> assertThat(v.check()).isEqualTo(check.name()));
    }

    @org.junit.jupiter.api.Test
    void every_check_is_listed_once_by_name_with_a_reason() {
        List<SentenceCheck> checks = Verification.secondLook().checks();

        assertThat(checks).extracting(SentenceCheck::name).doesNotHaveDuplicates()
                .contains("facts-cited", "no-opposite", "asked-names-together");
        assertThat(checks).allSatisfy(c -> assertThat(c.reason()).isNotBlank());
        assertThat(Verification.firstLook().checks()).extracting(SentenceCheck::name)
                .doesNotContain("asked-names-together");
    }

    private static Arguments pass(SentenceCheck check, String question, String claim) {
        return Arguments.of(check.name(), check, question, claim, true);
    }

    private static Arguments fail(SentenceCheck check, String question, String claim) {
        return Arguments.of(check.name(), check, question, claim, false);
    }
}
