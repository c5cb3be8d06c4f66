package org.myelin.core.snn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;

import org.myelin.api.InvalidInputException;
import org.myelin.core.io.Npy;

/**
 * A NumPy {@code .npy} array read as doubles, the form the BPTT fixtures and saved weights are
 * compared and loaded in, and a float32 writer. Reading and writing are
 * {@link org.myelin.core.io.Npy}'s (format 1.0/2.0/3.0, little-endian {@code f4 f8 i4 i8 u1 b1},
 * C order; anything else is rejected naming the file): this record only converts the values.
 *
 * @param shape the array's shape ({@code []} for a scalar)
 * @param dtype the NumPy type string, e.g. {@code <f4}
 * @param data the values in C order
 */
public record NpyArray(int[] shape, String dtype, double[] data) {

    /** @return the number of elements */
    public int size() {
        return data.length;
    }

    /** @return the values as floats (a new array) */
    public float[] toFloats() {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return f;
    }

    /** @return the values as ints (a new array); they must be integers */
    public int[] toInts() {
        int[] a = new int[data.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (int) data[i];
        }
        return a;
    }

    /** @return the shape as text, e.g. {@code [256, 700]} */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /**
     * Reads a file.
     *
     * @param file the {@code .npy} file
     * @return the array
     * @throws InvalidInputException naming the file when it is missing, truncated or of an unsupported type
     * @throws IOException never; kept for callers that read files in general
     */
    public static NpyArray read(Path file) throws IOException {
        return of(Npy.read(file));
    }

    /**
     * Parses the bytes of an {@code .npy} file.
     *
     * @param bytes the content
     * @param name the file name for messages
     * @return the array
     * @throws InvalidInputException naming the file when the content is malformed
     */
    public static NpyArray parse(byte[] bytes, String name) {
        return of(Npy.read(bytes, name, false));
    }

    /**
     * Writes a float32 array in format 1.0 (little-endian, C order).
     *
     * @param shape the shape
     * @param values the values, as many as the shape holds
     * @param out where to write; not closed
     * @throws IOException on failure
     */
    public static void writeFloat32(int[] shape, float[] values, OutputStream out) throws IOException {
        Npy.write(out, org.myelin.core.io.NpyArray.ofFloats(shape, values));
    }

    /**
     * Reads an array from a stream (e.g. an artifact).
     *
     * @param in the stream; read to the end, not closed
     * @param name the name for messages
     * @return the array
     * @throws IOException on failure
     */
    public static NpyArray read(InputStream in, String name) throws IOException {
        return parse(in.readAllBytes(), name);
    }

    private static NpyArray of(org.myelin.core.io.NpyArray a) {
        return new NpyArray(a.shape(), a.dtype().descr(), a.toDoubles());
    }
}
