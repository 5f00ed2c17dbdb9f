package dev.articlechat.answer.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A question naming what the articles never mention is refused before the model is asked, so a name wrongly
 * seen refuses a question that nothing else would have: only names that cannot be grammar count.
 */
class UnknownNameTest {

    private static final String ARTICLE = "Prime Minister Mark Carney met President Xi Jinping in Beijing on "
            + "Wednesday, with Hervé Dupont of Montréal. The Canadian delegation stayed for three days. Trade in the 1990s was small.";
    private static final ReadArticles READ = new ReadArticles(Claims.WORDS, ARTICLE, Set.of());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            What did Carney say about Mexico?           | mexico
            Did Xi visit Oslo on Wednesday?             | oslo
            How long did the Swedish delegation stay?   | swedish
            What did Carney discuss? And Ottawa?        | ottawa
            Did Carney meet Harve Dupont?               | harv
            """)
    void refuses_a_name_inside_a_sentence_that_the_articles_never_mention(String question, String name) {
        assertThat(READ.unknownName(question)).contains(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Shed 0: when did Carney's visit begin?
            Describe the trade between the two countries.
            Mexico aside, who did Carney meet?
            How big was trade in the 1990's?
            How long did Canada's delegation stay?
            Who did Mr. Carney meet in Beijing?
            When did Carney meet Herve Dupont of Montreal?
            """)
    void asks_the_model_when_the_only_capital_starts_a_sentence_or_the_name_is_in_the_article(String question) {
        assertThat(READ.unknownName(question)).isEmpty();
    }
}
