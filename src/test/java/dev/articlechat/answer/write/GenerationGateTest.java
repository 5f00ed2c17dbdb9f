package dev.articlechat.answer.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.articlechat.answer.GenerationsBusyException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gate in front of a model: a few at once, a short queue with a bounded wait, then a quick refusal. */
class GenerationGateTest {

    @Test
    void turns_away_at_once_when_every_slot_is_busy_and_the_queue_is_full() {
        GenerationGate gate = new GenerationGate(1, 0, Duration.ofSeconds(10));
        try (GenerationGate.Permit held = gate.enter()) {
            long started = System.nanoTime();

            assertThatThrownBy(gate::enter).isInstanceOf(GenerationsBusyException.class)
                    .satisfies(e -> assertThat(((GenerationsBusyException) e).retryAfterSeconds()).isBetween(1, 60));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(gate.active()).isEqualTo(1);
        }
        assertThat(gate.active()).isZero();
    }

    @Test
    void a_queued_request_gets_the_slot_when_it_frees_up() throws Exception {
        GenerationGate gate = new GenerationGate(1, 1, Duration.ofSeconds(10));
        GenerationGate.Permit held = gate.enter();
        CompletableFuture<Boolean> queued = CompletableFuture.supplyAsync(() -> {
            try (GenerationGate.Permit permit = gate.enter()) {
                return true;
            }
        });
        while (gate.waiting() == 0) {
            Thread.sleep(5);
        }

        held.close();

        assertThat(queued.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void a_queued_request_gives_up_after_the_longest_wait() {
        GenerationGate gate = new GenerationGate(1, 4, Duration.ofMillis(200));
        try (GenerationGate.Permit held = gate.enter()) {
            assertThatThrownBy(gate::enter).isInstanceOf(GenerationsBusyException.class)
                    .hasMessageContaining("no answer slot freed up");
            assertThat(gate.waiting()).isZero();
        }
    }

    @Test
    void an_unlimited_gate_never_turns_anyone_away() {
        GenerationGate gate = GenerationGate.unlimited();
        for (int i = 0; i < 100; i++) {
            gate.enter();
        }
        assertThat(gate.active()).isZero();
    }
}
