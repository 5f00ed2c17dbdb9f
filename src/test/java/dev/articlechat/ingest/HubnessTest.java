package dev.articlechat.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A passage's centrality, exact for an article of real length and from a neighbour graph for a longer one; the
 * graph's must be the exact figure's. How its cost grows ({@code src/bench/reindex-hubness.sh}) is in
 * docs/benchmarks.md.
 */
class HubnessTest {

    private static final int DIMENSIONS = 384;

    @Test
    void is_the_mean_similarity_to_the_nearest_five_others() {
        List<float[]> vectors = List.of(unit(1, 0, 0), unit(1, 1, 0), unit(1, 0, 1), unit(0, 1, 1), unit(0, 0, 1),
                unit(1, 1, 1), unit(-1, 0, 0));

        double[] hubness = Hubness.of(vectors);

        for (int i = 0; i < vectors.size(); i++) {
            double[] others = new double[vectors.size() - 1];
            for (int j = 0, m = 0; j < vectors.size(); j++) {
                if (j != i) {
                    others[m++] = dot(vectors.get(i), vectors.get(j));
                }
            }
            Arrays.sort(others);
            double expected = Arrays.stream(others, others.length - 5, others.length).average().orElseThrow();
            assertThat(hubness[i]).as("passage %d", i).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void is_zero_for_an_article_of_one_passage_and_uses_the_others_there_are_when_fewer_than_five() {
        assertThat(Hubness.of(List.of(unit(1, 0, 0)))).containsExactly(0.0);
        assertThat(Hubness.of(List.of(unit(1, 0, 0), unit(1, 1, 0))))
                .containsExactly(new double[] {Math.sqrt(0.5), Math.sqrt(0.5)}, within(1e-6));
    }

    @Test
    void the_neighbour_graph_gives_the_exact_centrality_of_a_long_article() {
        List<float[]> vectors = clustered(3_000, 60, new Random(7));

        double[] exact = Hubness.exact(vectors, Hubness.NEIGHBOURS);
        double[] approximate = Hubness.approximate(vectors, Hubness.NEIGHBOURS);

        double worst = 0;
        int off = 0;
        for (int i = 0; i < vectors.size(); i++) {
            double error = Math.abs(exact[i] - approximate[i]);
            worst = Math.max(worst, error);
            off += error > 1e-6 ? 1 : 0;
        }
        assertThat(off).as("passages whose five nearest the graph missed one of").isLessThan(vectors.size() / 50);
        assertThat(worst).as("the largest error, in cosine similarity").isLessThan(0.05);
    }

    @Test
    void copes_with_an_article_of_many_identical_sentences() {
        List<float[]> vectors = new ArrayList<>(clustered(2_500, 20, new Random(3)));
        float[] same = vectors.get(0);
        for (int i = 0; i < 1_000; i++) {
            vectors.set(i * 2, same);
        }

        double[] hubness = Hubness.of(vectors);

        assertThat(hubness[0]).isCloseTo(1.0, within(1e-6));
        assertThat(Arrays.stream(hubness).boxed()).allSatisfy(h -> assertThat(h).isBetween(-1.0, 1.0 + 1e-6));
    }

    /** {@code n} unit vectors around {@code clusters} centres, as the sentences of an article on a few subjects. */
    static List<float[]> clustered(int n, int clusters, Random random) {
        List<float[]> centres = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            centres.add(randomUnit(random, null, 0));
        }
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vectors.add(randomUnit(random, centres.get(random.nextInt(clusters)), 0.6));
        }
        return vectors;
    }

    private static float[] randomUnit(Random random, float[] around, double spread) {
        float[] v = new float[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] = (float) ((around == null ? 0 : around[d]) + (around == null ? 1 : spread / Math.sqrt(DIMENSIONS) * 4)
                    * random.nextGaussian());
        }
        return normalise(v);
    }

    private static float[] unit(float... v) {
        return normalise(v);
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            unit[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return unit;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
