package dev.articlechat.support;

import io.javalin.testtools.Response;
import java.util.List;

/** One header of a test client's response. */
public final class ResponseHeaders {

    private ResponseHeaders() {
    }

    /** The header's first value, or null when the response has none. */
    public static String first(Response response, String name) {
        List<String> values = response.headers().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
