package dev.articlechat.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQuAD's normalisation of answers, and whether a sentence holds a gold answer. */
class SquadTextTest {

    @ParameterizedTest(name = "\"{0}\" normalises to \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "The Tessel River|tessel river",
            "  an   Apple a day |apple day",
            "Harriet's boats, in 870.|harriets boats in 870",
            "state-of-the-art|stateoftheart",
            "“Strategic autonomy” — again|strategic autonomy again",
            "Theatre and Anthem|theatre and anthem",
            "THE|''",
    })
    void normalises_as_squad_does(String text, String normalised) {
        assertThat(SquadText.normalize(text)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "\"{0}\" holds \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
            "The lake is fed by the Tessel River [1].|tessel river|true",
            "It was founded in 1897.|1897|true",
            "It covers an area of 100 square kilometres.|10|false",
            "It was founded in 2018.|20|false",
            "Anglers catch trout.|Trout|true",
            "the river Tessel|Tessel River|false",
            "Its depth is 310 metres.|310 metres|true",
            "Anything at all.|the|false",
            "He said “strategic autonomy.”|strategic autonomy|true",
            "It hangs in Edda Rowan's forge.|Edda Rowan|true",
            "The ferry runs to Holmby-on-Tessel.|Tessel|true",
            "Troops of the U.S. landed.|US|true",
            "Troops of the US landed.|U.S.|true",
            "It was state-of-the-art.|state of art|true",
            "Rowans forge.|Rowan|false",
    })
    void holds_a_gold_answer_only_as_whole_words_in_a_row(String text, String gold, boolean holds) {
        assertThat(SquadText.holds(text, gold)).isEqualTo(holds);
    }

    @ParameterizedTest(name = "\"{0}\" without markers is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "In 1897 [1].|In 1897.",
            "The council [2][3], then the company [1, 4].|The council, then the company.",
            "No markers.|No markers.",
    })
    void citation_markers_are_not_part_of_what_an_answer_says(String answer, String said) {
        assertThat(SquadText.withoutMarkers(answer)).isEqualTo(said);
    }

    @org.junit.jupiter.api.Test
    void a_marker_is_not_read_as_a_number_the_gold_answer_gives() {
        assertThat(SquadText.holds(SquadText.withoutMarkers("The ferry began then [1]."), "1")).isFalse();
        assertThat(SquadText.holdsAny("The Tessel River.", List.of("Meridia", "Tessel River"))).isTrue();
    }
}
