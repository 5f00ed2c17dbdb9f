package dev.articlechat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Slack's message markup in, escaped mrkdwn out. */
class SlackTextTest {

    @Test
    void takes_the_bots_mention_out_of_a_question() {
        assertThat(SlackText.question("<@UBOT> who did Carney meet?", "UBOT")).isEqualTo("who did Carney meet?");
        assertThat(SlackText.question("Hey <@UBOT|article-bot>,  who did\nCarney meet?", "UBOT"))
                .isEqualTo("Hey , who did Carney meet?");
    }

    @Test
    void makes_other_markup_readable_and_unescapes_slacks_entities() {
        assertThat(SlackText.question("<@UBOT> did <@U2|ana> see <#C1|general> &amp; <https://x.example/a|this> "
                + "or <https://y.example>? &lt;3 <!here>", "UBOT"))
                .isEqualTo("did @ana see #general & this or https://y.example? <3 @here");
    }

    @Test
    void gives_an_empty_question_for_a_bare_mention() {
        assertThat(SlackText.question("<@UBOT>", "UBOT")).isEmpty();
        assertThat(SlackText.question(null, "UBOT")).isEmpty();
    }

    @Test
    void reads_the_bots_own_answer_as_history_without_its_source_markers() {
        assertThat(SlackText.answerWithoutSources("Carney met Xi [1] in Beijing [2]. Trade &amp; tariffs [3]"))
                .isEqualTo("Carney met Xi in Beijing. Trade & tariffs");
    }

    @Test
    void escapes_ampersands_and_angle_brackets_for_mrkdwn_and_nothing_else() {
        assertThat(Mrkdwn.escape("a & b < c > d *bold* _it_ &amp;")).isEqualTo("a &amp; b &lt; c &gt; d *bold* _it_ &amp;amp;");
    }

    @Test
    void cuts_escaped_text_to_a_limit_without_splitting_an_entity_or_a_surrogate_pair() {
        assertThat(Mrkdwn.escapeWithin("abc&def", 6)).isEqualTo("abc…");
        assertThat(Mrkdwn.escapeWithin("abc&def", 9)).isEqualTo("abc&amp;…");
        assertThat(Mrkdwn.escapeWithin("🐼🐼🐼", 4)).isEqualTo("🐼…");
        assertThat(Mrkdwn.escapeWithin("abc", 3)).isEqualTo("abc");
    }
}
