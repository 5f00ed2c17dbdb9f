package dev.articlechat.metrics;

import dev.articlechat.answer.Answer;
import dev.articlechat.answer.AnswerObserver;
import dev.articlechat.answer.write.GenerationGate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The server's meters, in Prometheus' format: HTTP requests by route and status, answering (retrieval and
 * generation time, tokens, refusals, fallbacks by reason), overload (rate-limited and shed requests), and the
 * JVM's own (memory, GC, threads, file descriptors).
 */
public final class Metrics implements AnswerObserver, AutoCloseable {

    /** Fallback reasons are a short fixed set; anything else is one tag value, so labels stay few. */
    private static final Pattern REASON = Pattern.compile("[a-z][a-z ]{0,29}");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter tokens;
    private final Counter rateLimited;
    private final Counter shed;
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        tokens = Counter.builder("articlechat.tokens.generated")
                .description("Pieces of text (tokens, as streamed) written by language models").register(registry);
        rateLimited = Counter.builder("articlechat.requests.rate.limited")
                .description("Requests answered 429 because their client asked too often").register(registry);
        shed = Counter.builder("articlechat.requests.shed")
                .description("Questions turned away (503) because every generation slot was busy").register(registry);
    }

    /** One HTTP request: {@code route} is the route's template ("/api/ask"), never the raw path. */
    public void request(String method, String route, int status, Duration took) {
        // looked up once per route and status: building a meter's id on every request costs more than timing it
        requestTimers.computeIfAbsent(method + ' ' + route + ' ' + status, key -> Timer.builder("http.server.requests")
                .description("HTTP requests by route and status")
                .tags("method", method, "route", route, "status", String.valueOf(status))
                .register(registry)).record(took);
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    /** Generations running and waiting now. */
    public void watch(GenerationGate generations) {
        Gauge.builder("articlechat.generations.active", generations, GenerationGate::active)
                .description("Language-model generations running now").register(registry);
        Gauge.builder("articlechat.generations.waiting", generations, GenerationGate::waiting)
                .description("Questions waiting for a generation slot").register(registry);
    }

    @Override
    public void generated(int pieces) {
        tokens.increment(pieces);
    }

    @Override
    public void answered(Answer answer, boolean cached) {
        Counter.builder("articlechat.answers").description("Questions answered, from the cache or not")
                .tags("answered", String.valueOf(answer.answered()), "cached", String.valueOf(cached))
                .register(registry).increment();
        if (!answer.answered()) {
            Counter.builder("articlechat.refusals").description("Answers saying the article does not say")
                    .register(registry).increment();
        }
        if (cached) {
            return;
        }
        if (answer.fallback() != null) {
            Counter.builder("articlechat.fallbacks").description("Model answers replaced by the extractive one, by reason")
                    .tag("reason", reason(answer.fallback())).register(registry).increment();
        }
        if (answer.timingsMs() != null) {
            Timer.builder("articlechat.retrieval").description("Time to rewrite and retrieve, per fresh question")
                    .register(registry).record(Duration.ofMillis(answer.timingsMs().retrieve()));
            Timer.builder("articlechat.generation").description("Time to write and verify an answer")
                    .tag("model", answer.model()).register(registry)
                    .record(Duration.ofMillis(answer.timingsMs().generate()));
        }
    }

    @Override
    public void shed() {
        shed.increment();
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /** The part of a fallback before its colon: "unsupported: the sentence ..." is "unsupported". */
    static String reason(String fallback) {
        String reason = fallback.split(":", 2)[0].strip();
        return REASON.matcher(reason).matches() ? reason : "other";
    }
}
