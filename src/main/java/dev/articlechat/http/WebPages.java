package dev.articlechat.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The server's own pages (the demo at {@code /}) and the widget's script, served from the {@code web/} folder
 * that the build packs into the jar, plus the headers that keep those pages safe to open.
 */
final class WebPages {

    /** Where the build puts {@code web/} on the classpath (see the resources of pom.xml). */
    static final String CLASSPATH_DIRECTORY = "/web";

    /**
     * No inline script or style anywhere: the demo page's script and styles are files, and the widget builds its
     * styles as a constructed stylesheet, which CSP does not treat as inline. The API is called on this origin only.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "connect-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin");

    private WebPages() {
    }

    static void serve(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = CLASSPATH_DIRECTORY;
            files.location = Location.CLASSPATH;
            // A changed widget must reach pages at once; the files are small and answer 304 when unchanged.
            files.headers = Map.of("Cache-Control", "no-cache");
            // A script takes the embedding page's encoding unless told; the widget is ASCII, the rest says UTF-8.
            files.mimeTypes.add("text/javascript; charset=utf-8", "js");
            files.mimeTypes.add("text/css; charset=utf-8", "css");
            files.mimeTypes.add("text/html; charset=utf-8", "html");
        });
        // On every response, JSON included: an API response opened in a tab is a page too.
        config.routes.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
    }
}
