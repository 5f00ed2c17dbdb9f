package dev.articlechat.http;

import dev.articlechat.answer.Answer;
import dev.articlechat.answer.Citation;

/**
 * The answer as a chat client shows it: the text with its {@code [n]} markers, then a short list of the
 * quotes they point to, since a chat window has no other place for sources.
 */
final class ChatCompletionText {

    static final String SOURCES_HEADING = "\n\nSources:\n";
    /** Long enough to recognise the sentence; the full quote travels in the response's citations. */
    static final int MAX_QUOTE_CHARS = 200;

    private ChatCompletionText() {
    }

    static String of(Answer answer) {
        return answer.answer() + sources(answer);
    }

    /** The sources list that follows the answer's text; empty for an answer without citations. */
    static String sources(Answer answer) {
        if (answer.citations().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(SOURCES_HEADING);
        for (Citation citation : answer.citations()) {
            String quote = citation.quote().length() <= MAX_QUOTE_CHARS
                    ? citation.quote()
                    : citation.quote().substring(0, MAX_QUOTE_CHARS - 1).strip() + "…";
            text.append('[').append(citation.n()).append("] “").append(quote).append("”\n");
        }
        return text.toString().stripTrailing();
    }

    /** An earlier reply of ours, as history: the sources list is for the reader, not part of what was said. */
    static String withoutSources(String content) {
        int sources = content.indexOf(SOURCES_HEADING);
        return sources < 0 ? content : content.substring(0, sources);
    }
}
