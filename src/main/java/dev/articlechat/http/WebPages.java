package dev.articlechat.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server's own pages (the demo at {@code /}) and the widget's script, served from the {@code web/} folder
 * that the build packs into the jar, and the policy that keeps those pages safe to open (sent by
 * {@link SecurityHeaders}).
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

    /** The files of {@code web/}: the demo page at {@code /} and what it and the widget load. */
    private static final Pattern FILE = Pattern.compile("^/$|\\.(html|js|css|svg|png|ico)$");

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
    }

    /** True for a path that names one of the pages' files rather than an API route. */
    static boolean isPageFile(String path) {
        return FILE.matcher(path).find();
    }
}
