package org.myelin.core.array;

import java.util.Arrays;
import java.util.Objects;

import org.myelin.api.array.Matrix;

/**
 * A dense, row-major matrix of floats (float32) with an explicit shape: element (r, c) sits at
 * {@code data()[r * cols() + c]}. The flat array is exposed on purpose so that kernels index it
 * directly; the shape is fixed, the values are mutable.
 */
public final class FloatMatrix {

    private final int rows;
    private final int cols;
    private final float[] data;

    private FloatMatrix(int rows, int cols, float[] data) {
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
    public static FloatMatrix wrap(int rows, int cols, float[] data) {
        Objects.requireNonNull(data, "data");
        DoubleMatrix.checkShape(rows, cols, data.length);
        return new FloatMatrix(rows, cols, data);
    }

    /**
     * @param rows number of rows (at least 0)
     * @param cols number of columns (at least 0)
     * @return a matrix of zeros
     * @throws IllegalArgumentException when the shape is negative or too large for one array
     */
    public static FloatMatrix zeros(int rows, int cols) {
        DoubleMatrix.checkShape(rows, cols, -1);
        return new FloatMatrix(rows, cols, new float[rows * cols]);
    }

    /**
     * @param values rows of equal length
     * @return a matrix holding a copy of the values
     * @throws IllegalArgumentException when the rows have different lengths
     */
    public static FloatMatrix of(float[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        FloatMatrix m = zeros(r, c);
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
    public static FloatMatrix identity(int n) {
        FloatMatrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1f;
        }
        return m;
    }

    /**
     * @param matrix a matrix of the API
     * @return a copy rounded to float32
     */
    public static FloatMatrix copyOf(Matrix matrix) {
        double[] d = matrix.data();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return new FloatMatrix(matrix.rows(), matrix.cols(), f);
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
    public float[] data() {
        return data;
    }

    /**
     * @param r row index
     * @param c column index
     * @return the value at (r, c)
     */
    public float get(int r, int c) {
        return data[index(r, c)];
    }

    /**
     * @param r row index
     * @param c column index
     * @param value the new value at (r, c)
     */
    public void set(int r, int c, float value) {
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
    public boolean sameShape(FloatMatrix other) {
        return other.rows == rows && other.cols == cols;
    }

    /** @return a deep copy */
    public FloatMatrix copy() {
        return new FloatMatrix(rows, cols, data.clone());
    }

    /** @return the transpose, as a new matrix */
    public FloatMatrix transpose() {
        FloatMatrix t = zeros(cols, rows);
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
    public FloatMatrix columns(int fromCol, int toCol) {
        if (fromCol < 0 || toCol > cols || fromCol > toCol) {
            throw new IndexOutOfBoundsException("columns [" + fromCol + ", " + toCol + ") outside 0.." + cols);
        }
        int w = toCol - fromCol;
        FloatMatrix m = zeros(rows, w);
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
            if (!Float.isFinite(data[i])) {
                return new int[] {i / cols, i % cols};
            }
        }
        return null;
    }

    /** @return a copy as the API's matrix type, for results that cross a service contract */
    public Matrix toMatrix() {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return new Matrix(rows, cols, d);
    }

    /** Equal when the shapes and all values are equal ({@link Arrays#equals(float[], float[])} semantics). */
    @Override
    public boolean equals(Object o) {
        return o instanceof FloatMatrix && ((FloatMatrix) o).sameShape(this) && Arrays.equals(((FloatMatrix) o).data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatMatrix[" + rows + " x " + cols + "]";
    }
}
