package org.myelin.metric.cka.internal;

import java.util.stream.IntStream;

import org.myelin.api.InvalidInputException;
import org.myelin.core.linalg.Blas;

/**
 * Stimulus-by-stimulus gram matrices for CKA, packed ({@link PackedGram}).
 *
 * <ul>
 * <li>linear: {@code K = Xc Xc'} of the column-centred representation;</li>
 * <li>RBF (science/metrics.md section 1.2): {@code D_ij = |x_i|^2 + |x_j|^2 - 2 x_i.x_j},
 *     {@code sigma^2 = threshold^2 median(D)} over all n^2 entries (the n zero diagonal entries
 *     included, the mean of the two middle values when n^2 is even, as numpy's median), and
 *     {@code K_ij = exp(-D_ij / (2 sigma^2))}.</li>
 * </ul>
 *
 * The RBF distances are computed from the column-centred rows (distances do not change under
 * translation, and centring first loses fewer digits in the expansion), negative rounding
 * residues are clamped to 0 and the diagonal is exactly 0 (so K_ii = 1).
 */
final class Grams {

    private Grams() {
    }

    /**
     * An RBF gram and the bandwidth it used.
     *
     * @param kernel the kernel matrix
     * @param medianSquaredDistance median of the n^2 squared distances
     * @param sigma2 the bandwidth {@code threshold^2 * medianSquaredDistance}
     */
    record Rbf(PackedGram kernel, double medianSquaredDistance, double sigma2) {
    }

    /**
     * @param xc column-centred representation, n x p
     * @param n stimuli
     * @param p units
     * @return {@code Xc Xc'}, packed
     */
    static PackedGram linear(double[] xc, int n, int p) {
        return PackedGram.of(product(xc, n, p), n);
    }

    private static double[] product(double[] xc, int n, int p) {
        double[] k = new double[n * n];
        Blas.dsyrk(false, n, p, 1.0, xc, 0, p, 0.0, k, 0, n);
        return k;
    }

    /**
     * @param xc column-centred representation, n x p
     * @param n stimuli
     * @param p units
     * @param threshold bandwidth as a fraction of the median distance
     * @param name {@code x} or {@code y}, for the error message
     * @return the kernel and its bandwidth
     * @throws InvalidInputException when the median squared distance is 0 (more than half of all
     *         stimulus pairs identical), which would divide by zero
     */
    static Rbf rbf(double[] xc, int n, int p, double threshold, String name) {
        double[] g = product(xc, n, p);
        double[] upper = new double[PackedGram.pairs(n)];
        IntStream.range(0, n).parallel().forEach(i -> {
            int o = i * n;
            int at = PackedGram.rowStart(i, n);
            double si = g[o + i];
            for (int j = i + 1; j < n; j++) {
                upper[at++] = Math.max(0.0, si + g[j * n + j] - 2.0 * g[o + j]);
            }
        });
        double median = medianWithZeroDiagonal(upper.clone(), n);
        if (!(median > 0)) {
            throw new InvalidInputException(name, "the median squared distance between stimuli is 0 (more than half of all "
                    + "stimulus pairs are identical), so the RBF bandwidth would be 0",
                    "use kernel=linear, or remove duplicated stimuli");
        }
        double sigma2 = threshold * threshold * median;
        double scale = -1.0 / (2.0 * sigma2);
        int chunk = 1 << 16;
        IntStream.range(0, (upper.length + chunk - 1) / chunk).parallel().forEach(c -> {
            for (int i = c * chunk, e = Math.min(upper.length, i + chunk); i < e; i++) {
                upper[i] = Math.exp(upper[i] * scale);
            }
        });
        double[] diag = new double[n];
        java.util.Arrays.fill(diag, 1.0);
        return new Rbf(new PackedGram(n, diag, upper), median, sigma2);
    }

    /**
     * Median of the multiset holding n zeros (the diagonal) and each off-diagonal distance twice.
     * Sorted, it is n zeros followed by the sorted upper triangle with every value doubled, since
     * distances are non-negative; so entry t (t &gt;= n) is upper-triangle order statistic (t - n) / 2.
     *
     * @param upper the distances; reordered
     */
    private static double medianWithZeroDiagonal(double[] upper, int n) {
        long total = (long) n * n;
        double hi = entry(upper, n, total / 2);
        if (total % 2 == 1) {
            return hi;
        }
        return (entry(upper, n, total / 2 - 1) + hi) / 2.0;
    }

    private static double entry(double[] upper, int n, long t) {
        return t < n ? 0.0 : OrderStatistic.select(upper, (int) ((t - n) / 2));
    }
}
