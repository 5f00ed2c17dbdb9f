package dev.articlechat.eval;

/**
 * A share of questions with its 95% Wilson score interval, which stays inside [0, 1] and is honest for the small
 * sets an eval has (a normal approximation claims certainty at 0 of 10 or 10 of 10).
 *
 * @param count the questions counted
 * @param total the questions it is a share of; 0 when there was nothing to measure, and then {@code share} is 0
 *              and the interval the whole of [0, 1]
 */
public record Rate(int count, int total, double share, double low, double high) {

    /** The normal quantile for a two-sided 95% interval. */
    private static final double Z = 1.959963984540054;

    public Rate {
        if (count < 0 || total < count) {
            throw new IllegalArgumentException("a rate needs 0 <= count <= total: " + count + " of " + total);
        }
    }

    public static Rate of(int count, int total) {
        if (total == 0) {
            return new Rate(0, 0, 0, 0, 1);
        }
        double n = total;
        double p = count / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // at 0 and at all of them the bound is exactly 0 or 1; the two terms above differ there only by rounding
        double low = count == 0 ? 0 : Math.max(0, centre - half);
        double high = count == total ? 1 : Math.min(1, centre + half);
        return new Rate(count, total, p, low, high);
    }

    public boolean measured() {
        return total > 0;
    }
}
