package dev.articlechat.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 95% Wilson score interval: the last four cases are Newcombe's (Statistics in Medicine, 1998, table I), the
 * others small sets at the edges.
 */
class RateTest {

    @ParameterizedTest(name = "{0} of {1}: [{2}, {3}]")
    @CsvSource({
            "0, 10, 0.0000, 0.2775",
            "1, 10, 0.0179, 0.4042",
            "5, 10, 0.2366, 0.7634",
            "10, 10, 0.7225, 1.0000",
            "81, 263, 0.2553, 0.3662",
            "15, 148, 0.0624, 0.1605",
            "0, 20, 0.0000, 0.1611",
            "1, 29, 0.0061, 0.1718",
    })
    void gives_the_wilson_interval(int count, int total, double low, double high) {
        Rate rate = Rate.of(count, total);

        assertThat(rate.share()).isCloseTo((double) count / total, within(1e-12));
        assertThat(rate.low()).isCloseTo(low, within(0.00006));
        assertThat(rate.high()).isCloseTo(high, within(0.00006));
    }

    @Test
    void with_nothing_to_measure_the_interval_is_all_of_zero_to_one() {
        Rate none = Rate.of(0, 0);

        assertThat(none.measured()).isFalse();
        assertThat(none.low()).isZero();
        assertThat(none.high()).isEqualTo(1);
    }

    @Test
    void a_count_above_its_total_is_refused() {
        assertThatThrownBy(() -> Rate.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
