package dev.articlechat.reindex;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The state of the last or current re-index, as {@code GET /admin/reindex} shows it. Times are ISO-8601 UTC.
 *
 * @param id       counts jobs since the server started; 0 before the first
 * @param passages how many passages the new index serves, once it succeeded
 * @param error    why it failed: a message for the operator, never a stack trace
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReindexJob(long id, State state, String startedAt, String finishedAt, Integer passages, String error) {

    public enum State {
        IDLE, RUNNING, SUCCEEDED, FAILED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final ReindexJob NONE = new ReindexJob(0, State.IDLE, null, null, null, null);

    public boolean running() {
        return state == State.RUNNING;
    }
}
