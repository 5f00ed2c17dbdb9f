package dev.articlechat.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleParserTest {

    private final ArticleParser parser = new ArticleParser();

    @Test
    void strips_trailing_page_leftovers_it_has_never_seen_by_the_same_general_rule() {
        String raw = """
                Ottawa Weighs New Trade Rules
                By Jane Doe
                Ministers met on Monday to discuss new trade rules for the coming year.
                The talks ended without a deal, officials said.
                Share this article
                Related: Some Other Headline Here
                2 hours ago
                Read more
                """;

        Article article = parser.parse("trade", raw);

        assertThat(article.title()).isEqualTo("Ottawa Weighs New Trade Rules");
        assertThat(article.text()).endsWith("The talks ended without a deal, officials said.");
        assertThat(article.text()).doesNotContain("Share this article", "Related:", "2 hours ago", "Read more");
        assertThat(article.passages()).extracting(Passage::text).containsExactly(
                "Ministers met on Monday to discuss new trade rules for the coming year.",
                "The talks ended without a deal, officials said.");
    }

    @Test
    void a_passage_reads_its_text_from_the_article_and_equals_one_holding_a_copy_of_it() {
        Article article = parser.parse("trade", """
                Ottawa Weighs New Trade Rules
                Ministers met on Monday to discuss new trade rules for the “coming” year.
                The talks ended without a deal, officials said.
                """);

        Passage second = article.passages().get(1);
        Passage copy = new Passage(second.id(), second.articleId(), second.ordinal(), second.start(), second.end(),
                article.text().substring(second.start(), second.end()));
        Passage altered = new Passage(second.id(), second.articleId(), second.ordinal(), second.start(),
                second.end(), "The talks ended with a deal, officials said.");

        assertThat(second.text()).isEqualTo("The talks ended without a deal, officials said.");
        assertThat(second.id()).isEqualTo("p2");
        assertThat(second).isEqualTo(copy).hasSameHashCodeAs(copy).isNotEqualTo(altered)
                .isNotEqualTo(article.passages().get(0));
        assertThat(second.toString()).contains("text=The talks ended without a deal");
    }

    @Test
    void keeps_short_closing_sentences_of_the_story() {
        String raw = """
                Headline
                The minister met reporters on Friday morning.
                He declined to comment.
                Talks continue.
                """;

        Article article = parser.parse("short", raw);

        assertThat(article.text()).endsWith("He declined to comment.\nTalks continue.");
        assertThat(article.passages()).extracting(Passage::text).contains("Talks continue.");
    }

    @Test
    void keeps_a_byline_or_sub_heading_in_the_text_but_never_makes_it_a_passage() {
        String raw = """
                Ottawa Weighs New Trade Rules
                By Jane Doe
                Ministers met on Monday to discuss new trade rules for the coming year.
                What Comes Next
                The talks ended without a deal, officials said.
                """;

        Article article = parser.parse("trade", raw);

        assertThat(article.text()).contains("By Jane Doe", "What Comes Next");
        assertThat(article.passages()).extracting(Passage::text)
                .noneMatch(text -> text.contains("Jane Doe") || text.contains("What Comes Next"));
    }

    @Test
    void splits_a_paragraph_into_one_passage_per_sentence_with_offsets_into_the_cleaned_text() {
        String raw = "Headline Here\r\nBy Staff\r\n"
                + "Canada signed eight agreements with China on Friday. Officials called it a new phase for trade.\r\n"
                + "Both sides expect more talks before the end of the year.\r\n";

        Article article = parser.parse("a", raw);

        assertThat(article.passages()).extracting(Passage::text).containsExactly(
                "Canada signed eight agreements with China on Friday.",
                "Officials called it a new phase for trade.",
                "Both sides expect more talks before the end of the year.");
        assertThat(article.text()).doesNotContain("\r");
        for (Passage passage : article.passages()) {
            assertThat(article.text().substring(passage.start(), passage.end())).isEqualTo(passage.text());
        }
    }

    @Test
    void numbers_passages_within_their_article() {
        String raw = "Headline\nThe first sentence of this story is here. The second sentence of this story follows.";

        Article article = parser.parse("later", raw);

        assertThat(article.passages()).extracting(Passage::id).containsExactly("p1", "p2");
        assertThat(article.passages()).extracting(Passage::ordinal).containsExactly(0, 1);
        assertThat(article.passage("p2")).contains(article.passages().get(1));
        assertThat(article.passage("p3")).isEmpty();
        assertThat(article.passages()).extracting(Passage::articleId).containsOnly("later");
    }

    @Test
    void rejects_a_text_that_is_only_a_title() {
        assertThatThrownBy(() -> parser.parse("lonely", "Just A Headline Without Any Story\n\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lonely")
                .hasMessageContaining("no body");
    }

    @Test
    void rejects_a_text_with_a_title_but_no_paragraph_of_prose() {
        String raw = """
                Carney Praises Renewed Ties
                By Staff, Agencies
                Comments
                Trump Unveils Gaza Board For Phase Two
                one month ago
                """;

        assertThatThrownBy(() -> parser.parse("empty", raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty")
                .hasMessageContaining("no paragraph of prose");
    }

    @Test
    void keeps_every_passage_on_one_line() {
        String raw = "Headline\nThe first paragraph ends without a new sentence starting here.\n"
                + "The second paragraph is a separate line of its own prose.";

        List<Passage> passages = parser.parse("lines", raw).passages();

        assertThat(passages).hasSize(2).extracting(Passage::text).noneMatch(text -> text.contains("\n"));
    }
}
