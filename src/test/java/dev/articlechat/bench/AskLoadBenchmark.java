package dev.articlechat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.articlechat.eval.EvalQuestion;
import dev.articlechat.eval.Evaluator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives {@code POST /api/ask} on a running server from N concurrent clients for a fixed time and prints
 * latency percentiles and throughput. Not a test: it measures, and src/bench/benchmark.sh reports.
 *
 * <p>Usage: {@code AskLoadBenchmark URL QUESTIONS.jsonl CLIENTS SECONDS [repeat|unique]}. "repeat" cycles
 * through the questions as written (as users asking the suggested questions would); "unique" makes every
 * request's text new, so no cache on the server can help.
 */
public final class AskLoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AskLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI ask = URI.create(args[0].replaceAll("/$", "") + "/api/ask");
        List<EvalQuestion> questions = Evaluator.read(Path.of(args[1]));
        int clients = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        boolean unique = args.length > 4 && args[4].equals("unique");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        warmUp(http, ask, questions);
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    int n = sequence.getAndIncrement();
                    EvalQuestion q = questions.get(n % questions.size());
                    String text = unique ? q.q() + " (request " + n + ")" : q.q();
                    long t0 = System.nanoTime();
                    int status = send(http, ask, text, q);
                    latencies.add(System.nanoTime() - t0);
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        long[] all = results.stream().flatMapToLong(f -> {
            try {
                return Arrays.stream(f.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toArray();
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        System.out.printf("clients=%d seconds=%.1f mode=%s requests=%d errors=%d throughput=%.0f/s "
                        + "p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n",
                clients, elapsed, unique ? "unique" : "repeat", all.length, errors.get(), all.length / elapsed,
                ms(all, 50), ms(all, 90), ms(all, 99), all[all.length - 1] / 1e6);
    }

    private static void warmUp(HttpClient http, URI ask, List<EvalQuestion> questions) throws Exception {
        for (int round = 0; round < 20; round++) {
            for (EvalQuestion q : questions) {
                send(http, ask, q.q() + " warm-up " + round, q);
            }
        }
    }

    private static int send(HttpClient http, URI ask, String text, EvalQuestion q) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("question", text);
        if (!q.history().isEmpty()) {
            body.set("history", JSON.valueToTree(q.history()));
        }
        HttpRequest request = HttpRequest.newBuilder(ask).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static double ms(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
