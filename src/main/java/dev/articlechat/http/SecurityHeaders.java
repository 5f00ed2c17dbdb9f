package dev.articlechat.http;

import io.javalin.http.Context;

/**
 * Headers that keep browsers from misreading the API's responses: no content sniffing, no referrer sent on, and
 * a policy under which a JSON response, opened as a page, can load nothing and be framed by nothing. The server's
 * own pages get the policy that lets them run (their files, this origin only, nothing inline). Set only where a
 * route has not set its own.
 */
final class SecurityHeaders {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void add(Context ctx) {
        addIfAbsent(ctx, "X-Content-Type-Options", "nosniff");
        addIfAbsent(ctx, "Referrer-Policy", "no-referrer");
        addIfAbsent(ctx, "Content-Security-Policy",
                WebPages.isPageFile(ctx.path()) ? WebPages.CONTENT_SECURITY_POLICY : API_POLICY);
    }

    private static void addIfAbsent(Context ctx, String name, String value) {
        if (!ctx.res().containsHeader(name)) {
            ctx.header(name, value);
        }
    }
}
