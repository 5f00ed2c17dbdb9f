package dev.articlechat.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * How central each passage is in embedding space: the mean cosine similarity to its nearest neighbours.
 *
 * <p>Some sentences (a story's lead, which summarises everything) sit close to every question and win
 * nearest-neighbour searches they should not. Cross-domain similarity local scaling (CSLS, Conneau et al.,
 * 2018) corrects for this "hubness" by subtracting half of a passage's centrality from its similarity to
 * the query; this class computes that centrality once, when the index is built.
 *
 * <p>An article of up to {@link #EXACT_UP_TO} passages (every real one: a long feature has a few hundred) compares
 * each passage with every other. A longer one would make that quadratic (11,000 passages took minutes): its
 * neighbours are found in an HNSW graph of its passages, Lucene's own (the structure its vector search uses), in
 * O(n log n), and their similarities are then computed exactly.
 */
public final class Hubness {

    /** Neighbours averaged: CSLS's usual choice, small enough for a short article. */
    static final int NEIGHBOURS = 5;
    /** Below this, comparing all pairs takes under a second; above it, the graph is cheaper. */
    static final int EXACT_UP_TO = 2_048;
    /** The graph's breadth at build and at search: Lucene's defaults find nearly every true neighbour. */
    private static final int MAX_CONNECTIONS = HnswGraphBuilder.DEFAULT_MAX_CONN;
    private static final int BEAM_WIDTH = HnswGraphBuilder.DEFAULT_BEAM_WIDTH;
    /** Candidates each search keeps: more than the neighbours asked for, so the closest are rarely missed. */
    private static final int SEARCH_CANDIDATES = 50;
    /** The graph is random; a fixed seed gives the same centralities, so the same index, for the same article. */
    private static final long SEED = 42;

    private Hubness() {
    }

    /** Centrality of each vector (L2-normalised), in input order. */
    public static double[] of(List<float[]> vectors) {
        int n = vectors.size();
        int k = Math.min(NEIGHBOURS, n - 1);
        if (k <= 0) {
            return new double[n];
        }
        return n <= EXACT_UP_TO ? exact(vectors, k) : approximate(vectors, k);
    }

    /** Every pair compared: the mean of each passage's {@code k} largest similarities to the others. */
    static double[] exact(List<float[]> vectors, int k) {
        int n = vectors.size();
        double[] hubness = new double[n];
        for (int i = 0; i < n; i++) {
            PriorityQueue<Double> nearest = new PriorityQueue<>(k + 1);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    keep(nearest, dot(vectors.get(i), vectors.get(j)), k);
                }
            }
            hubness[i] = mean(nearest);
        }
        return hubness;
    }

    /** The neighbours an HNSW graph finds, their similarities computed exactly. */
    static double[] approximate(List<float[]> vectors, int k) {
        int n = vectors.size();
        double[] hubness = new double[n];
        try {
            RandomAccessVectorValues.Floats values = RandomAccessVectorValues.fromFloats(vectors, vectors.get(0).length);
            RandomVectorScorerSupplier scorers = DefaultFlatVectorScorer.INSTANCE
                    .getRandomVectorScorerSupplier(VectorSimilarityFunction.DOT_PRODUCT, values);
            OnHeapHnswGraph graph = HnswGraphBuilder.create(scorers, MAX_CONNECTIONS, BEAM_WIDTH, SEED).build(n);
            for (int i = 0; i < n; i++) {
                ScoreDoc[] found = HnswGraphSearcher.search(DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorer(
                                VectorSimilarityFunction.DOT_PRODUCT, values, vectors.get(i)),
                        Math.max(SEARCH_CANDIDATES, k + 1), graph, null, Integer.MAX_VALUE).topDocs().scoreDocs;
                PriorityQueue<Double> nearest = new PriorityQueue<>(k + 1);
                for (ScoreDoc neighbour : found) {
                    if (neighbour.doc != i) {
                        keep(nearest, dot(vectors.get(i), vectors.get(neighbour.doc)), k);
                    }
                }
                hubness[i] = mean(nearest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the neighbour graph is built in memory, which cannot fail to be read", e);
        }
        return hubness;
    }

    /** Keeps the {@code k} largest similarities seen: the smallest of them is at the head, and goes first. */
    private static void keep(PriorityQueue<Double> nearest, double similarity, int k) {
        if (nearest.size() < k) {
            nearest.add(similarity);
        } else if (similarity > nearest.peek()) {
            nearest.poll();
            nearest.add(similarity);
        }
    }

    private static double mean(PriorityQueue<Double> nearest) {
        return nearest.stream().mapToDouble(Double::doubleValue).sum() / Math.max(1, nearest.size());
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
