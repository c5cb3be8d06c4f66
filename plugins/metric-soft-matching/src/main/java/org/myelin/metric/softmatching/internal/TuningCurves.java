package org.myelin.metric.softmatching.internal;

import java.util.Arrays;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.core.array.ColumnMeans;

/**
 * The units of one representation as tuning curves ready for matching: the checked input with
 * all-zero units dropped (as the authors' code does, before anything else) and, when asked,
 * every remaining column centred over the stimuli. Rows are stimuli, columns the kept units,
 * row-major {@code stimuli x units}.
 */
final class TuningCurves {

    /** Number of stimuli (rows). */
    final int stimuli;
    /** Original column index of each kept unit. */
    final int[] kept;
    /** Original column indices of the dropped all-zero units, ascending. */
    final int[] dropped;
    /** Number of units of the original matrix. */
    final int originalUnits;
    /** The kept (and possibly centred) columns, row-major {@code stimuli x kept.length}; read only. */
    final double[] data;
    /** Squared Euclidean norm of each kept column of {@link #data}, as it is now. */
    private double[] norms;

    private TuningCurves(int stimuli, int[] kept, int[] dropped, int originalUnits, double[] data, double[] norms) {
        this.stimuli = stimuli;
        this.kept = kept;
        this.dropped = dropped;
        this.originalUnits = originalUnits;
        this.data = data;
        this.norms = norms;
    }

    /** @return the number of kept units */
    int units() {
        return kept.length;
    }

    /**
     * Rejects non-finite values naming the matrix, row and column.
     *
     * @param name {@code x} or {@code y}
     * @param m the representation
     * @throws InvalidInputException for NaN or infinite entries or no columns
     */
    static void checkFinite(String name, Matrix m) {
        int[] bad = m.firstNonFinite();
        if (bad != null) {
            throw new InvalidInputException(name, "row " + bad[0] + ", column " + bad[1] + " is " + m.get(bad[0], bad[1])
                    + " (rows and columns count from 0)", "remove or impute non-finite values before comparing");
        }
        if (m.cols() == 0) {
            throw new InvalidInputException(name, "has no columns (units)", "give at least one unit per stimulus");
        }
    }

    /**
     * Checks the shapes of both inputs for the matching metrics: at least one unit each, the same
     * stimuli, at least two of them. Non-finite values are found by {@link #of}, in the pass it
     * makes anyway.
     *
     * @param x first representation
     * @param y second representation
     * @throws InvalidInputException naming what is wrong
     */
    static void checkPair(Matrix x, Matrix y) {
        for (Matrix m : new Matrix[] {x, y}) {
            if (m.cols() == 0) {
                throw new InvalidInputException(m == x ? "x" : "y", "has no columns (units)", "give at least one unit per stimulus");
            }
        }
        if (x.rows() != y.rows()) {
            throw new InvalidInputException("x, y", "x has " + x.rows() + " stimuli (rows) but y has " + y.rows(),
                    "both representations must have one row per stimulus, in the same order");
        }
        if (x.rows() < 2) {
            throw new InvalidInputException("x, y", "matching tuning curves needs at least 2 stimuli (rows), got " + x.rows(),
                    "give representations of 2 or more stimuli; a tuning curve over one stimulus is a single number");
        }
    }

    /**
     * @param name {@code x} or {@code y}, for messages
     * @param m a checked representation
     * @param center whether to centre each kept column over the stimuli
     * @return the tuning curves; {@link #data} is the input's own array when no unit is dropped
     *         and nothing is centred (it is only read)
     * @throws InvalidInputException for a NaN or infinite entry (named by row and column), values
     *         whose squares overflow, or when every unit is all zeros
     */
    static TuningCurves of(String name, Matrix m, boolean center) {
        return of(name, m, center, null);
    }

    /**
     * As {@link #of(String, Matrix, boolean)}, with the column sums of squares already taken (by
     * {@code Blas.crossProductWithSquares}, which reads the input for the product anyway).
     *
     * @param name {@code x} or {@code y}, for messages
     * @param m the representation
     * @param center whether to centre each kept column over the stimuli
     * @param columnSquares the sum of the squared values of each column of {@code m}, or
     *        {@code null} to take them here
     * @return the tuning curves
     * @throws InvalidInputException as {@link #of(String, Matrix, boolean)}
     */
    static TuningCurves of(String name, Matrix m, boolean center, double[] columnSquares) {
        int n = m.rows();
        int c = m.cols();
        double[] src = m.data();
        double[] squares = columnSquares;
        if (squares == null) {
            squares = new double[c];
            for (int r = 0; r < n; r++) {
                int o = r * c;
                for (int j = 0; j < c; j++) {
                    double v = src[o + j];
                    squares[j] += v * v;
                }
            }
        }
        // a NaN or an infinity makes its column's sum of squares non-finite; only then is the
        // matrix searched for the entry to name
        double finite = 0;
        for (double v : squares) {
            finite += v * 0.0;
        }
        if (finite != 0.0) {
            checkFinite(name, m);
            throw new InvalidInputException(name, "its values are too large: their squares overflow double precision",
                    "rescale the representation, e.g. divide it by its largest absolute value (correlation costs do not"
                            + " change; squared Euclidean costs scale with the square of the factor)");
        }
        boolean[] nonZero = new boolean[c];
        int keptCount = 0;
        for (int j = 0; j < c; j++) {
            // a positive sum of squares proves a non-zero entry; a zero sum is checked exactly,
            // since entries below 1e-162 square to 0
            nonZero[j] = squares[j] > 0 || hasNonZero(src, n, c, j);
            keptCount += nonZero[j] ? 1 : 0;
        }
        if (keptCount == 0) {
            throw new InvalidInputException(name, "all " + c + " units (columns) are zero for every stimulus",
                    "give a representation with at least one unit that responds; all-zero units are dropped before matching");
        }
        int[] kept = new int[keptCount];
        int[] dropped = new int[c - keptCount];
        for (int j = 0, a = 0, d = 0; j < c; j++) {
            if (nonZero[j]) {
                kept[a++] = j;
            } else {
                dropped[d++] = j;
            }
        }
        double[] out;
        if (keptCount == c) {
            out = center ? src.clone() : src;
        } else {
            out = new double[n * keptCount];
            for (int r = 0; r < n; r++) {
                for (int a = 0; a < keptCount; a++) {
                    out[r * keptCount + a] = src[r * c + kept[a]];
                }
            }
        }
        double[] norms;
        if (center) {
            norms = centreColumns(out, n, keptCount);
        } else {
            norms = new double[keptCount];
            for (int a = 0; a < keptCount; a++) {
                norms[a] = squares[kept[a]];
            }
        }
        return new TuningCurves(n, kept, dropped, c, out, norms);
    }

    /**
     * A subset of the stimuli of these curves' source, re-prepared: used for cross-validation,
     * where each fold is centred on its own stimuli.
     *
     * @param source the original representation
     * @param rows stimulus indices to keep
     * @param center whether to centre
     * @return curves over the given stimuli with this instance's kept units (even if some are zero there)
     */
    TuningCurves restrictedTo(Matrix source, int[] rows, boolean center) {
        int k = kept.length;
        int c = source.cols();
        double[] src = source.data();
        double[] out = new double[rows.length * k];
        for (int r = 0; r < rows.length; r++) {
            int o = rows[r] * c;
            for (int a = 0; a < k; a++) {
                out[r * k + a] = src[o + kept[a]];
            }
        }
        double[] norms = center ? centreColumns(out, rows.length, k) : columnSquares(out, rows.length, k);
        return new TuningCurves(rows.length, kept, dropped, originalUnits, out, norms);
    }

    /**
     * @return original indices of the kept units whose curve is the zero vector (constant units
     *         after centring), ascending: they have correlation 0, cost 1, with every other unit
     */
    int[] zeroColumns() {
        int zero = 0;
        for (double v : norms) {
            zero += v == 0 ? 1 : 0;
        }
        int[] zeros = new int[zero];
        for (int a = 0, z = 0; a < norms.length; a++) {
            if (norms[a] == 0) {
                zeros[z++] = kept[a];
            }
        }
        return zeros;
    }

    private static boolean hasNonZero(double[] d, int n, int c, int j) {
        for (int r = 0; r < n; r++) {
            if (d[r * c + j] != 0) {
                return true;
            }
        }
        return false;
    }

    /** @return squared Euclidean norm of each kept column (shared; do not modify) */
    double[] squaredNorms() {
        return norms;
    }

    private static double[] columnSquares(double[] d, int n, int c) {
        double[] s = new double[c];
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int a = 0; a < c; a++) {
                s[a] += d[o + a] * d[o + a];
            }
        }
        return s;
    }

    /**
     * Column-centres in place ({@link ColumnMeans}: one pass, blocked partial sums).
     *
     * @return the squared norms of the centred columns
     */
    private static double[] centreColumns(double[] d, int n, int c) {
        double[] mean = ColumnMeans.of(d, n, c);
        double[] squares = new double[c];
        for (int r = 0; r < n; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                double v = d[o + j] - mean[j];
                d[o + j] = v;
                squares[j] += v * v;
            }
        }
        return squares;
    }

    @Override
    public String toString() {
        return "TuningCurves[" + stimuli + " x " + kept.length + ", dropped " + Arrays.toString(dropped) + "]";
    }
}
