package dev.articlechat.ingest;

import java.util.List;

/**
 * How central each passage is in embedding space: the mean cosine similarity to its nearest neighbours.
 *
 * <p>Some sentences (a story's lead, which summarises everything) sit close to every question and win
 * nearest-neighbour searches they should not. Cross-domain similarity local scaling (CSLS, Conneau et al.,
 * 2018) corrects for this "hubness" by subtracting half of a passage's centrality from its similarity to
 * the query; this class computes that centrality once, when the index is built.
 */
public final class Hubness {

    /** Neighbours averaged: CSLS's usual choice, small enough for a short article. */
    static final int NEIGHBOURS = 5;

    private Hubness() {
    }

    /** Centrality of each vector (L2-normalised), in input order. */
    public static double[] of(List<float[]> vectors) {
        int n = vectors.size();
        int k = Math.min(NEIGHBOURS, n - 1);
        double[] hubness = new double[n];
        if (k <= 0) {
            return hubness;
        }
        for (int i = 0; i < n; i++) {
            double[] similarities = new double[n - 1];
            for (int j = 0, m = 0; j < n; j++) {
                if (j != i) {
                    similarities[m++] = dot(vectors.get(i), vectors.get(j));
                }
            }
            java.util.Arrays.sort(similarities);
            double sum = 0;
            for (int t = 0; t < k; t++) {
                sum += similarities[similarities.length - 1 - t];
            }
            hubness[i] = sum / k;
        }
        return hubness;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
