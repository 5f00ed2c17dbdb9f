package dev.articlechat.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which events were taken on, so that each is answered once. Slack redelivers an event (with
 * {@code X-Slack-Retry-Num}) when it thinks the first delivery failed, and the same message can arrive under
 * two events; both are keys here. A slash command has no id: Slack does not resend one, but anyone who saw a
 * signed command could, within the five minutes its timestamp is accepted; its signature is its key. Bounded: the
 * oldest keys go first, long after Slack stopped retrying them.
 */
final class Deliveries {

    private final Map<String, Boolean> seen;

    /** @param capacity how many events to remember; each is remembered under two keys */
    Deliveries(int capacity) {
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > 2 * capacity;
            }
        };
    }

    /** True the first time {@code key} is seen: a delivery that has no event id (a slash command). */
    synchronized boolean takeOn(String key) {
        return seen.putIfAbsent(key, Boolean.TRUE) == null;
    }

    synchronized void forget(String key) {
        seen.remove(key);
    }

    /** True the first time: the event and its message are then remembered together. */
    synchronized boolean takeOn(SlackEvent.Asked event) {
        String eventKey = "event " + event.eventId();
        String messageKey = "message " + event.channel() + " " + event.ts();
        if (seen.containsKey(eventKey) || seen.containsKey(messageKey)) {
            return false;
        }
        seen.put(eventKey, Boolean.TRUE);
        seen.put(messageKey, Boolean.TRUE);
        return true;
    }

    /** Lets Slack's next retry of an event through, when this delivery could not be taken on after all. */
    synchronized void forget(SlackEvent.Asked event) {
        seen.remove("event " + event.eventId());
        seen.remove("message " + event.channel() + " " + event.ts());
    }
}
