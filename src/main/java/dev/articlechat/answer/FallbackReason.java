package dev.articlechat.answer;

import dev.articlechat.answer.write.AnswererException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why an answer is the extractive one although a language model is configured. The answer's {@code fallback}
 * field starts with {@link #code()}; metrics count by it.
 */
public enum FallbackReason {

    /** The model is still reading the article into its prompt cache, after the server started. */
    WARMING("warming", "the model is still reading the article"),
    /** Every generation slot is taken. */
    BUSY("busy", "the model is answering other questions"),
    TIMEOUT("timeout", "the model did not finish in time"),
    MODEL_ERROR("model error", "the model failed"),
    /** Nobody is waiting for the answer any more. */
    CANCELLED("cancelled", "the answer was cancelled"),
    /** The model wrote nothing usable at all (no sentence, no refusal). */
    EMPTY("empty", "the model's answer was empty");

    private final String code;
    private final String description;

    FallbackReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** Whether the answer may be cached: only a lasting outcome, not one the next try may not repeat. */
    public boolean lasting() {
        return this == EMPTY;
    }

    /** The reason an answerer's failure stands for; a code no reason has is a model error. */
    static FallbackReason of(AnswererException failure) {
        for (FallbackReason reason : values()) {
            if (reason.code.equals(failure.reason())) {
                return reason;
            }
        }
        return MODEL_ERROR;
    }

    /**
     * Why the answer fell back, read from its {@code fallback} field (which {@link #describe} wrote); empty when
     * it did not. The one place that reads that text back.
     */
    static Optional<FallbackReason> of(Answer answer) {
        if (answer.fallback() == null) {
            return Optional.empty();
        }
        String code = answer.fallback().split(":", 2)[0];
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }

    /** The text of the answer's {@code fallback} field. */
    String describe(String detail) {
        return code + ": " + (detail == null || detail.isBlank() ? description : detail);
    }
}
