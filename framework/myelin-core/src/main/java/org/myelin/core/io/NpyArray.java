package org.myelin.core.io;

import java.util.Arrays;

import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.array.FloatMatrix;

/**
 * An n-dimensional array as stored in an NPY file: its dtype, its shape and its values in C
 * (row-major) order, held in the primitive array that matches the dtype ({@code float[]},
 * {@code double[]}, {@code int[]}, {@code long[]}, {@code byte[]} for uint8 (read unsigned with
 * {@code & 0xff}) or {@code boolean[]}).
 */
public final class NpyArray {

    private final NpyDtype dtype;
    private final int[] shape;
    private final Object data;

    private NpyArray(NpyDtype dtype, int[] shape, Object data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    static NpyArray of(NpyDtype dtype, int[] shape, Object data) {
        return new NpyArray(dtype, shape.clone(), data);
    }

    /**
     * @param rows rows
     * @param cols columns
     * @param data values, row-major, length rows * cols (shared, not copied)
     * @return a 2-D float64 array
     */
    public static NpyArray ofDoubles(int rows, int cols, double[] data) {
        check(data.length, rows, cols);
        return new NpyArray(NpyDtype.FLOAT64, new int[] {rows, cols}, data);
    }

    /**
     * @param rows rows
     * @param cols columns
     * @param data values, row-major, length rows * cols (shared, not copied)
     * @return a 2-D float32 array
     */
    public static NpyArray ofFloats(int rows, int cols, float[] data) {
        check(data.length, rows, cols);
        return new NpyArray(NpyDtype.FLOAT32, new int[] {rows, cols}, data);
    }

    /**
     * @param shape the shape (any number of dimensions, product = data.length)
     * @param data values in C order (shared, not copied)
     * @return a float32 array
     */
    public static NpyArray ofFloats(int[] shape, float[] data) {
        check(data.length, shape);
        return new NpyArray(NpyDtype.FLOAT32, shape.clone(), data);
    }

    /**
     * @param shape the shape (any number of dimensions, product = data.length)
     * @param data values in C order (shared, not copied)
     * @return an int32 array
     */
    public static NpyArray ofInts(int[] shape, int[] data) {
        check(data.length, shape);
        return new NpyArray(NpyDtype.INT32, shape.clone(), data);
    }

    /**
     * @param shape the shape (product = data.length)
     * @param data values in C order (shared, not copied)
     * @return an int64 array
     */
    public static NpyArray ofLongs(int[] shape, long[] data) {
        check(data.length, shape);
        return new NpyArray(NpyDtype.INT64, shape.clone(), data);
    }

    /**
     * @param shape the shape (product = data.length)
     * @param data values in C order, each read as unsigned 0..255 (shared, not copied)
     * @return a uint8 array
     */
    public static NpyArray ofUnsignedBytes(int[] shape, byte[] data) {
        check(data.length, shape);
        return new NpyArray(NpyDtype.UINT8, shape.clone(), data);
    }

    /**
     * @param shape the shape (product = data.length)
     * @param data values in C order (shared, not copied)
     * @return a bool array, e.g. a spike raster
     */
    public static NpyArray ofBooleans(int[] shape, boolean[] data) {
        check(data.length, shape);
        return new NpyArray(NpyDtype.BOOL, shape.clone(), data);
    }

    /**
     * @param matrix a core matrix
     * @return a 2-D float64 array sharing its values
     */
    public static NpyArray of(DoubleMatrix matrix) {
        return ofDoubles(matrix.rows(), matrix.cols(), matrix.data());
    }

    /**
     * @param matrix a core matrix
     * @return a 2-D float32 array sharing its values
     */
    public static NpyArray of(FloatMatrix matrix) {
        return ofFloats(matrix.rows(), matrix.cols(), matrix.data());
    }

    private static void check(int length, int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + length);
        }
    }

    /** @return the element type */
    public NpyDtype dtype() {
        return dtype;
    }

    /** @return the shape (a copy) */
    public int[] shape() {
        return shape.clone();
    }

    /** @return the number of elements */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /**
     * @return the values in their own primitive type (shared, not copied): {@code float[]},
     *         {@code double[]}, {@code int[]}, {@code long[]}, {@code byte[]} or {@code boolean[]}
     */
    public Object data() {
        return data;
    }

    /** @return every value converted to double (booleans as 0/1, uint8 unsigned), a new array */
    public double[] toDoubles() {
        int n = size();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = valueAt(i);
        }
        return out;
    }

    /** @return every value converted to float, a new array (int64 and float64 rounded) */
    public float[] toFloats() {
        int n = size();
        float[] out = new float[n];
        if (data instanceof float[]) {
            System.arraycopy(data, 0, out, 0, n);
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = (float) valueAt(i);
        }
        return out;
    }

    private double valueAt(int i) {
        switch (dtype) {
            case FLOAT32:
                return ((float[]) data)[i];
            case FLOAT64:
                return ((double[]) data)[i];
            case INT32:
                return ((int[]) data)[i];
            case INT64:
                return ((long[]) data)[i];
            case UINT8:
                return ((byte[]) data)[i] & 0xff;
            default:
                return ((boolean[]) data)[i] ? 1.0 : 0.0;
        }
    }

    /**
     * @param where names the source in a message
     * @return the 2-D array as a float64 matrix (shared when the dtype is float64, converted otherwise)
     * @throws org.myelin.api.InvalidInputException when the array is not 2-D
     */
    public DoubleMatrix toDoubleMatrix(String where) {
        requireMatrix(where);
        return DoubleMatrix.wrap(shape[0], shape[1], data instanceof double[] ? (double[]) data : toDoubles());
    }

    /**
     * @param where names the source in a message
     * @return the 2-D array as a float32 matrix (shared when the dtype is float32, converted otherwise)
     * @throws org.myelin.api.InvalidInputException when the array is not 2-D
     */
    public FloatMatrix toFloatMatrix(String where) {
        requireMatrix(where);
        return FloatMatrix.wrap(shape[0], shape[1], data instanceof float[] ? (float[]) data : toFloats());
    }

    private void requireMatrix(String where) {
        if (shape.length != 2) {
            throw new org.myelin.api.InvalidInputException(where, "expected a 2-D array, got shape " + Npy.shapeText(shape),
                    "reshape to (rows, columns) before numpy.save");
        }
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descr() + " " + Npy.shapeText(shape) + "]";
    }
}
