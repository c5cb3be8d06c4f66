package org.myelin.metric.cka.internal;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.core.array.ColumnMeans;

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
        check(x, y, minStimuli, variant, true);
    }

    /**
     * As {@link #check(Matrix, Matrix, int, String)}, optionally leaving the non-finite scan to a
     * later {@link #rejectNonFinite} on the column means of both matrices.
     *
     * @param x first representation
     * @param y second representation
     * @param minStimuli the fewest stimuli the chosen variant is defined for
     * @param variant the variant's name for the message
     * @param scanFinite whether to scan for NaN and infinities here
     */
    static void check(Matrix x, Matrix y, int minStimuli, String variant, boolean scanFinite) {
        if (scanFinite) {
            finite("x", x);
            finite("y", y);
        } else if (x.cols() == 0 || y.cols() == 0) {
            finite(x.cols() == 0 ? "x" : "y", x.cols() == 0 ? x : y);
        }
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
     * Column-centred copy in two passes over the data: the column means ({@link #columnMeans}),
     * then the differences. The means are sums of partial sums over blocks of rows, so their
     * rounding error grows like {@code (128 + n / 128) eps} instead of {@code n eps}; that keeps
     * the centring as accurate as the two-pass corrected mean it replaced for every realistic
     * offset-to-spread ratio, at two thirds of its memory traffic.
     *
     * @param m the representation
     * @return {@code H m}, row-major
     */
    static double[] centreColumns(Matrix m) {
        int n = m.rows();
        int c = m.cols();
        double[] src = m.data();
        double[] mean = columnMeans(m);
        double[] out = new double[n * c];
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                out[o + j] = src[o + j] - mean[j];
            }
        }
        return out;
    }

    /**
     * Throws when the column means of {@code m} are not all finite: then {@code m} holds a NaN or
     * an infinity (named by row and column) or its column sums overflow.
     *
     * @param name {@code x} or {@code y}
     * @param m the representation
     * @param mean its column means
     * @throws InvalidInputException in either case
     */
    static void rejectNonFinite(String name, Matrix m, double[] mean) {
        double s = 0;
        for (double v : mean) {
            s += v * 0.0;
        }
        if (s != 0.0) {
            finite(name, m);
            throw tooLarge(name, "a column sum overflows double precision");
        }
    }

    /**
     * @param name the matrix or matrices, e.g. {@code x}
     * @param what what overflowed
     * @return the error for finite values too large to compute with
     */
    static InvalidInputException tooLarge(String name, String what) {
        return new InvalidInputException(name, "its values are too large: " + what,
                "rescale the representation, e.g. divide it by its largest absolute value (CKA is scale invariant)");
    }

    /**
     * @param m the representation
     * @return the mean of each column ({@link ColumnMeans}: one pass, blocked partial sums)
     */
    static double[] columnMeans(Matrix m) {
        return ColumnMeans.of(m.data(), m.rows(), m.cols());
    }
}
