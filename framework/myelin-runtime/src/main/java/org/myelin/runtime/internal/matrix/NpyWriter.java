package org.myelin.runtime.internal.matrix;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.myelin.api.array.Matrix;

/**
 * Writes a matrix as an NPY 1.0 file (little-endian float64, C order), readable with
 * {@code numpy.load}. Small enough to keep here until the core numerics bundle provides NPY I/O.
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
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + m.rows() + ", " + m.cols() + "), }";
        int unpadded = 10 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                .putShort((short) header.length());
        out.write(head.array());
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer body = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : m.data()) {
            if (!body.hasRemaining()) {
                out.write(body.array(), 0, body.position());
                body.clear();
            }
            body.putDouble(d);
        }
        out.write(body.array(), 0, body.position());
    }
}
