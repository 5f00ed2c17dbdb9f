package dev.articlechat.answer.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.articlechat.answer.GenerationsBusyException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A request waiting for a generation slot leaves the queue as soon as its client has, not when the wait ends. */
class GenerationGateLeaveTest {

    @Test
    void a_waiting_request_whose_client_left_gives_up_its_place_within_a_fraction_of_a_second() throws Exception {
        GenerationGate gate = new GenerationGate(1, 4, Duration.ofSeconds(30));
        AtomicBoolean clientThere = new AtomicBoolean(true);
        try (GenerationGate.Permit busy = gate.enter()) {
            CompletableFuture<GenerationGate.Permit> waiting = CompletableFuture.supplyAsync(
                    () -> gate.enter(clientThere::get));
            while (gate.waiting() == 0) {
                Thread.sleep(5);
            }

            long left = System.nanoTime();
            clientThere.set(false);

            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(GenerationsBusyException.class).hasMessageContaining("Nobody is waiting");
            assertThat((System.nanoTime() - left) / 1_000_000).as("ms to leave the queue").isLessThan(500);
            assertThat(gate.waiting()).isZero();
            assertThat(gate.active()).as("the running generation keeps its slot").isEqualTo(1);
        }
        assertThat(gate.active()).isZero();
    }

    @Test
    void a_request_whose_client_stays_gets_the_slot_when_it_frees() throws Exception {
        GenerationGate gate = new GenerationGate(1, 4, Duration.ofSeconds(30));
        GenerationGate.Permit busy = gate.enter();
        CompletableFuture<GenerationGate.Permit> waiting = CompletableFuture.supplyAsync(() -> gate.enter(() -> true));
        Thread.sleep(300);

        busy.close();

        try (GenerationGate.Permit next = waiting.get(5, TimeUnit.SECONDS)) {
            assertThat(gate.active()).isEqualTo(1);
        }
    }
}
