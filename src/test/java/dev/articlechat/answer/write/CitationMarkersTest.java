package dev.articlechat.answer.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Markers go inside a sentence, before its stop, and never make a second stop. */
class CitationMarkersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The visit began on Wednesday.                       | The visit began on Wednesday [2][5].
            Did the talks go well?                              | Did the talks go well [2][5]?
            The visit began on Wednesday                        | The visit began on Wednesday [2][5].
            It was, he said, “a new phase.”                     | It was, he said, “a new phase.” [2][5]
            The council approved it (by six votes to two.)      | The council approved it (by six votes to two.) [2][5]
            He called it "a turning point."                     | He called it "a turning point." [2][5]
            Talks ended…                                        | Talks ended [2][5]…
            """)
    void puts_the_markers_before_the_stop_or_after_a_closing_quotation(String claim, String marked) {
        assertThat(CitationMarkers.mark(claim, List.of(2, 5))).isEqualTo(marked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            It was “a new phase.”
            The visit began on Wednesday.
            """)
    void never_ends_with_two_stops(String claim) {
        assertThat(CitationMarkers.mark(claim, List.of(1))).doesNotContainPattern("[.!?][^.!?]*[.!?]$");
    }
}
