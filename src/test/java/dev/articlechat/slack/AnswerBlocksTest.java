package dev.articlechat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.util.json.GsonFactory;
import dev.articlechat.answer.Answer;
import dev.articlechat.answer.Citation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An answer as Block Kit: a section, a context block per source, always within Slack's limits. */
class AnswerBlocksTest {

    @Test
    void renders_the_answer_as_a_section_and_each_source_with_its_number_and_quote() {
        Answer answer = answered("Carney met Xi Jinping [1] and Anand spoke [2].",
                citation(1, "  Carney met President Xi Jinping in Beijing.  "), citation(2, "Anand echoed it."));

        SlackMessage message = AnswerBlocks.answer(answer, ArticleTitles.NONE);

        assertThat(message.blocks()).hasSize(3);
        assertThat(sectionText(message.blocks().get(0))).isEqualTo("Carney met Xi Jinping [1] and Anand spoke [2].");
        assertThat(contextText(message.blocks().get(1))).isEqualTo("*[1]* “Carney met President Xi Jinping in Beijing.”");
        assertThat(contextText(message.blocks().get(2))).isEqualTo("*[2]* “Anand echoed it.”");
        assertThat(message.text()).isEqualTo("Carney met Xi Jinping [1] and Anand spoke [2].");
    }

    @Test
    void shows_no_sources_when_the_article_does_not_cover_the_question() {
        Answer answer = new Answer("The article does not say.", false, List.of(citation(1, "stray")), "extractive",
                "q", null, null);

        SlackMessage message = AnswerBlocks.answer(answer, ArticleTitles.NONE);

        assertThat(message.blocks()).singleElement().isInstanceOf(SectionBlock.class);
        assertThat(message.text()).isEqualTo("The article does not say.");
    }

    @Test
    void escapes_slacks_control_characters_in_the_answer_and_the_quotes() {
        Answer answer = answered("Trade & tariffs <!channel> > 5% [1]", citation(1, "<@U123> & <https://evil|click>"));

        SlackMessage message = AnswerBlocks.answer(answer, ArticleTitles.NONE);

        assertThat(sectionText(message.blocks().get(0))).isEqualTo("Trade &amp; tariffs &lt;!channel&gt; &gt; 5% [1]");
        assertThat(contextText(message.blocks().get(1)))
                .isEqualTo("*[1]* “&lt;@U123&gt; &amp; &lt;https://evil|click&gt;”");
        assertThat(message.text()).doesNotContain("<", ">").contains("&amp;");
    }

    @Test
    void stays_within_slacks_limits_for_a_very_long_answer_with_many_sources() {
        String sentence = "Carney & Xi <met> in Beijing, and the talks went on. ";
        List<Citation> citations = new ArrayList<>();
        IntStream.rangeClosed(1, 80).forEach(n -> citations.add(citation(n, sentence.repeat(40))));
        Answer answer = answered(sentence.repeat(200) + "🐼".repeat(2000), citations.toArray(Citation[]::new));

        SlackMessage message = AnswerBlocks.answer(answer, ArticleTitles.NONE);

        assertThat(message.blocks()).hasSize(AnswerBlocks.MAX_BLOCKS);
        assertThat(message.text().length()).isLessThanOrEqualTo(AnswerBlocks.MAX_TEXT);
        assertThat(sectionText(message.blocks().get(0))).hasSizeLessThanOrEqualTo(AnswerBlocks.MAX_TEXT).endsWith("…");
        for (LayoutBlock block : message.blocks().subList(1, message.blocks().size())) {
            assertThat(contextText(block)).hasSizeLessThanOrEqualTo(AnswerBlocks.MAX_TEXT);
        }
        assertThat(contextText(message.blocks().get(1))).hasSizeLessThan(AnswerBlocks.MAX_QUOTE + 20).endsWith("…”");
        assertThat(contextText(message.blocks().get(49))).isEqualTo("…and 32 more sources");
        String json = GsonFactory.createSnakeCase().toJson(message.blocks());
        assertThat(json).contains("\"type\":\"mrkdwn\"");
    }

    @Test
    void renders_every_source_of_an_answer_that_just_fits() {
        Citation[] citations = IntStream.rangeClosed(1, 49).mapToObj(n -> citation(n, "Quote " + n))
                .toArray(Citation[]::new);

        SlackMessage message = AnswerBlocks.answer(answered("Long [1]", citations), ArticleTitles.NONE);

        assertThat(message.blocks()).hasSize(50);
        assertThat(contextText(message.blocks().get(49))).isEqualTo("*[49]* “Quote 49”");
    }

    @Test
    void leads_a_commands_answer_with_who_asked_what_escaping_only_the_question() {
        SlackMessage message = AnswerBlocks.commandAnswer(answered("Yes [1]", citation(1, "Quote")), "A<b>&c?", "U1",
                ArticleTitles.NONE);

        assertThat(contextText(message.blocks().get(0))).isEqualTo("<@U1> asked: A&lt;b&gt;&amp;c?");
        assertThat(contextText(AnswerBlocks.commandAnswer(answered("Yes [1]", citation(1, "Q")), "q", "<!here>",
                ArticleTitles.NONE).blocks().get(0))).isEqualTo("Someone asked: q");
    }

    @Test
    void names_the_article_of_each_source_when_several_are_served() {
        SlackMessage message = AnswerBlocks.answer(answered("Yes [1]", citation(1, "Quote")),
                articleId -> articleId.equals("article") ? "Floods <and> Barriers" : null);

        assertThat(contextText(message.blocks().get(1))).isEqualTo("*[1]* “Quote” — _Floods &lt;and&gt; Barriers_");
    }

    private static Answer answered(String text, Citation... citations) {
        return new Answer(text, true, List.of(citations), "extractive", text, null, null);
    }

    private static Citation citation(int n, String quote) {
        return new Citation(n, "p" + n, quote, 0, quote.length(), "article");
    }

    private static String sectionText(LayoutBlock block) {
        return ((SectionBlock) block).getText().getText();
    }

    private static String contextText(LayoutBlock block) {
        return ((MarkdownTextObject) ((ContextBlock) block).getElements().get(0)).getText();
    }
}
