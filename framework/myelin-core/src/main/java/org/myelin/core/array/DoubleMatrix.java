package org.myelin.core.array;

import java.util.Arrays;
import java.util.Objects;

import org.myelin.api.array.Matrix;

/**
 * A dense, row-major matrix of doubles with an explicit shape: element (r, c) sits at
 * {@code data()[r * cols() + c]}. The flat array is exposed on purpose so that kernels index it
 * directly; the shape is fixed, the values are mutable.
 */
public final class DoubleMatrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    private DoubleMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * Wraps an existing array without copying it.
     *
     * @param rows number of rows (at least 0)
     * @param cols number of columns (at least 0)
     * @param data the values, length {@code rows * cols}, row-major
     * @return the matrix, sharing {@code data}
     * @throws IllegalArgumentException when the shape is negative or does not match the length
     */
    public static DoubleMatrix wrap(int rows, int cols, double[] data) {
        Objects.requireNonNull(data, "data");
        checkShape(rows, cols, data.length);
        return new DoubleMatrix(rows, cols, data);
    }

    /**
     * @param rows number of rows (at least 0)
     * @param cols number of columns (at least 0)
     * @return a matrix of zeros
     * @throws IllegalArgumentException when the shape is negative or too large for one array
     */
    public static DoubleMatrix zeros(int rows, int cols) {
        checkShape(rows, cols, -1);
        return new DoubleMatrix(rows, cols, new double[rows * cols]);
    }

    /**
     * @param values rows of equal length
     * @return a matrix holding a copy of the values
     * @throws IllegalArgumentException when the rows have different lengths
     */
    public static DoubleMatrix of(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        DoubleMatrix m = zeros(r, c);
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, row 0 has " + c);
            }
            System.arraycopy(values[i], 0, m.data, i * c, c);
        }
        return m;
    }

    /**
     * @param n size
     * @return the n x n identity matrix
     */
    public static DoubleMatrix identity(int n) {
        DoubleMatrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1.0;
        }
        return m;
    }

    /**
     * @param matrix a matrix of the API
     * @return a copy as a core matrix
     */
    public static DoubleMatrix copyOf(Matrix matrix) {
        return new DoubleMatrix(matrix.rows(), matrix.cols(), matrix.data().clone());
    }

    static void checkShape(int rows, int cols, int length) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + " x " + cols);
        }
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape " + rows + " x " + cols + " has more than " + (Integer.MAX_VALUE - 8) + " elements");
        }
        if (length >= 0 && n != length) {
            throw new IllegalArgumentException("shape " + rows + " x " + cols + " needs " + n + " values, got " + length);
        }
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int cols() {
        return cols;
    }

    /** @return the flat row-major storage (shared, not copied) */
    public double[] data() {
        return data;
    }

    /**
     * @param r row index
     * @param c column index
     * @return the value at (r, c)
     */
    public double get(int r, int c) {
        return data[index(r, c)];
    }

    /**
     * @param r row index
     * @param c column index
     * @param value the new value at (r, c)
     */
    public void set(int r, int c, double value) {
        data[index(r, c)] = value;
    }

    private int index(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("(" + r + ", " + c + ") outside " + rows + " x " + cols);
        }
        return r * cols + c;
    }

    /**
     * @param other a matrix
     * @return whether {@code other} has the same shape
     */
    public boolean sameShape(DoubleMatrix other) {
        return other.rows == rows && other.cols == cols;
    }

    /** @return a deep copy */
    public DoubleMatrix copy() {
        return new DoubleMatrix(rows, cols, data.clone());
    }

    /** @return the transpose, as a new matrix */
    public DoubleMatrix transpose() {
        DoubleMatrix t = zeros(cols, rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t.data[c * rows + r] = data[r * cols + c];
            }
        }
        return t;
    }

    /**
     * @param fromCol first column
     * @param toCol one past the last column
     * @return a copy of the columns {@code [fromCol, toCol)}
     */
    public DoubleMatrix columns(int fromCol, int toCol) {
        if (fromCol < 0 || toCol > cols || fromCol > toCol) {
            throw new IndexOutOfBoundsException("columns [" + fromCol + ", " + toCol + ") outside 0.." + cols);
        }
        int w = toCol - fromCol;
        DoubleMatrix m = zeros(rows, w);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, r * cols + fromCol, m.data, r * w, w);
        }
        return m;
    }

    /**
     * @return the first non-finite value as {@code {row, col}}, or {@code null} when every value is finite
     */
    public int[] firstNonFinite() {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                return new int[] {i / cols, i % cols};
            }
        }
        return null;
    }

    /** @return a copy as the API's matrix type, for results that cross a service contract */
    public Matrix toMatrix() {
        return new Matrix(rows, cols, data.clone());
    }

    /** Equal when the shapes and all values are equal ({@link Arrays#equals(double[], double[])} semantics). */
    @Override
    public boolean equals(Object o) {
        return o instanceof DoubleMatrix && ((DoubleMatrix) o).sameShape(this) && Arrays.equals(((DoubleMatrix) o).data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DoubleMatrix[" + rows + " x " + cols + "]";
    }
}
