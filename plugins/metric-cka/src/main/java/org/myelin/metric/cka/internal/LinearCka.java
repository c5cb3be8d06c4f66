package org.myelin.metric.cka.internal;

import java.util.stream.IntStream;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;

/**
 * Linear CKA in double precision.
 *
 * <pre>
 *   Xc = H X,  Yc = H Y                      (columns centred, H = I - 11'/n)
 *   CKA = ||Yc' Xc||_F^2 / (||Xc' Xc||_F ||Yc' Yc||_F)
 * </pre>
 *
 * When there are more stimuli than units on both sides ({@code n > p} and {@code n > q}) the
 * three products are formed in feature space (p x q, p x p, q x q); otherwise in stimulus space
 * with the centred grams K = Xc Xc', L = Yc Yc' and CKA = &lt;K,L&gt; / (||K||_F ||L||_F).
 * Both forms compute the same three quantities, {@code <K,L> = ||Yc'Xc||^2},
 * {@code ||K||^2 = ||Xc'Xc||^2}, {@code ||L||^2 = ||Yc'Yc||^2}.
 *
 * <p>Large products are split by output row over the common fork-join pool. Each output entry
 * is summed in the same order whatever the number of threads, and the final reductions run
 * sequentially, so the result is bit-identical for any pool size.
 */
final class LinearCka {

    /** Below this many multiply-adds a product runs on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 20;

    /** Which of the two equivalent forms computed a result. */
    enum Form {
        /** p x q products of the centred representations ({@code n > p, q}). */
        FEATURE,
        /** n x n centred gram matrices. */
        GRAM
    }

    /**
     * The result: CKA and the three (biased) HSIC estimates it is the ratio of.
     *
     * @param cka the linear CKA value in [0, 1]
     * @param hsicXY {@code <K,L> / (n-1)^2}
     * @param hsicXX {@code ||K||^2 / (n-1)^2}
     * @param hsicYY {@code ||L||^2 / (n-1)^2}
     * @param form which form was used
     */
    record Result(double cka, double hsicXY, double hsicXX, double hsicYY, Form form) {
    }

    private LinearCka() {
    }

    /**
     * Computes linear CKA after checking the inputs.
     *
     * @param x first representation, n x p
     * @param y second representation, n x q
     * @return CKA and its parts
     * @throws InvalidInputException for non-finite values, different or too few rows, no
     *         columns or a representation whose centred columns are all zero
     */
    static Result compute(Matrix x, Matrix y) {
        check("x", x);
        check("y", y);
        if (x.rows() != y.rows()) {
            throw new InvalidInputException("x, y", "x has " + x.rows() + " stimuli (rows) but y has " + y.rows(),
                    "both representations must have one row per stimulus, in the same order");
        }
        int n = x.rows();
        if (n < 2) {
            throw new InvalidInputException("x, y", "linear CKA needs at least 2 stimuli (rows), got " + n,
                    "give representations of 2 or more stimuli; with one stimulus nothing varies after centring");
        }
        requireVariance("x", x);
        requireVariance("y", y);
        double[] xc = centreColumns(x);
        double[] yc = centreColumns(y);
        int p = x.cols();
        int q = y.cols();
        double xy;
        double xx;
        double yy;
        Form form;
        if (n > p && n > q) {
            form = Form.FEATURE;
            xy = frobeniusSquared(crossProduct(xc, p, yc, q, n));
            xx = frobeniusSquaredSymmetric(crossProductSymmetric(xc, p, n), p);
            yy = frobeniusSquaredSymmetric(crossProductSymmetric(yc, q, n), q);
        } else {
            form = Form.GRAM;
            double[] k = gram(xc, n, p);
            double[] l = gram(yc, n, q);
            xy = innerSymmetric(k, l, n);
            xx = innerSymmetric(k, k, n);
            yy = innerSymmetric(l, l, n);
        }
        if (xx == 0) {
            throw zeroVariance("x");
        }
        if (yy == 0) {
            throw zeroVariance("y");
        }
        // Cauchy-Schwarz bounds the exact value by [0, 1]; rounding may step just outside
        double cka = Math.min(1.0, Math.max(0.0, xy / (Math.sqrt(xx) * Math.sqrt(yy))));
        double scale = 1.0 / ((double) (n - 1) * (n - 1));
        return new Result(cka, xy * scale, xx * scale, yy * scale, form);
    }

    private static void check(String name, Matrix m) {
        int[] bad = m.firstNonFinite();
        if (bad != null) {
            throw new InvalidInputException(name, "row " + bad[0] + ", column " + bad[1] + " is " + m.get(bad[0], bad[1])
                    + " (rows and columns count from 0)", "remove or impute non-finite values before comparing");
        }
        if (m.cols() == 0) {
            throw new InvalidInputException(name, "has no columns (units)", "give at least one unit per stimulus");
        }
    }

    private static void requireVariance(String name, Matrix m) {
        double[] d = m.data();
        int cols = m.cols();
        for (int i = cols; i < d.length; i++) {
            if (d[i] != d[i % cols]) {
                return;
            }
        }
        throw zeroVariance(name);
    }

    private static InvalidInputException zeroVariance(String name) {
        return new InvalidInputException(name, "zero-variance representation: every column is constant over the stimuli,"
                + " so it is all zeros after centring and CKA is 0/0",
                "give a representation in which at least one unit varies across stimuli");
    }

    /** Column-centred copy, means taken with a second correction pass for accuracy. */
    static double[] centreColumns(Matrix m) {
        int n = m.rows();
        int c = m.cols();
        double[] src = m.data();
        double[] mean = new double[c];
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                mean[j] += src[o + j];
            }
        }
        for (int j = 0; j < c; j++) {
            mean[j] /= n;
        }
        double[] corr = new double[c];
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                corr[j] += src[o + j] - mean[j];
            }
        }
        for (int j = 0; j < c; j++) {
            mean[j] += corr[j] / n;
        }
        double[] out = new double[src.length];
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                out[o + j] = src[o + j] - mean[j];
            }
        }
        return out;
    }

    /** {@code A' B} for row-major A (n x p) and B (n x q): a p x q matrix. */
    private static double[] crossProduct(double[] a, int p, double[] b, int q, int n) {
        double[] at = transpose(a, n, p);
        double[] out = new double[p * q];
        rows(p, (long) n * p * q, i -> {
            int oi = i * q;
            int ai = i * n;
            for (int r = 0; r < n; r++) {
                double v = at[ai + r];
                int br = r * q;
                for (int j = 0; j < q; j++) {
                    out[oi + j] += v * b[br + j];
                }
            }
        });
        return out;
    }

    /** Upper triangle (j &gt;= i) of {@code A' A} for row-major A (n x p). */
    private static double[] crossProductSymmetric(double[] a, int p, int n) {
        double[] at = transpose(a, n, p);
        double[] out = new double[p * p];
        rows(p, (long) n * p * p / 2, i -> {
            int oi = i * p;
            int ai = i * n;
            for (int r = 0; r < n; r++) {
                double v = at[ai + r];
                int ar = r * p;
                for (int j = i; j < p; j++) {
                    out[oi + j] += v * a[ar + j];
                }
            }
        });
        return out;
    }

    /** Upper triangle (j &gt;= i) of {@code A A'} for row-major A (n x p): an n x n gram. */
    private static double[] gram(double[] a, int n, int p) {
        double[] out = new double[n * n];
        rows(n, (long) n * n * p / 2, i -> {
            int ai = i * p;
            for (int j = i; j < n; j++) {
                int aj = j * p;
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += a[ai + k] * a[aj + k];
                }
                out[i * n + j] = s;
            }
        });
        return out;
    }

    private static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }

    private static void rows(int count, long work, java.util.function.IntConsumer body) {
        IntStream range = IntStream.range(0, count);
        (work >= PARALLEL_WORK ? range.parallel() : range).forEach(body);
    }

    private static double frobeniusSquared(double[] m) {
        double s = 0;
        for (double v : m) {
            s += v * v;
        }
        return s;
    }

    /** Squared Frobenius norm of a symmetric matrix given by its upper triangle. */
    private static double frobeniusSquaredSymmetric(double[] upper, int size) {
        double diag = 0;
        double off = 0;
        for (int i = 0; i < size; i++) {
            int o = i * size;
            diag += upper[o + i] * upper[o + i];
            for (int j = i + 1; j < size; j++) {
                off += upper[o + j] * upper[o + j];
            }
        }
        return diag + 2 * off;
    }

    /** {@code <A,B>} of two symmetric matrices given by their upper triangles. */
    private static double innerSymmetric(double[] a, double[] b, int size) {
        double diag = 0;
        double off = 0;
        for (int i = 0; i < size; i++) {
            int o = i * size;
            diag += a[o + i] * b[o + i];
            for (int j = i + 1; j < size; j++) {
                off += a[o + j] * b[o + j];
            }
        }
        return diag + 2 * off;
    }
}
