package dev.articlechat.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.articlechat.answer.Citation;
import java.util.function.Function;

/** The one check of docs/API.md's promise: a citation's quote is the article's text at the citation's offsets. */
public final class Citations {

    private Citations() {
    }

    /** Every citation of {@code answer}, a response's JSON with a "citations" array, in the one article given. */
    public static void assertAllVerbatim(JsonNode answer, String articleText) {
        assertAllVerbatim(answer, articleId -> articleText);
    }

    /** Every citation of {@code answer} in the text of the article it names ({@code articleId}). */
    public static void assertAllVerbatim(JsonNode answer, Function<String, String> articleTextById) {
        for (JsonNode citation : answer.get("citations")) {
            assertVerbatim(citation, articleTextById.apply(citation.path("articleId").asText()));
        }
    }

    /** One citation as a response's JSON has it. */
    public static void assertVerbatim(JsonNode citation, String articleText) {
        assertQuoted(articleText, citation.get("start").asInt(), citation.get("end").asInt(),
                citation.get("quote").asText());
    }

    public static void assertVerbatim(Citation citation, String articleText) {
        assertQuoted(articleText, citation.start(), citation.end(), citation.quote());
    }

    private static void assertQuoted(String text, int start, int end, String quote) {
        assertThat(start).as("start of %s", quote).isBetween(0, end);
        assertThat(end).as("end of %s", quote).isLessThanOrEqualTo(text.length());
        assertThat(text.substring(start, end)).isEqualTo(quote);
    }
}
