package dev.articlechat.support;

import dev.articlechat.ingest.ArticleParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bundled article as a file's text, and an edited version of it: an editor's note added at the top (which
 * moves every sentence's offsets) and the visit's length changed, as a newsroom corrects a story.
 */
public final class ArticleVersions {

    public static final String EDITORS_NOTE =
            "Editor’s note: this report was corrected on Saturday to give the length of the visit.";
    public static final String ORIGINAL_LENGTH = "four-day visit";
    public static final String EDITED_LENGTH = "five-day visit";

    private ArticleVersions() {
    }

    public static String original() {
        try (InputStream in = ArticleVersions.class.getResourceAsStream("/article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String edited() {
        String original = original();
        int afterByline = original.indexOf('\n', original.indexOf('\n') + 1) + 1;
        return (original.substring(0, afterByline) + EDITORS_NOTE + "\n" + original.substring(afterByline))
                .replace(ORIGINAL_LENGTH, EDITED_LENGTH);
    }

    /** The text {@code GET /api/article} serves for a raw article: the one citation offsets point into. */
    public static String served(String raw) {
        return new ArticleParser().parse("article", raw).text();
    }
}
