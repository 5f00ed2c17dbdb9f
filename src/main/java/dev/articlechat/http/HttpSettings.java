package dev.articlechat.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * How the HTTP server presents itself to browsers, read once by the command line.
 *
 * @param corsOrigins origins (scheme://host[:port]) whose pages may call {@code /api/*}, so that the widget can be
 *                    embedded there; {@code "*"} allows any origin and must be asked for explicitly. Empty: only
 *                    pages served by this server may call the API (the browser's same-origin rule).
 */
public record HttpSettings(List<String> corsOrigins) {

    public static final String ANY_ORIGIN = "*";

    public HttpSettings {
        corsOrigins = corsOrigins.stream().map(String::strip).filter(o -> !o.isEmpty())
                .map(HttpSettings::checkedOrigin).distinct().toList();
        if (corsOrigins.contains(ANY_ORIGIN) && corsOrigins.size() > 1) {
            throw new IllegalArgumentException("CORS origin \"*\" allows every origin; list no others beside it");
        }
    }

    /** Same-origin only: what a server gets unless someone decides otherwise. */
    public static HttpSettings defaults() {
        return new HttpSettings(List.of());
    }

    /**
     * Browsers send {@code Origin} as scheme, host and port only; an entry with a path or a typo would silently
     * never match, so it is refused at start instead. A trailing slash, the usual slip, is forgiven.
     */
    private static String checkedOrigin(String origin) {
        if (origin.equals(ANY_ORIGIN)) {
            return origin;
        }
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
                    && uri.getQuery() == null
                    && uri.getFragment() == null && uri.getUserInfo() == null;
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && bare) {
                return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            }
        } catch (java.net.URISyntaxException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("CORS origin \"" + origin
                + "\" is not an origin like https://example.com or http://localhost:8080");
    }
}
