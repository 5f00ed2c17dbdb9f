package dev.articlechat.answer.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articlechat.answer.Question;
import dev.articlechat.answer.Turn;
import dev.articlechat.ingest.ArticleLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Follow-ups rewritten by rule, over the people of the bundled article. */
class RuleRewriterTest {

    private final RuleRewriter rewriter = QuestionRewriters.byRule(new ArticleLoader().load(List.of()));

    @Test
    void puts_the_person_just_named_in_place_of_she() {
        StandaloneQuestion rewritten = rewriter.rewrite(after("Who is Canada's foreign affairs minister?",
                "Anita Anand is Canada's Foreign Affairs Minister [1].", "What did she say about trade?"));

        assertThat(rewritten.text()).isEqualTo("What did Anita Anand say about trade?");
        assertThat(rewritten.query()).isEqualTo(rewritten.text());
        assertThat(rewritten.search().question()).isEqualTo("What did she say about trade?");
        assertThat(rewritten.search().context()).startsWith("Anita Anand").doesNotContain("[1]");
    }

    @Test
    void puts_both_people_of_the_exchange_in_place_of_they() {
        StandaloneQuestion rewritten = rewriter.rewrite(after("Who did Carney meet in Beijing?",
                "He met President Xi Jinping.", "Where had they met before?"));

        assertThat(rewritten.text()).isEqualTo("Where had Xi Jinping and Mark Carney met before?");
    }

    @Test
    void prefers_a_person_the_question_itself_names() {
        StandaloneQuestion rewritten = rewriter.rewrite(after("What did Carney say about the pace?",
                "He was extremely pleased [1].", "And Xi? How did he feel about it?"));

        assertThat(rewritten.text()).startsWith("And Xi? How did Xi Jinping feel about it?");
    }

    @Test
    void reads_her_before_a_noun_as_possessive() {
        StandaloneQuestion rewritten = rewriter.rewrite(after("Who is the foreign minister?",
                "Anita Anand [1].", "What was her message?"));

        assertThat(rewritten.text()).isEqualTo("What was Anita Anand’s message?");
    }

    @Test
    void names_the_question_it_follows_up_on_when_words_still_point_back() {
        StandaloneQuestion rewritten = rewriter.rewrite(after("What caused tension between Canada and China?",
                "Canada's 2018 detention of a Chinese executive [1].", "And the tariffs?"));

        assertThat(rewritten.text()).isEqualTo("And the tariffs?");
        assertThat(rewritten.query())
                .isEqualTo("And the tariffs? (following up on: What caused tension between Canada and China?)");
        assertThat(rewritten.search().context()).contains("detention");
    }

    @ParameterizedTest
    @ValueSource(strings = {"How long is Carney's visit to China?", "What did Anand say in Beijing?",
            "Was there a deal on canola?", "Did Carney say that Canada would double exports?"})
    void leaves_a_question_that_stands_on_its_own_alone_even_in_a_conversation(String question) {
        StandaloneQuestion rewritten = rewriter.rewrite(after("What tariffs did Ottawa impose?",
                "Tariffs on Chinese-made electric vehicles [1].", question));

        assertThat(rewritten.text()).isEqualTo(question);
        assertThat(rewritten.query()).isEqualTo(question);
        assertThat(rewritten.search().hasContext()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Why?", "And the tariffs?", "What about energy?", "How long will it last?",
            "What did he post there?", "Which areas do they cover?", "When was that?"})
    void sees_a_follow_up_in_pronouns_and_ellipsis(String question) {
        assertThat(RuleRewriter.pointsBack(question)).isTrue();
    }

    @Test
    void leaves_a_first_question_alone() {
        StandaloneQuestion rewritten = rewriter.rewrite(Question.of("What did she say?"));

        assertThat(rewritten.text()).isEqualTo("What did she say?");
        assertThat(rewritten.search().hasContext()).isFalse();
    }

    private static Question after(String asked, String answered, String question) {
        return new Question(question, List.of(new Turn(Turn.USER, asked), new Turn(Turn.ASSISTANT, answered)));
    }
}
