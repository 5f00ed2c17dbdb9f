package dev.articlechat.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.nio.charset.Charset;

/**
 * Refuses, before any route runs, a request whose charset cannot be read. Javalin decodes the query string as
 * well as the body with the request's charset, so a malformed charset parameter ("charsetAutf-8") made even a
 * GET's {@code ctx.queryParam} throw, and a charset the JVM does not have ("utf-7") would fail the body's
 * reading: client errors, each a 415 here instead of a 500 wherever it surfaced.
 */
final class RequestCharset {

    private RequestCharset() {
    }

    static void requireReadable(Context ctx) {
        if (!readable(ctx)) {
            throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "The request's charset cannot be read; send UTF-8.");
        }
    }

    private static boolean readable(Context ctx) {
        try {
            String charset = ctx.characterEncoding();
            return charset == null || Charset.isSupported(charset);
        } catch (IllegalArgumentException | IndexOutOfBoundsException unknownOrMalformed) {
            return false;
        }
    }
}
