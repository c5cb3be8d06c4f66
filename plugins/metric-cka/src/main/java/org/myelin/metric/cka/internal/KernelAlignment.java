package org.myelin.metric.cka.internal;

import java.util.stream.IntStream;

/**
 * The inner products of two centred n x n grams (science/metrics.md sections 1.1 and 1.3):
 *
 * <ul>
 * <li>biased: {@code K~ = H K H}, i.e. {@code K_ij - a_i - a_j + m} with row means a and grand mean m;</li>
 * <li>debiased (U-centring, Szekely and Rizzo 2014): diagonal set to 0,
 *     {@code u_i = sum_k K_ki / (n-2) - sum_k (sum_l K_lk / (n-2)) / (2(n-1))},
 *     {@code K~_ij = K_ij - u_i - u_j} off the diagonal and 0 on it.</li>
 * </ul>
 *
 * One fused pass over both grams, parallel over rows; each row's partial sums are kept and added
 * in row order, so the result does not depend on the number of threads.
 */
final class KernelAlignment {

    private KernelAlignment() {
    }

    /**
     * @param k first gram, n x n symmetric
     * @param l second gram, n x n symmetric
     * @param n stimuli
     * @param debiased use U-centring (needs n &gt;= 4)
     * @return the three inner products and the HSIC scale
     */
    static Alignment compute(double[] k, double[] l, int n, boolean debiased) {
        double[] a = offsets(k, n, debiased);
        double[] b = offsets(l, n, debiased);
        double[] xy = new double[n];
        double[] xx = new double[n];
        double[] yy = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int o = i * n;
            double ai = a[i];
            double bi = b[i];
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (int j = 0; j < n; j++) {
                double u = k[o + j] - ai - a[j];
                double v = l[o + j] - bi - b[j];
                sxy += u * v;
                sxx += u * u;
                syy += v * v;
            }
            if (debiased) {
                // the U-centred diagonal is 0: take back what the loop added for j = i
                double u = k[o + i] - ai - a[i];
                double v = l[o + i] - bi - b[i];
                sxy -= u * v;
                sxx -= u * u;
                syy -= v * v;
            }
            xy[i] = sxy;
            xx[i] = sxx;
            yy[i] = syy;
        });
        double scale = debiased ? 1.0 / ((double) n * (n - 3)) : 1.0 / ((double) (n - 1) * (n - 1));
        return new Alignment(sum(xy), sum(xx), sum(yy), scale);
    }

    /**
     * Per-row offsets c so that the centred gram is {@code K_ij - c_i - c_j} (off the diagonal for
     * the debiased form). Biased: {@code c_i = a_i - m/2}.
     */
    private static double[] offsets(double[] g, int n, boolean debiased) {
        double[] c = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double s = 0;
            for (int j = i * n, e = j + n; j < e; j++) {
                s += g[j];
            }
            c[i] = debiased ? (s - g[i * n + i]) / (n - 2) : s / n;
        });
        double shift = debiased ? sum(c) / (2.0 * (n - 1)) : sum(c) / n / 2.0;
        for (int i = 0; i < n; i++) {
            c[i] -= shift;
        }
        return c;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e;
        }
        return s;
    }
}
