package org.myelin.metric.shape.internal;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.core.array.ColumnMeans;

/**
 * One side of a shape comparison after the common preprocessing: checked, optionally
 * column-centred and zero-padded to {@code width} columns (netrep's {@code zero_pad}).
 *
 * @param data n x width row-major
 * @param rows stimuli
 * @param width columns after padding
 * @param units columns before padding
 * @param squaredNorm {@code ||data||_F^2}
 */
record Representation(double[] data, int rows, int width, int units, double squaredNorm) {

    /**
     * Rejects non-finite values, empty matrices and different stimulus counts.
     *
     * @param x first representation
     * @param y second representation
     */
    static void checkPair(Matrix x, Matrix y) {
        finite("x", x);
        finite("y", y);
        if (x.rows() != y.rows()) {
            throw new InvalidInputException("x, y", "x has " + x.rows() + " stimuli (rows) but y has " + y.rows(),
                    "both representations must have one row per stimulus, in the same order");
        }
    }

    private static void finite(String name, Matrix m) {
        int[] bad = m.firstNonFinite();
        if (bad != null) {
            throw new InvalidInputException(name, "row " + bad[0] + ", column " + bad[1] + " is " + m.get(bad[0], bad[1])
                    + " (rows and columns count from 0)", "remove or impute non-finite values before comparing");
        }
        if (m.cols() == 0 || m.rows() == 0) {
            throw new InvalidInputException(name, "is empty (" + m.rows() + " x " + m.cols() + ")",
                    "give at least 2 stimuli and one unit");
        }
    }

    /**
     * @param m the representation
     * @param width columns after zero padding (at least {@code m.cols()})
     * @param centre subtract each column's mean over the stimuli
     * @return the prepared side
     */
    static Representation of(Matrix m, int width, boolean centre) {
        int n = m.rows();
        int p = m.cols();
        double[] src = m.data();
        double[] mean = centre ? ColumnMeans.of(src, n, p) : new double[p];
        double[] out = new double[n * width];
        // per-column sums of squares: independent accumulators, so the loop vectorises
        double[] squares = new double[p];
        for (int r = 0; r < n; r++) {
            int o = r * p;
            int d = r * width;
            for (int j = 0; j < p; j++) {
                double v = src[o + j] - mean[j];
                out[d + j] = v;
                squares[j] += v * v;
            }
        }
        double ss = 0;
        for (double v : squares) {
            ss += v;
        }
        return new Representation(out, n, width, p, ss);
    }

    /**
     * @param name {@code x} or {@code y}
     * @param centred whether columns were centred
     * @param why what would be undefined, for the message
     * @throws InvalidInputException when the prepared matrix is all zeros
     */
    void requireVariance(String name, boolean centred, String why) {
        if (!(squaredNorm > 0)) {
            throw new InvalidInputException(name, (centred ? "zero-variance representation: every unit is constant over the stimuli"
                    : "the representation is all zeros") + ", so " + why,
                    "give a representation in which at least one unit varies across stimuli");
        }
    }
}
