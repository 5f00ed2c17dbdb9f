package dev.articlechat.retrieve;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al., 2009): a passage scores {@code sum 1 / (k + rank)} over the lists
 * it appears in. It needs no score calibration between BM25 and cosine, which live on different scales.
 */
final class ReciprocalRankFusion {

    /** The constant from the paper; it damps the advantage of the very top ranks. */
    static final int K = 60;

    private ReciprocalRankFusion() {
    }

    /** Fused scores by passage id, for ranked lists of passage ids (best first). */
    static Map<String, Double> fuse(List<List<String>> rankings) {
        Map<String, Double> scores = new HashMap<>();
        for (List<String> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                scores.merge(ranking.get(rank), 1.0 / (K + rank + 1), Double::sum);
            }
        }
        return new LinkedHashMap<>(scores);
    }
}
