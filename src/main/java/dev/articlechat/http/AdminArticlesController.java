package dev.articlechat.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.articlechat.ingest.ArticleFormat;
import dev.articlechat.reindex.ArticleLibrary;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /admin/articles} adds or replaces an article (plain text, an HTML page, or JSON {@code {"title",
 * "text", "id"?}}), 202 once it is stored and being indexed; {@code DELETE /admin/articles/{id}} removes one. A
 * body that is no article is refused with a 4xx before anything is stored, so the articles served stay as they are;
 * an article from a file given at start is neither replaced nor removed (409), as the next start reads it again.
 */
final class AdminArticlesController {

    /** A long feature runs to 100 KB of HTML; ten times that is no article. */
    static final int MAX_ARTICLE_BYTES = 1024 * 1024;

    private final ArticleLibrary library;
    private final StrictJson json;

    AdminArticlesController(ArticleLibrary library, StrictJson json) {
        this.library = library;
        this.json = json;
    }

    void add(Context ctx) throws IOException {
        String content = text(ctx);
        ArticleLibrary.Upload upload = switch (mediaType(ctx)) {
            case "text/plain" -> new ArticleLibrary.Upload(ArticleFormat.TEXT, content, null);
            case "text/html" -> new ArticleLibrary.Upload(ArticleFormat.HTML, content, null);
            case "application/json" -> fromJson(content);
            default -> throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "Send the article as text/plain (first line the title), text/html, or application/json "
                            + "{\"title\", \"text\", \"id\"}.");
        };
        ArticleLibrary.Added added;
        try {
            added = library.add(upload);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("This is no article: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(), "The server is stopping.");
        } catch (ArticleLibrary.FromAFileException e) {
            throw new HttpResponseException(HttpStatus.CONFLICT.getCode(), e.getMessage());
        } catch (ArticleLibrary.TooManyPassagesException e) {
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), e.getMessage());
        }
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("id", added.id(), "title", added.title(),
                "passages", added.passages(), "replaced", added.replaced(), "status", "indexing",
                "reindexJob", added.job()));
    }

    void remove(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        ArticleLibrary.Removal removal;
        try {
            removal = library.remove(id);
        } catch (IllegalStateException e) {
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(), "The server is stopping.");
        } catch (ArticleLibrary.FromAFileException e) {
            throw new HttpResponseException(HttpStatus.CONFLICT.getCode(), e.getMessage());
        }
        switch (removal) {
            case REMOVED -> ctx.status(HttpStatus.ACCEPTED).json(Map.of("id", id, "status", "removing"));
            case UNKNOWN -> throw new NotFoundResponse("No article has the id \"" + id + "\".");
        }
    }

    private ArticleLibrary.Upload fromJson(String content) {
        JsonNode root = json.read(content);
        if (root == null || !root.isObject()) {
            throw new BadRequestResponse("The body must be a JSON object {\"title\", \"text\", \"id\"}.");
        }
        String title = string(root, "title");
        String text = string(root, "text");
        if (title == null || title.isBlank() || title.contains("\n")) {
            throw new BadRequestResponse("\"title\" is required: one line of text.");
        }
        if (text == null || text.isBlank()) {
            throw new BadRequestResponse("\"text\" is required: the article's paragraphs.");
        }
        return new ArticleLibrary.Upload(ArticleFormat.TEXT, title.strip() + "\n\n" + text.strip(),
                string(root, "id"));
    }

    private static String string(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BadRequestResponse("\"" + field + "\" must be a string.");
        }
        return node.asText();
    }

    /** The body as UTF-8 text, at most {@link #MAX_ARTICLE_BYTES}; empty, binary or not UTF-8 is refused. */
    private static String text(Context ctx) throws IOException {
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(MAX_ARTICLE_BYTES + 1);
        }
        if (body.length > MAX_ARTICLE_BYTES) {
            ctx.header("Connection", "close"); // the rest of the body is not read
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                    "The article is larger than 1 MiB.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestResponse("The article is not UTF-8 text.");
        }
        if (text.isBlank()) {
            throw new BadRequestResponse("The article is empty.");
        }
        if (text.chars().anyMatch(c -> c == 0 || (Character.isISOControl(c) && !Character.isWhitespace(c)))) {
            throw new BadRequestResponse("The article is binary, not text.");
        }
        return text;
    }

    private static String mediaType(Context ctx) {
        String type = ctx.header("Content-Type");
        return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }
}
