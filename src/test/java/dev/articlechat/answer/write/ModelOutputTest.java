package dev.articlechat.answer.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a model writes, cleaned as it arrives: sentences are released once finished, never before. */
class ModelOutputTest {

    @Test
    void releases_a_sentence_only_once_the_next_one_has_begun() {
        ModelOutput output = new ModelOutput();

        assertThat(output.append("The visit began")).isEmpty();
        assertThat(output.append(" on Wednesday [1].")).isEmpty();
        assertThat(output.append(" It lasts")).containsExactly("The visit began on Wednesday [1].");
        assertThat(output.append(" four days [2].")).isEmpty();
        assertThat(output.finish()).containsExactly("It lasts four days [2].");
    }

    @Test
    void shows_the_fact_after_a_yes_or_no_alone_since_only_the_fact_can_be_checked() {
        assertThat(ModelOutput.clean("Yes, the trial excluded children under 18 [2]. No. Side effects were mild."))
                .isEqualTo("The trial excluded children under 18 [2]. Side effects were mild.");
        assertThat(ModelOutput.clean("No licensed vaccine exists [4]."))
                .as("a No that starts the fact is part of it").isEqualTo("No licensed vaccine exists [4].");
        assertThat(ModelOutput.isRefusal(ModelOutput.clean("No, the article does not say."))).isTrue();
    }

    @Test
    void keeps_a_marker_that_follows_the_full_stop_with_its_sentence() {
        ModelOutput output = new ModelOutput();

        List<String> released = new ArrayList<>(output.append("The visit began on Wednesday. [1"));
        released.addAll(output.append("] It lasts four days."));

        assertThat(released).containsExactly("The visit began on Wednesday [1].");
    }

    @Test
    void removes_template_tokens_and_lead_ins_as_they_stream() {
        ModelOutput output = new ModelOutput();

        List<String> released = new ArrayList<>(output.append("<|im_start|>assistant Answer: The visit"));
        released.addAll(output.append(" began on Wednesday [1].<|im_e"));
        released.addAll(output.append("nd|>"));
        released.addAll(output.finish());

        assertThat(released).containsExactly("The visit began on Wednesday [1].");
    }

    @Test
    void ends_when_the_model_echoes_its_prompt() {
        ModelOutput output = new ModelOutput();

        List<String> released = new ArrayList<>(output.append("The visit began on Wednesday [1].\nQuestion: When"));

        assertThat(released).containsExactly("The visit began on Wednesday [1].");
        assertThat(output.ended()).isTrue();
        assertThat(output.append(" did it end?")).isEmpty();
    }

    @Test
    void ends_after_three_sentences_so_that_generation_can_stop() {
        ModelOutput output = new ModelOutput();

        List<String> released = output.append("One [1]. Two [2]. Three [3]. Four [4]. Five");

        assertThat(released).containsExactly("One [1].", "Two [2].", "Three [3].");
        assertThat(output.ended()).isTrue();
    }

    @Test
    void takes_a_quoted_passage_out_of_the_lead_in_a_small_model_puts_around_it() {
        assertThat(ModelOutput.clean("The passage that answers this question is: \"The visit began on Wednesday.\" [1]"))
                .isEqualTo("The visit began on Wednesday. [1]");
        assertThat(ModelOutput.clean("The relevant sentence: “It lasts four days” [2].")).isEqualTo("It lasts four days [2].");
    }

    @Test
    void keeps_the_articles_own_quotation_marks() {
        assertThat(ModelOutput.clean("“A stable relationship serves both countries,” Xi said [1]."))
                .isEqualTo("“A stable relationship serves both countries,” Xi said [1].");
    }

    @Test
    void shows_the_sentence_being_written_up_to_its_last_whole_word() {
        ModelOutput output = new ModelOutput();

        output.append("The visit began on Wednesday [1]. It was announced by Boris Joh");

        assertThat(output.unfinished()).isEqualTo("It was announced by Boris");
    }

    @Test
    void waits_for_the_colon_of_what_may_be_a_lead_in() {
        ModelOutput output = new ModelOutput();

        output.append("The passage about President Smith ");
        assertThat(output.unfinished()).isEmpty();
        output.append("is: \"The visit began ");
        assertThat(output.unfinished()).isEqualTo("\"The visit began");
    }

    @Test
    void drops_a_repeated_sentence() {
        assertThat(ModelOutput.clean("The visit began on Wednesday [1]. The visit began on Wednesday [1]. It lasts"
                + " four days [1].")).isEqualTo("The visit began on Wednesday [1]. It lasts four days [1].");
    }
}
