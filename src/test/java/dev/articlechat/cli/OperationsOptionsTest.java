package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.articlechat.Settings;
import dev.articlechat.http.RateLimit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve}'s options for rate limits, generation slots and the metrics token. */
class OperationsOptionsTest {

    @Test
    void reads_the_limits_and_the_metrics_token() {
        OperationsOptions options = parse("--rate-limit", "30", "--rate-burst", "5", "--trust-proxy",
                "--max-generations", "2", "--generation-queue", "8", "--metrics-token", "t0ken");

        assertThat(options.rateLimit()).isEqualTo(new RateLimit(30, 5, true));
        assertThat(options.generations()).isEqualTo(new Settings.Generations(2, 8));
        assertThat(options.metricsToken()).isEqualTo("t0ken");
    }

    @Test
    void by_default_limits_each_client_and_gives_a_local_model_one_slot_and_a_short_queue() {
        assumeTrue(Stream.of("RATE_LIMIT", "RATE_BURST", "TRUST_PROXY", "MAX_GENERATIONS", "GENERATION_QUEUE",
                "METRICS_TOKEN").allMatch(name -> System.getenv(name) == null),
                "the defaults show only where the environment sets none of these variables");
        OperationsOptions options = parse();

        assertThat(options.rateLimit()).isEqualTo(new RateLimit(120, 60, false));
        assertThat(options.generations().concurrentFor(true)).isEqualTo(1);
        assertThat(options.generations().concurrentFor(false)).isEqualTo(Settings.Generations.REMOTE_CONCURRENT);
        assertThat(options.generations().queue()).isEqualTo(4);
        assertThat(options.metricsToken()).isNull();
    }

    @Test
    void a_rate_limit_of_zero_is_off_and_negative_limits_are_refused() {
        assertThat(parse("--rate-limit", "0").rateLimit().on()).isFalse();
        assertThatThrownBy(() -> parse("--rate-limit", "-1").rateLimit()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--generation-queue", "-1").generations())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static OperationsOptions parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.operations;
    }
}
