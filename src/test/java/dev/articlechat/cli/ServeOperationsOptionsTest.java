package dev.articlechat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.articlechat.http.Operations;
import dev.articlechat.reindex.ReindexJobs;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve}'s admin token and shutdown grace, read once; the token stays out of their printed form. */
class ServeOperationsOptionsTest {

    private final ReindexJobs jobs = new ReindexJobs(() -> 0);

    @Test
    void reads_the_admin_token_and_the_shutdown_grace() {
        Operations operations = parse("--admin-token", "t0ken-of-the-admin", "--shutdown-grace", "45");

        assertThat(operations.adminEnabled()).isTrue();
        assertThat(operations.adminToken()).isEqualTo("t0ken-of-the-admin");
        assertThat(operations.shutdownGrace()).isEqualTo(Duration.ofSeconds(45));
        assertThat(operations.toString()).doesNotContain("t0ken-of-the-admin").contains("admin on");
    }

    @Test
    void leaves_the_admin_routes_off_and_gives_twenty_seconds_by_default() {
        assumeTrue(System.getenv("ADMIN_TOKEN") == null && System.getenv("SHUTDOWN_GRACE_SECONDS") == null,
                "the defaults show only where the environment sets neither variable");
        Operations operations = parse();

        assertThat(operations.adminEnabled()).isFalse();
        assertThat(operations.shutdownGrace()).isEqualTo(Operations.DEFAULT_SHUTDOWN_GRACE);
    }

    @Test
    void treats_a_blank_token_as_none() {
        assertThat(parse("--admin-token", "  ").adminEnabled()).isFalse();
    }

    @Test
    void refuses_a_grace_out_of_range() {
        assertThatThrownBy(() -> parse("--shutdown-grace", "601")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 600");
        assertThatThrownBy(() -> parse("--shutdown-grace", "-1")).isInstanceOf(IllegalArgumentException.class);
    }

    private Operations parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.operations(jobs, null);
    }
}
