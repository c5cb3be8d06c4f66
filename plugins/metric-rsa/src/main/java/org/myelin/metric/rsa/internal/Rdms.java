package org.myelin.metric.rsa.internal;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.myelin.api.InvalidInputException;
import org.myelin.core.linalg.Blas;

/**
 * Representational dissimilarity matrices of an n x p pattern matrix (rows = stimuli or
 * conditions), as rsatoolbox's {@code calc_rdm} (science/metrics.md section 3.1), returned as the
 * upper triangle i &lt; j in row-major order (length n(n-1)/2):
 *
 * <ul>
 * <li>euclidean: {@code ||x_i - x_j||^2 / p}, from {@code |x_i|^2 + |x_j|^2 - 2 x_i.x_j} as
 *     rsatoolbox (negative rounding residues clamped to 0);</li>
 * <li>correlation: {@code 1 - <x~_i, x~_j>} with each row centred across its p units and scaled
 *     to unit norm (1 - Pearson r of the two patterns);</li>
 * <li>crossnobis: leave-one-fold-out with one noise precision Lambda (identity by default):
 *     per fold f, A = condition means of the other folds, B = condition means of fold f,
 *     {@code K = A Lambda B'}, {@code d_ij = (K_ii + K_jj - K_ij - K_ji) / p}, averaged over folds.
 *     Unbiased, so it can be negative.</li>
 * </ul>
 *
 * The n x n inner products come from {@link Blas#dsyrk} / {@link Blas#dgemm}; the triangle is
 * extracted in parallel over rows.
 */
final class Rdms {

    private Rdms() {
    }

    /**
     * @param n rows
     * @return n(n-1)/2
     * @throws InvalidInputException when the RDM would not fit in one array
     */
    static int pairs(int n) {
        long pairs = (long) n * (n - 1) / 2;
        if (pairs > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("x, y", n + " stimuli give " + pairs + " stimulus pairs, more than one array holds",
                    "compare at most 65535 stimuli");
        }
        return (int) pairs;
    }

    /** Index of entry (i, i+1) in the upper-triangle vector. */
    static long rowStart(int i, int n) {
        return (long) i * (2L * n - i - 1) / 2;
    }

    /**
     * @param x patterns, n x p row-major
     * @param n rows
     * @param p units
     * @return the squared euclidean RDM divided by p
     */
    static double[] euclidean(double[] x, int n, int p) {
        double[] g = new double[n * n];
        Blas.dsyrk(false, n, p, 1.0, x, 0, p, 0.0, g, 0, n);
        double[] out = new double[pairs(n)];
        double scale = 1.0 / p;
        IntStream.range(0, n).parallel().forEach(i -> {
            int o = i * n;
            int at = (int) rowStart(i, n);
            double si = g[o + i];
            for (int j = i + 1; j < n; j++) {
                out[at++] = Math.max(0.0, si + g[j * n + j] - 2.0 * g[o + j]) * scale;
            }
        });
        return out;
    }

    /**
     * @param x patterns, n x p row-major
     * @param n rows
     * @param p units
     * @param name {@code x} or {@code y}, for messages
     * @return the correlation-distance RDM
     * @throws InvalidInputException when a row is constant across its units (correlation 0/0)
     */
    static double[] correlation(double[] x, int n, int p, String name) {
        double[] z = new double[n * p];
        int[] constant = {-1};
        IntStream.range(0, n).parallel().forEach(i -> {
            int o = i * p;
            double mean = 0;
            for (int k = 0; k < p; k++) {
                mean += x[o + k];
            }
            mean /= p;
            double ss = 0;
            for (int k = 0; k < p; k++) {
                double d = x[o + k] - mean;
                z[o + k] = d;
                ss += d * d;
            }
            if (!(ss > 0)) {
                synchronized (constant) {
                    if (constant[0] < 0 || i < constant[0]) {
                        constant[0] = i;
                    }
                }
                return;
            }
            double inv = 1.0 / Math.sqrt(ss);
            for (int k = 0; k < p; k++) {
                z[o + k] *= inv;
            }
        });
        if (constant[0] >= 0) {
            int i = constant[0];
            throw new InvalidInputException(name, "stimulus (row) " + i + " is constant across its " + p
                    + " units, so its correlation distance to every other stimulus is 0/0 (rows count from 0)",
                    "drop or fix that stimulus, or use rdm=euclidean");
        }
        double[] g = new double[n * n];
        Blas.dsyrk(false, n, p, 1.0, z, 0, p, 0.0, g, 0, n);
        double[] out = new double[pairs(n)];
        IntStream.range(0, n).parallel().forEach(i -> {
            int o = i * n;
            int at = (int) rowStart(i, n);
            for (int j = i + 1; j < n; j++) {
                out[at++] = 1.0 - g[o + j];
            }
        });
        return out;
    }

    /**
     * Row means per condition, conditions in ascending label order.
     *
     * @param x patterns, rows x p
     * @param p units
     * @param labels one condition label per row
     * @param keep which rows to use
     * @param conditions the sorted distinct labels
     * @param missing receives the index of a condition without rows
     * @return conditions x p means, or {@code null} when a condition has no row
     */
    private static double[] means(double[] x, int p, int[] labels, boolean[] keep, int[] conditions, int[] missing) {
        int c = conditions.length;
        double[] sum = new double[c * p];
        int[] count = new int[c];
        for (int r = 0; r < labels.length; r++) {
            if (!keep[r]) {
                continue;
            }
            int k = Arrays.binarySearch(conditions, labels[r]);
            count[k]++;
            for (int j = 0, o = r * p; j < p; j++) {
                sum[k * p + j] += x[o + j];
            }
        }
        for (int k = 0; k < c; k++) {
            if (count[k] == 0) {
                missing[0] = k;
                return null;
            }
            for (int j = 0; j < p; j++) {
                sum[k * p + j] /= count[k];
            }
        }
        return sum;
    }

    /**
     * @param labels one label per row
     * @return the distinct labels, ascending
     */
    static int[] distinct(int[] labels) {
        return IntStream.of(labels).distinct().sorted().toArray();
    }

    /**
     * Averages rows per condition (for the euclidean and correlation RDMs with {@code conditions}).
     *
     * @param x patterns, rows x p
     * @param p units
     * @param labels one condition label per row
     * @return conditions x p means, conditions in ascending label order
     */
    static double[] conditionMeans(double[] x, int p, int[] labels) {
        boolean[] all = new boolean[labels.length];
        Arrays.fill(all, true);
        return means(x, p, labels, all, distinct(labels), new int[1]);
    }

    /**
     * @param x observations, rows x p
     * @param p units
     * @param labels condition label per row
     * @param folds fold label per row
     * @param precision p x p noise precision, or {@code null} for the identity
     * @param name {@code x} or {@code y}, for messages
     * @return the crossnobis RDM over the conditions in ascending label order
     * @throws InvalidInputException with fewer than 2 folds, fewer than 3 conditions, or a
     *         condition missing from a fold (its held-out mean would be undefined)
     */
    static double[] crossnobis(double[] x, int p, int[] labels, int[] folds, double[] precision, String name) {
        int[] conditions = distinct(labels);
        int[] foldIds = distinct(folds);
        int c = conditions.length;
        if (foldIds.length < 2) {
            throw new InvalidInputException("folds", "crossnobis needs at least 2 folds, the folds file has " + foldIds.length
                    + " distinct label", "give every row a fold label (e.g. its run or session) with 2 or more distinct values");
        }
        if (c < 3) {
            throw new InvalidInputException("conditions", "RSA needs at least 3 conditions, the conditions file has " + c,
                    "give 3 or more distinct condition labels");
        }
        double[] sum = new double[pairs(c)];
        boolean[] test = new boolean[labels.length];
        boolean[] train = new boolean[labels.length];
        int[] missing = new int[1];
        for (int f : foldIds) {
            for (int r = 0; r < labels.length; r++) {
                test[r] = folds[r] == f;
                train[r] = !test[r];
            }
            double[] a = means(x, p, labels, train, conditions, missing);
            double[] b = a == null ? null : means(x, p, labels, test, conditions, missing);
            if (b == null) {
                throw new InvalidInputException(name + ", conditions, folds", "condition " + conditions[missing[0]]
                        + (a == null ? " occurs only in fold " + f : " does not occur in fold " + f),
                        "crossnobis needs every condition measured in at least two folds; drop the condition or re-assign folds");
            }
            double[] left = a;
            if (precision != null) {
                left = new double[c * p];
                Blas.dgemm(false, false, c, p, p, 1.0, a, 0, p, precision, 0, p, 0.0, left, 0, p);
            }
            double[] k = new double[c * c];
            Blas.dgemm(false, true, c, c, p, 1.0, left, 0, p, b, 0, p, 0.0, k, 0, c);
            int at = 0;
            for (int i = 0; i < c; i++) {
                for (int j = i + 1; j < c; j++) {
                    sum[at++] += k[i * c + i] + k[j * c + j] - k[i * c + j] - k[j * c + i];
                }
            }
        }
        double scale = 1.0 / ((double) p * foldIds.length);
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= scale;
        }
        return sum;
    }
}
