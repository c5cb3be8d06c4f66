package org.myelin.metric.cka.internal;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;

/** The input checks every CKA variant makes before computing, with messages that name the matrix. */
final class RepresentationChecks {

    private RepresentationChecks() {
    }

    /**
     * Rejects non-finite values, empty matrices, different stimulus counts and too few stimuli.
     *
     * @param x first representation
     * @param y second representation
     * @param minStimuli the fewest stimuli the chosen variant is defined for
     * @param variant the variant's name for the message, e.g. {@code "debiased CKA"}
     */
    static void check(Matrix x, Matrix y, int minStimuli, String variant) {
        finite("x", x);
        finite("y", y);
        if (x.rows() != y.rows()) {
            throw new InvalidInputException("x, y", "x has " + x.rows() + " stimuli (rows) but y has " + y.rows(),
                    "both representations must have one row per stimulus, in the same order");
        }
        int n = x.rows();
        if (n < minStimuli) {
            throw new InvalidInputException("x, y", variant + " needs at least " + minStimuli + " stimuli (rows), got " + n,
                    "give representations of " + minStimuli + " or more stimuli"
                            + (minStimuli > 2 ? ", or use debiased=false (2 or more)" : "; with one stimulus nothing varies after centring"));
        }
        requireVariance("x", x);
        requireVariance("y", y);
    }

    private static void finite(String name, Matrix m) {
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

    /**
     * @param name the matrix, {@code x} or {@code y}
     * @return the error for a representation in which nothing varies across stimuli
     */
    static InvalidInputException zeroVariance(String name) {
        return new InvalidInputException(name, "zero-variance representation: every column is constant over the stimuli,"
                + " so it is all zeros after centring and CKA is 0/0",
                "give a representation in which at least one unit varies across stimuli");
    }

    /**
     * Column-centred copy; the means get a second correction pass for accuracy.
     *
     * @param m the representation
     * @return {@code H m}, row-major
     */
    static double[] centreColumns(Matrix m) {
        double[] out = new double[m.data().length];
        centreColumnsInto(m, out, m.cols(), 0);
        return out;
    }

    /**
     * Writes {@code H m} into columns {@code offset .. offset + m.cols() - 1} of a row-major
     * destination with row stride {@code stride} (so two representations can share one array).
     *
     * @param m the representation, n x c
     * @param dst destination, at least n x stride
     * @param stride row stride of dst
     * @param offset first column in dst
     */
    static void centreColumnsInto(Matrix m, double[] dst, int stride, int offset) {
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
        for (int r = 0; r < n; r++) {
            int o = r * c;
            int d = r * stride + offset;
            for (int j = 0; j < c; j++) {
                dst[d + j] = src[o + j] - mean[j];
            }
        }
    }
}
