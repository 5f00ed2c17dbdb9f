package dev.articlechat.ingest;

import java.util.List;
import java.util.Random;

/**
 * Times {@link Hubness#of} for articles of the sizes given (passages; default 1,000, 10,000 and 100,000), on
 * embedding-like vectors: {@code src/bench/reindex-hubness.sh} runs it. With {@code --exact}, also times comparing
 * all pairs, as every re-index did before the neighbour graph.
 */
public final class HubnessBenchmark {

    private HubnessBenchmark() {
    }

    public static void main(String[] args) {
        boolean exact = List.of(args).contains("--exact");
        List<Integer> sizes = List.of(args).stream().filter(a -> !a.startsWith("--")).map(Integer::parseInt).toList();
        Hubness.of(HubnessTest.clustered(3_000, 60, new Random(0))); // warm up the JIT
        System.out.println("passages\thubness_ms" + (exact ? "\tall_pairs_ms\tpassages_off\tlargest_error" : ""));
        for (int n : sizes.isEmpty() ? List.of(1_000, 10_000, 100_000) : sizes) {
            List<float[]> vectors = HubnessTest.clustered(n, Math.max(10, n / 50), new Random(n));
            long started = System.nanoTime();
            double[] hubness = Hubness.of(vectors);
            long millis = (System.nanoTime() - started) / 1_000_000;
            String allPairs = "";
            if (exact) {
                started = System.nanoTime();
                double[] truth = Hubness.exact(vectors, Hubness.NEIGHBOURS);
                allPairs = "\t" + (System.nanoTime() - started) / 1_000_000;
                int off = 0;
                double worst = 0;
                for (int i = 0; i < n; i++) {
                    double error = Math.abs(truth[i] - hubness[i]);
                    off += error > 1e-6 ? 1 : 0;
                    worst = Math.max(worst, error);
                }
                allPairs += "\t" + off + "\t" + String.format("%.4f", worst);
            }
            System.out.println(n + "\t" + millis + allPairs);
        }
    }
}
