package dev.articlechat.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accents, spelled-out numbers and irregular verb forms are folded before stemming, so every form of one agrees.
 */
class EnglishAnalysisTest {

    private final TermAnalyzer analyzer = new TermAnalyzer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "closed for twelve months | closed for 12 months",
            "Twenty people | 20 people",
            "a four-day visit | a 4-day visit",
            "thirty years | 30 years",
            "forty homes | 40 homes",
            "it rose twice | it rose 2",
            "a dozen boats | 12 boats",
            "the first visit | the 1 visit"})
    void a_spelled_out_number_is_its_digits(String words, String digits) {
        assertThat(analyzer.terms(words)).isEqualTo(analyzer.terms(digits));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"met | meeting", "told | tells", "rose | rising", "written | writes",
            "led | leads", "began | beginning"})
    void an_irregular_verb_form_is_its_verb(String form, String regular) {
        assertThat(analyzer.terms(form)).isEqualTo(analyzer.terms(regular));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Hervé | Herve", "Montréal | Montreal", "naïve | naive",
            "São Paulo | Sao Paulo", "Zürich | Zurich"})
    void an_accented_name_is_the_name_as_typed_without_accents(String accented, String typed) {
        assertThat(analyzer.terms(accented)).isEqualTo(analyzer.terms(typed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Hervé | Harve", "Montréal | Montreux", "São | Sal"})
    void a_different_word_is_not(String accented, String other) {
        assertThat(analyzer.terms(accented)).isNotEqualTo(analyzer.terms(other));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"twelve | 13", "first | 2", "someone | 1"})
    void another_number_or_word_is_not(String words, String digits) {
        assertThat(analyzer.terms(words)).isNotEqualTo(analyzer.terms(digits));
    }
}
