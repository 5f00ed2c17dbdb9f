package dev.articlechat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each event and each message is taken on once; memory of them is bounded. */
class DeliveriesTest {

    private static SlackEvent.Asked asked(String eventId, String ts) {
        return new SlackEvent.Asked(eventId, "C1", ts, null, "U1", "hi");
    }

    @Test
    void takes_on_an_event_once_and_its_message_once() {
        Deliveries deliveries = new Deliveries(100);

        assertThat(deliveries.takeOn(asked("Ev1", "1.1"))).isTrue();
        assertThat(deliveries.takeOn(asked("Ev1", "1.1"))).isFalse();
        assertThat(deliveries.takeOn(asked("Ev2", "1.1"))).isFalse();
        assertThat(deliveries.takeOn(asked("Ev1", "1.2"))).isFalse();
        assertThat(deliveries.takeOn(asked("Ev3", "1.3"))).isTrue();
    }

    @Test
    void takes_on_an_event_again_once_it_was_forgotten_because_it_could_not_be_answered() {
        Deliveries deliveries = new Deliveries(100);
        deliveries.takeOn(asked("Ev1", "1.1"));

        deliveries.forget(asked("Ev1", "1.1"));

        assertThat(deliveries.takeOn(asked("Ev1", "1.1"))).isTrue();
    }

    @Test
    void remembers_only_the_most_recent_events() {
        Deliveries deliveries = new Deliveries(2);
        deliveries.takeOn(asked("Ev1", "1.1"));
        deliveries.takeOn(asked("Ev2", "1.2"));
        deliveries.takeOn(asked("Ev3", "1.3"));

        assertThat(deliveries.takeOn(asked("Ev1", "1.1"))).isTrue();
        assertThat(deliveries.takeOn(asked("Ev3", "1.3"))).isFalse();
    }
}
