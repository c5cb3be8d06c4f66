package org.myelin.runtime.internal.matrix;

import java.io.IOException;
import java.io.OutputStream;

import org.myelin.api.array.Matrix;
import org.myelin.core.io.Npy;
import org.myelin.core.io.NpyArray;

/**
 * Writes a matrix as an NPY 1.0 file (little-endian float64, C order), readable with
 * {@code numpy.load}, through {@link Npy}.
 */
public final class NpyWriter {

    private NpyWriter() {
    }

    /**
     * @param m the matrix
     * @param out where to write (not closed)
     * @throws IOException on failure
     */
    public static void write(Matrix m, OutputStream out) throws IOException {
        Npy.write(out, NpyArray.ofDoubles(m.rows(), m.cols(), m.data()));
    }
}
