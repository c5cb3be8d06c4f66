package org.myelin.runtime.internal.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;

/** Reference: the NPY format description (numpy/lib/format.py), headers written by hand below. */
class MatrixFilesTest {

    @TempDir
    Path dir;

    @Test
    void float64RoundTripsThroughTheWriter() throws IOException {
        Matrix m = new Matrix(2, 3, new double[] {1, 2, 3, 4.5, -5, Math.PI});
        Path f = dir.resolve("m.npy");
        try (OutputStream out = Files.newOutputStream(f)) {
            NpyWriter.write(m, out);
        }
        byte[] all = Files.readAllBytes(f);
        assertEquals(0, (10 + Short.toUnsignedInt(ByteBuffer.wrap(all, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort())) % 64,
                "header is padded to a multiple of 64 bytes as numpy does");
        assertEquals(m, MatrixFiles.read(f));
    }

    @Test
    void readsFloat32InFortranOrder() throws IOException {
        // [[1, 2, 3], [4, 5, 6]] stored column-major: 1 4 2 5 3 6
        Path f = npy("f.npy", "<f4", true, "(2, 3)", new float[] {1, 4, 2, 5, 3, 6});
        Matrix m = MatrixFiles.read(f);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.data());
    }

    @Test
    void rejectsWrongDtypeDimensionsAndTruncation() throws IOException {
        Path i8 = npy("i.npy", "<i8", false, "(1, 1)", new float[] {0, 0});
        assertTrue(assertThrows(InvalidInputException.class, () -> MatrixFiles.read(i8)).getMessage().contains("dtype <i8"));
        Path d3 = npy("d3.npy", "<f4", false, "(1, 1, 1)", new float[] {0});
        assertTrue(assertThrows(InvalidInputException.class, () -> MatrixFiles.read(d3)).getMessage().contains("2-D"));
        Path tr = npy("t.npy", "<f4", false, "(4, 4)", new float[] {1, 2, 3});
        assertTrue(assertThrows(InvalidInputException.class, () -> MatrixFiles.read(tr)).getMessage().contains("truncated"));
    }

    @Test
    void csvErrorsNameLineAndColumn() throws IOException {
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "1,2\n3,4.5\n");
        assertEquals(new Matrix(2, 2, new double[] {1, 2, 3, 4.5}), MatrixFiles.read(ok));
        Path ragged = dir.resolve("r.csv");
        Files.writeString(ragged, "1,2\n3\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> MatrixFiles.read(ragged)).getMessage().startsWith(ragged + ":2"));
        Path header = dir.resolve("h.csv");
        Files.writeString(header, "a,b\n1,2\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> MatrixFiles.read(header)).getMessage()
                .startsWith(header + ":1:1"));
    }

    private Path npy(String name, String descr, boolean fortran, String shape, float[] values) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer bb = ByteBuffer.allocate(10 + header.length() + values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        bb.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (float v : values) {
            bb.putFloat(v);
        }
        Path f = dir.resolve(name);
        Files.write(f, Arrays.copyOf(bb.array(), bb.position()));
        return f;
    }
}
