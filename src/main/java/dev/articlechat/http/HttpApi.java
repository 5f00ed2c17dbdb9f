package dev.articlechat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.articlechat.answer.AnswerService;
import dev.articlechat.answer.GenerationsBusyException;
import dev.articlechat.answer.NotAQuestionException;
import dev.articlechat.answer.UnknownArticleException;
import dev.articlechat.ingest.Embeddings;
import dev.articlechat.metrics.Metrics;
import dev.articlechat.slack.SlackRoutes;
import dev.articlechat.slack.SlackSettings;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.time.Duration;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the HTTP server: routes, JSON mapping, and one place where every failure becomes a JSON error. */
public final class HttpApi {

    /** Questions and histories fit easily; anything larger is a mistake or an attack. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    /**
     * Jetty's threads: enough for every answer a model may be writing or waiting for (streams hold a thread) and for
     * the quick requests beside them, and no more. Javalin's default pool (250) grew to 137 threads under bursts and
     * kept them; each thread that ever ran the embedding model keeps native memory of its own. Idle threads above the
     * minimum end after {@link #IDLE_THREAD_MILLIS}.
     */
    static final int MAX_THREADS = 64;
    static final int MIN_THREADS = 8;
    static final int IDLE_THREAD_MILLIS = 20_000;

    /** A request's line and headers arrive in one packet or two; a client that takes longer is holding on. */
    static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);

    private static final String TOO_LARGE = "The body is larger than 64 KiB.";
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    private HttpApi() {
    }

    public static Javalin create(AnswerService answers, ServerOptions options) {
        Operations operations = options.operations();
        ObjectMapper json = JavalinJackson.defaultMapper();
        AskRequestReader requests = new AskRequestReader(json);
        AskController ask = new AskController(answers, requests);
        EventStreams streams = new EventStreams(json, options.keepAlive());
        AskStreamController askStream = new AskStreamController(answers, requests, streams);
        ChatCompletionsController completions = new ChatCompletionsController(answers, json, streams,
                Embeddings.tokenCounter());
        ArticleController article = new ArticleController(answers);
        HealthController health = new HealthController(answers, options.modelUnavailable(), options.ready());
        Metrics meters = options.metrics() != null ? options.metrics() : new Metrics();
        MetricsController metrics = new MetricsController(meters, options.metricsToken());
        return Javalin.create(config -> {
            if (options.metrics() == null) {
                config.events.serverStopped(meters::close);
            }
            config.startup.showJavalinBanner = false;
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, IDLE_THREAD_MILLIS);
            threads.setName("http");
            config.jetty.threadPool = threads;
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            // the pages' own policy first: SecurityHeaders adds its stricter one only where none is set
            WebPages.serve(config);
            config.routes.before(RequestIds::assign);
            config.routes.before(SecurityHeaders::add);
            config.routes.before(RequestCharset::requireReadable);
            // before routing and before the rate limit: a page elsewhere gets no work done, nor uses a client's budget
            CorsPolicy.apply(config, options.web());
            if (options.rateLimit().on()) {
                ClientRateLimiter limiter = new ClientRateLimiter(options.rateLimit(), meters);
                config.routes.beforeMatched("/api/*", limiter::check);
                config.routes.beforeMatched("/v1/*", limiter::check);
            }
            config.requestLogger.http((ctx, millis) -> {
                meters.request(ctx.method().name(), route(ctx), ctx.statusCode(),
                        Duration.ofNanos((long) (millis * 1_000_000)));
                RequestIds.forget();
            });
            JsonJettyErrors jettyErrors = new JsonJettyErrors(json);
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(jettyErrors);
                server.addBean(new RequestHeaderDeadline(server, HEADER_DEADLINE, json));
            });
            getAndHead(config, "/health", health::health);
            getAndHead(config, "/ready", health::ready);
            getAndHead(config, "/metrics", metrics::metrics);
            getAndHead(config, "/api/article", article::article);
            getAndHead(config, "/api/articles", article::articles);
            config.routes.post("/api/ask", ask::ask);
            config.routes.post("/api/ask/stream", askStream::stream);
            getAndHead(config, "/v1/models", completions::models);
            getAndHead(config, "/v1/models/{id}", completions::model);
            config.routes.post("/v1/chat/completions", completions::complete);
            SlackSettings slack = options.slack();
            if (slack != null && operations.shutdownGrace().isZero()) {
                SlackRoutes.install(config, answers, slack);
            } else if (slack != null) {
                SlackRoutes.install(config, answers, slack, operations.shutdownGrace());
            }
            AdminRoutes.install(config, operations, new StrictJson(json));
            GracefulStop.install(config, operations.shutdownGrace());
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                    e instanceof ContentTooLargeResponse ? TOO_LARGE : e.getMessage()));
            config.routes.exception(NotAQuestionException.class, (e, ctx) ->
                    error(ctx, HttpStatus.BAD_REQUEST.getCode(), e.getMessage()));
            config.routes.exception(UnknownArticleException.class, (e, ctx) ->
                    error(ctx, HttpStatus.NOT_FOUND.getCode(), e.getMessage()));
            config.routes.exception(GenerationsBusyException.class, (e, ctx) -> {
                ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
                error(ctx, HttpStatus.SERVICE_UNAVAILABLE.getCode(), e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                int unreadable = UnreadableBody.status(e);
                if (unreadable != 0) {
                    log.info("Refused {} {}: {}", ctx.method(), ctx.path(), e.toString());
                    ctx.header("Connection", "close"); // what is left of the body cannot be told from a next request
                    error(ctx, unreadable, UnreadableBody.message(unreadable));
                    return;
                }
                log.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "Something went wrong on our side; the error has been logged.");
            });
            config.routes.error(404, ctx -> replaceWithJson(ctx, "No such route: " + ctx.path()));
            config.routes.error(405, ctx -> replaceWithJson(ctx, ctx.method() + " is not allowed on " + ctx.path()));
            config.routes.error(413, ctx -> replaceWithJson(ctx, TOO_LARGE));
            // Javalin answers a body that stopped arriving (Jetty's idle timeout) with an empty 408 itself
            config.routes.error(408, ctx -> replaceWithJson(ctx, UnreadableBody.message(408)));
        });
    }

    /**
     * HEAD answers as GET does, status and headers, without the body (Jetty drops it). Without a HEAD route Javalin
     * answered every HEAD with an empty 200, also for an article that does not exist.
     */
    private static void getAndHead(JavalinConfig config, String path, Handler handler) {
        config.routes.get(path, handler);
        config.routes.head(path, handler);
    }

    /** The route's template, so that metrics have one series per route, not one per path anyone typed. */
    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(ErrorBody.of(ctx.path(), status, message));
    }

    /** Error handlers also run after exception handlers; keep a JSON body that is already there. */
    private static void replaceWithJson(Context ctx, String message) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith("application/json")) {
            int status = ctx.statusCode();
            int code = status == 0 ? HttpStatus.INTERNAL_SERVER_ERROR.getCode() : status;
            ctx.json(ErrorBody.of(ctx.path(), code, message));
        }
    }
}
