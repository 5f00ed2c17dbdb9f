package dev.articlechat.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to one question, as every adapter renders it.
 *
 * @param answer    the text, with {@code [n]} markers pointing at {@link #citations()}
 * @param answered  false when the article does not contain the answer; {@code answer} then says so
 * @param citations verified sources, numbered 1..N in order of first use, each used by a marker
 * @param model     which answerer wrote it ("extractive", "local:model.gguf", ...)
 * @param query     what was searched: the question, plus the conversation it follows up on
 * @param fallback  why the configured model's answer was replaced by the extractive one; absent otherwise
 */
public record Answer(String answer, boolean answered, List<Citation> citations, String model,
                     String query, Timings timingsMs,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String fallback) {

    public Answer {
        citations = List.copyOf(citations);
    }

    public Answer withTimings(Timings timings) {
        return new Answer(answer, answered, citations, model, query, timings, fallback);
    }

    public Answer withFallback(String reason) {
        return new Answer(answer, answered, citations, model, query, timingsMs, reason);
    }
}
