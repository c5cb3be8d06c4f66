package org.myelin.api.array;

import java.util.Objects;

/**
 * A dense, row-major matrix of doubles: {@code data[r * cols + c]}. Used for representations
 * (rows = stimuli, columns = units) and any other 2-D numeric value crossing a contract.
 * The array is shared, not copied: treat it as read-only once handed over.
 *
 * @param rows number of rows (at least 0)
 * @param cols number of columns (at least 0)
 * @param data the values, length {@code rows * cols}
 */
public record Matrix(int rows, int cols, double[] data) {

    /** Checks the shape against the data length. */
    public Matrix {
        Objects.requireNonNull(data, "data");
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + " x " + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("shape " + rows + " x " + cols + " needs " + ((long) rows * cols)
                    + " values, got " + data.length);
        }
    }

    /**
     * @param rows number of rows
     * @param cols number of columns
     * @return a zero matrix
     */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /**
     * @param values rows of equal length
     * @return a matrix holding a copy of the values
     * @throws IllegalArgumentException when rows have different lengths
     */
    public static Matrix of(double[][] values) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        double[] data = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + values[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(values[r], 0, data, r * cols, cols);
        }
        return new Matrix(rows, cols, data);
    }

    /**
     * @param r row index
     * @param c column index
     * @return the value at (r, c)
     */
    public double get(int r, int c) {
        return data[r * cols + c];
    }

    /**
     * @return the first non-finite value as {@code {row, col}}, or {@code null} when all values are finite
     */
    public int[] firstNonFinite() {
        // v * 0 is 0 for finite v and NaN for NaN and +-Inf: a block whose sum of v * 0 is not 0
        // holds a non-finite value. Four independent sums keep the scan branch-free and a few
        // times faster than testing each value; only a flagged block is searched element-wise.
        final int block = 1024;
        for (int start = 0; start < data.length; start += block) {
            int end = Math.min(data.length, start + block);
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = start;
            for (; i + 3 < end; i += 4) {
                s0 += data[i] * 0.0;
                s1 += data[i + 1] * 0.0;
                s2 += data[i + 2] * 0.0;
                s3 += data[i + 3] * 0.0;
            }
            for (; i < end; i++) {
                s0 += data[i] * 0.0;
            }
            if ((s0 + s1) + (s2 + s3) != 0.0) {
                for (int k = start; k < end; k++) {
                    if (!Double.isFinite(data[k])) {
                        return new int[] {k / cols, k % cols};
                    }
                }
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix && ((Matrix) o).rows == rows && ((Matrix) o).cols == cols
                && java.util.Arrays.equals(((Matrix) o).data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + " x " + cols + "]";
    }
}
