package org.myelin.metric.cka.internal;

import java.util.stream.IntStream;

/**
 * The inner products of two centred n x n grams (science/metrics.md sections 1.1 and 1.3), from
 * their packed forms:
 *
 * <ul>
 * <li>biased: {@code K~ = H K H}, i.e. {@code K_ij - a_i - a_j + m} with row means a and grand mean m;</li>
 * <li>debiased (U-centring, Szekely and Rizzo 2014): diagonal set to 0,
 *     {@code u_i = sum_k K_ki / (n-2) - sum_k (sum_l K_lk / (n-2)) / (2(n-1))},
 *     {@code K~_ij = K_ij - u_i - u_j} off the diagonal and 0 on it.</li>
 * </ul>
 *
 * Both are {@code K_ij - c_i - c_j} for per-row offsets c; the off-diagonal pairs count twice.
 * One fused pass over both upper triangles, parallel over fixed row blocks whose partial sums are
 * added in block order, so the result does not depend on the number of threads.
 */
final class KernelAlignment {

    private KernelAlignment() {
    }

    /**
     * @param k first gram
     * @param l second gram, same order
     * @param debiased use U-centring (needs n &gt;= 4)
     * @return the three inner products and the HSIC scale
     */
    static Alignment compute(PackedGram k, PackedGram l, boolean debiased) {
        int n = k.n();
        double[] a = offsets(k, debiased);
        double[] b = offsets(l, debiased);
        int[] bounds = k.blockBounds(PackedGram.BLOCKS);
        double[][] partial = new double[PackedGram.BLOCKS][];
        double[] ku = k.upper();
        double[] lu = l.upper();
        IntStream.range(0, PackedGram.BLOCKS).parallel().forEach(block -> {
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (int i = bounds[block]; i < bounds[block + 1]; i++) {
                int at = PackedGram.rowStart(i, n);
                double ai = a[i];
                double bi = b[i];
                for (int j = i + 1; j < n; j++, at++) {
                    double u = ku[at] - ai - a[j];
                    double v = lu[at] - bi - b[j];
                    sxy += u * v;
                    sxx += u * u;
                    syy += v * v;
                }
            }
            partial[block] = new double[] {sxy, sxx, syy};
        });
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (double[] p : partial) {
            xy += p[0];
            xx += p[1];
            yy += p[2];
        }
        xy *= 2;
        xx *= 2;
        yy *= 2;
        if (!debiased) {
            for (int i = 0; i < n; i++) {
                double u = k.diagonal()[i] - 2 * a[i];
                double v = l.diagonal()[i] - 2 * b[i];
                xy += u * v;
                xx += u * u;
                yy += v * v;
            }
        }
        double scale = debiased ? 1.0 / ((double) n * (n - 3)) : 1.0 / ((double) (n - 1) * (n - 1));
        return new Alignment(xy, xx, yy, scale);
    }

    /**
     * Per-row offsets c so that the centred gram is {@code K_ij - c_i - c_j} (off the diagonal for
     * the debiased form). Biased: {@code c_i = a_i - m/2}.
     */
    private static double[] offsets(PackedGram g, boolean debiased) {
        int n = g.n();
        double[] c = g.rowSums();
        for (int i = 0; i < n; i++) {
            c[i] = debiased ? (c[i] - g.diagonal()[i]) / (n - 2) : c[i] / n;
        }
        double total = 0;
        for (double v : c) {
            total += v;
        }
        double shift = debiased ? total / (2.0 * (n - 1)) : total / n / 2.0;
        for (int i = 0; i < n; i++) {
            c[i] -= shift;
        }
        return c;
    }
}
