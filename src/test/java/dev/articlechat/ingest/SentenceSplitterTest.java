package dev.articlechat.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void splits_at_a_full_stop_question_mark_or_exclamation_mark_before_a_capital() {
        String text = "Talks began on Friday. Did they go well? Both sides said so! Details will follow.";

        List<String> sentences = sentencesOf(text);

        assertThat(sentences).containsExactly(
                "Talks began on Friday.", "Did they go well?", "Both sides said so!", "Details will follow.");
    }

    @Test
    void splits_where_one_sentence_ends_and_the_next_begins() {
        assertThat(sentencesOf("This is the end. Next comes another."))
                .containsExactly("This is the end.", "Next comes another.");
    }

    @Test
    void splits_after_the_word_no() {
        assertThat(sentencesOf("He said no. Then he left.")).containsExactly("He said no.", "Then he left.");
    }

    @Test
    void does_not_split_before_a_lower_case_word() {
        assertThat(sentencesOf("Prices rose. and then fell.")).hasSize(1);
    }

    @Test
    void keeps_a_quotation_that_ends_with_a_comma_inside_its_closing_quote_in_one_sentence() {
        String text = "“We are ready to forge a new partnership—one that builds on our strongest traditions,” "
                + "he wrote. Officials agreed.";

        List<String> sentences = sentencesOf(text);

        assertThat(sentences).containsExactly(
                "“We are ready to forge a new partnership—one that builds on our strongest traditions,” he wrote.",
                "Officials agreed.");
    }

    @Test
    void keeps_the_closing_quote_inside_a_sentence_that_ends_in_a_quotation() {
        String text = "State media advocated what it describes as “strategic autonomy.” While Canada remains an ally, "
                + "Beijing is hopeful.";

        List<String> sentences = sentencesOf(text);

        assertThat(sentences).containsExactly(
                "State media advocated what it describes as “strategic autonomy.”",
                "While Canada remains an ally, Beijing is hopeful.");
    }

    @Test
    void keeps_a_closing_quote_at_the_very_end_of_the_text() {
        assertThat(sentencesOf("It called this “strategic autonomy.”"))
                .containsExactly("It called this “strategic autonomy.”");
    }

    @Test
    void does_not_split_after_a_dotted_abbreviation_before_a_name() {
        assertThat(sentencesOf("Tariffs imposed by U.S. President Donald Trump rose sharply."))
                .containsExactly("Tariffs imposed by U.S. President Donald Trump rose sharply.");
    }

    @Test
    void does_not_split_after_a_title_before_a_name() {
        assertThat(sentencesOf("The reply came from Mr. Smith on Friday.")).hasSize(1);
        assertThat(sentencesOf("Dr. Jones and Mrs. Brown met Gov. Hochul.")).hasSize(1);
    }

    @Test
    void does_not_split_after_an_initial() {
        assertThat(sentencesOf("The report was written by J. Smith last year.")).hasSize(1);
    }

    @Test
    void does_not_split_inside_a_decimal_number() {
        assertThat(sentencesOf("Growth slowed to 3.5 percent in the quarter.")).hasSize(1);
    }

    @Test
    void does_not_split_after_e_g() {
        assertThat(sentencesOf("Some sectors, e.g. this one, grew. Others shrank."))
                .containsExactly("Some sectors, e.g. this one, grew.", "Others shrank.");
    }

    @Test
    void does_not_split_inside_a_hyphenated_abbreviation() {
        assertThat(sentencesOf("Duties on U.S.-made steel rose.")).hasSize(1);
    }

    @Test
    void splits_before_a_sentence_that_starts_with_a_digit_or_an_opening_quote() {
        String text = "Exports fell. 2018 was worse. “It was hard,” he said.";

        assertThat(sentencesOf(text)).containsExactly("Exports fell.", "2018 was worse.", "“It was hard,” he said.");
    }

    @Test
    void gives_each_sentence_as_trimmed_offsets_into_the_text() {
        String text = "  Carney met Xi.   Both spoke of U.S. President Donald Trump.\tGrowth hit 3.5 percent!  ";

        List<TextSpan> spans = splitter.split(text, 0, text.length());

        assertThat(spans).hasSize(3);
        for (TextSpan span : spans) {
            String sentence = span.of(text);
            assertThat(sentence).isEqualTo(text.substring(span.start(), span.end()));
            assertThat(sentence).isEqualTo(sentence.strip()).isNotEmpty();
        }
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i).start()).isGreaterThanOrEqualTo(spans.get(i - 1).end());
        }
    }

    @Test
    void offsets_of_a_range_point_into_the_whole_text() {
        String text = "Title line\nFirst sentence here. Second sentence here.\nAnother line.";
        int from = text.indexOf("First");
        int to = text.indexOf('\n', from);

        List<TextSpan> spans = splitter.split(text, from, to);

        assertThat(spans).extracting(span -> span.of(text))
                .containsExactly("First sentence here.", "Second sentence here.");
        assertThat(spans.get(0).start()).isEqualTo(from);
        assertThat(spans.get(1).end()).isEqualTo(to);
    }

    @Test
    void keeps_a_last_sentence_without_terminal_punctuation() {
        assertThat(sentencesOf("Talks ended. More to come"))
                .containsExactly("Talks ended.", "More to come");
    }

    @Test
    void finds_no_sentence_in_blank_text() {
        assertThat(splitter.split("   \n\t ", 0, 6)).isEmpty();
    }

    private List<String> sentencesOf(String text) {
        return splitter.split(text, 0, text.length()).stream().map(span -> span.of(text)).toList();
    }
}
