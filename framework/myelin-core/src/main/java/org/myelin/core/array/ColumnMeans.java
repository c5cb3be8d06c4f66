package org.myelin.core.array;

/**
 * Column means of a row-major matrix in one pass: each column's sum is a sum of partial sums
 * over blocks of {@value #BLOCK} rows, so its rounding error grows like
 * {@code (128 + rows / 128) eps} instead of {@code rows * eps} - about as accurate as a corrected
 * two-pass mean for realistic offset-to-spread ratios, at half its memory traffic. The inner loop
 * runs along rows and vectorises.
 */
public final class ColumnMeans {

    /** Rows summed into a partial sum before it is added to the column totals. */
    public static final int BLOCK = 128;

    private ColumnMeans() {
    }

    /**
     * @param data row-major {@code rows x cols} values (not modified)
     * @param rows number of rows, at least 1 for a defined mean
     * @param cols number of columns
     * @return the mean of each column (NaN or infinite when a column holds such values)
     * @throws IllegalArgumentException when {@code data} is shorter than {@code rows * cols}
     */
    public static double[] of(double[] data, int rows, int cols) {
        if ((long) rows * cols > data.length) {
            throw new IllegalArgumentException("column means: " + rows + " x " + cols + " needs " + (long) rows * cols
                    + " values, the array has " + data.length);
        }
        double[] mean = new double[cols];
        double[] block = new double[cols];
        for (int r0 = 0; r0 < rows; r0 += BLOCK) {
            java.util.Arrays.fill(block, 0.0);
            int r1 = Math.min(rows, r0 + BLOCK);
            for (int r = r0; r < r1; r++) {
                int o = r * cols;
                for (int j = 0; j < cols; j++) {
                    block[j] += data[o + j];
                }
            }
            for (int j = 0; j < cols; j++) {
                mean[j] += block[j];
            }
        }
        for (int j = 0; j < cols; j++) {
            mean[j] /= rows;
        }
        return mean;
    }

    /**
     * The column sums of squares, summed in blocks of {@value #BLOCK} rows like {@link #of} (the
     * squared norms of the columns).
     *
     * @param data row-major {@code rows x cols} values (not modified)
     * @param rows number of rows
     * @param cols number of columns
     * @return the sum of the squared values of each column (infinite when a square overflows, NaN
     *         for a NaN)
     * @throws IllegalArgumentException when {@code data} is shorter than {@code rows * cols}
     */
    public static double[] sumsOfSquares(double[] data, int rows, int cols) {
        if ((long) rows * cols > data.length) {
            throw new IllegalArgumentException("column sums of squares: " + rows + " x " + cols + " needs " + (long) rows * cols
                    + " values, the array has " + data.length);
        }
        double[] out = new double[cols];
        double[] block = new double[cols];
        for (int r0 = 0; r0 < rows; r0 += BLOCK) {
            java.util.Arrays.fill(block, 0.0);
            int r1 = Math.min(rows, r0 + BLOCK);
            for (int r = r0; r < r1; r++) {
                int o = r * cols;
                for (int j = 0; j < cols; j++) {
                    block[j] += data[o + j] * data[o + j];
                }
            }
            for (int j = 0; j < cols; j++) {
                out[j] += block[j];
            }
        }
        return out;
    }
}
