package dev.articlechat.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call {@code /api/*} and {@code /v1/*} from a browser, decided before any route runs. A request that
 * carries an {@code Origin} (browsers send one on every cross-origin request, and on same-origin POSTs) from neither
 * this server nor a configured origin is refused with a JSON 403: a page elsewhere gets neither the answer nor the
 * work done, where CORS headers alone would only have kept the answer from it. A preflight from a configured origin
 * is answered 204 with what it may send; from any other, 403. Requests without an {@code Origin} (curl, servers,
 * OpenAI client libraries) are not a browser's and pass.
 */
final class CorsPolicy {

    private static final Logger log = LoggerFactory.getLogger(CorsPolicy.class);
    /** Browsers cache a preflight for at most 2 hours (Chromium) anyway. */
    static final String MAX_AGE_SECONDS = "7200";
    static final String ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS";
    /** Headers the widget reads from a cross-origin response. */
    static final String EXPOSED_HEADERS = "Retry-After, X-Request-Id";

    private final HttpSettings settings;
    private final RefusedOrigins refusedOrigins = new RefusedOrigins();

    private CorsPolicy(HttpSettings settings) {
        this.settings = settings;
    }

    /**
     * The browser keeps a refused page from reading why (the widget can only say it cannot reach the server), so the
     * log says it, once per origin: a site that embeds the widget without being listed shows up at its first question.
     */
    private static final class RefusedOrigins {
        /** A bound on what is remembered: origins are the client's to invent. */
        private static final int REMEMBERED = 256;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        void note(String origin, String path) {
            String key = origin.toLowerCase(Locale.ROOT);
            if (seen.size() < REMEMBERED && seen.add(key)) {
                log.warn("Refused a request to {} from a page on {}: neither this server's own nor a --cors-origin; "
                        + "serve with --cors-origin {} to let it use the API (logged once per origin)", path, origin,
                        origin);
            }
        }
    }

    static void apply(JavalinConfig config, HttpSettings settings) {
        CorsPolicy policy = new CorsPolicy(settings);
        for (String paths : new String[] {"/api/*", "/v1/*"}) {
            config.routes.before(paths, policy::check);
        }
    }

    void check(Context ctx) {
        String origin = ctx.header(Header.ORIGIN);
        boolean preflight = ctx.method().name().equals("OPTIONS")
                && ctx.header(Header.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (origin == null || (!preflight && sameOrigin(ctx, origin))) {
            return;
        }
        if (!allowed(origin)) {
            refusedOrigins.note(origin, ctx.path());
            throw new HttpResponseException(HttpStatus.FORBIDDEN.getCode(),
                    "Pages on " + origin + " may not call this API; the server allows only its own pages"
                            + (settings.corsOrigins().isEmpty() ? "." : " and those of its configured origins."));
        }
        boolean any = settings.corsOrigins().contains(HttpSettings.ANY_ORIGIN);
        ctx.header(Header.ACCESS_CONTROL_ALLOW_ORIGIN, any ? "*" : origin);
        ctx.header(Header.VARY, Header.ORIGIN);
        if (preflight) {
            String headers = ctx.header(Header.ACCESS_CONTROL_REQUEST_HEADERS);
            ctx.header(Header.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            if (headers != null) {
                ctx.header(Header.ACCESS_CONTROL_ALLOW_HEADERS, headers);
            }
            ctx.header(Header.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
            ctx.status(HttpStatus.NO_CONTENT);
            ctx.skipRemainingHandlers();
        } else {
            ctx.header(Header.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        }
    }

    private boolean allowed(String origin) {
        return settings.corsOrigins().contains(HttpSettings.ANY_ORIGIN)
                || settings.corsOrigins().contains(origin.toLowerCase(Locale.ROOT));
    }

    /**
     * The page came from this server: the origin's host and port are those the request was sent to. A {@code Host}
     * without a port is a default port, maybe behind a proxy that took TLS off: then an origin on 80 or 443 matches.
     */
    private static boolean sameOrigin(Context ctx, String origin) {
        String host = ctx.header(Header.HOST);
        URI uri;
        try {
            uri = new URI(origin);
        } catch (java.net.URISyntaxException e) {
            return false; // "null" and other origins that are not URLs come from no page of ours
        }
        if (host == null || uri.getHost() == null) {
            return false;
        }
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > host.lastIndexOf(']');
        String hostName = hasPort ? host.substring(0, colon) : host;
        if (!hostName.equalsIgnoreCase(uri.getHost())) {
            return false;
        }
        int originPort = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return hasPort ? host.substring(colon + 1).equals(String.valueOf(originPort))
                : originPort == 80 || originPort == 443;
    }
}
