package org.myelin.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.InvalidInputException;
import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.array.FloatMatrix;

/**
 * Reference: files written by numpy itself (src/test/resources/io/make_npy.py lists their
 * values); the writer must produce numpy's bytes exactly.
 */
class NpyTest {

    @TempDir
    Path dir;

    private static Path fixture(String name) {
        try {
            return Path.of(NpyTest.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryDtypeNumpyWrote() {
        DoubleMatrix f8 = Npy.readDoubleMatrix(fixture("f8_2x3.npy"));
        assertEquals(DoubleMatrix.of(new double[][] {{1, 2, 3}, {4.5, -5, Math.PI}}), f8);
        NpyArray f4 = Npy.read(fixture("f4_3x2.npy"));
        assertEquals(NpyDtype.FLOAT32, f4.dtype());
        assertArrayEquals(new float[] {0.5f, -1.25f, 3f, 1e-3f, 7f, 8f}, (float[]) f4.data());
        NpyArray i4 = Npy.read(fixture("i4_4.npy"));
        assertArrayEquals(new int[] {4}, i4.shape());
        assertArrayEquals(new int[] {1, -2, 3, Integer.MAX_VALUE}, (int[]) i4.data());
        NpyArray i8 = Npy.read(fixture("i8_2x2.npy"));
        assertArrayEquals(new long[] {1, -2, 9007199254740993L, 4}, (long[]) i8.data());
        NpyArray u1 = Npy.read(fixture("u1_2x2x2.npy"));
        assertArrayEquals(new int[] {2, 2, 2}, u1.shape());
        assertArrayEquals(new double[] {250, 251, 252, 253, 254, 255, 0, 1}, u1.toDoubles());
        NpyArray b1 = Npy.read(fixture("b1_2x3.npy"));
        assertArrayEquals(new boolean[] {true, false, true, false, false, true}, (boolean[]) b1.data());
        assertEquals(DoubleMatrix.of(new double[][] {{1, 0, 1}, {0, 0, 1}}), b1.toDoubleMatrix("b1"));
    }

    @Test
    void readsTheVersion2Header() {
        assertEquals(DoubleMatrix.of(new double[][] {{1, 2}, {3, 4}}), Npy.readDoubleMatrix(fixture("f8_v2_2x2.npy")));
    }

    @Test
    void writesNumpysBytesExactly() throws IOException {
        Path f8 = dir.resolve("f8.npy");
        Npy.write(f8, DoubleMatrix.of(new double[][] {{1, 2, 3}, {4.5, -5, Math.PI}}));
        assertArrayEquals(Files.readAllBytes(fixture("f8_2x3.npy")), Files.readAllBytes(f8));
        Path f4 = dir.resolve("f4.npy");
        Npy.write(f4, FloatMatrix.of(new float[][] {{0.5f, -1.25f}, {3f, 1e-3f}, {7f, 8f}}));
        assertArrayEquals(Files.readAllBytes(fixture("f4_3x2.npy")), Files.readAllBytes(f4));
        ByteArrayOutputStream i4 = new ByteArrayOutputStream();
        Npy.write(i4, NpyArray.ofInts(new int[] {4}, new int[] {1, -2, 3, Integer.MAX_VALUE}));
        assertArrayEquals(Files.readAllBytes(fixture("i4_4.npy")), i4.toByteArray());
        ByteArrayOutputStream b1 = new ByteArrayOutputStream();
        Npy.write(b1, NpyArray.ofBooleans(new int[] {2, 3}, new boolean[] {true, false, true, false, false, true}));
        assertArrayEquals(Files.readAllBytes(fixture("b1_2x3.npy")), b1.toByteArray());
        ByteArrayOutputStream i8 = new ByteArrayOutputStream();
        Npy.write(i8, NpyArray.ofLongs(new int[] {2, 2}, new long[] {1, -2, 9007199254740993L, 4}));
        assertArrayEquals(Files.readAllBytes(fixture("i8_2x2.npy")), i8.toByteArray());
        ByteArrayOutputStream u1 = new ByteArrayOutputStream();
        Npy.write(u1, NpyArray.ofUnsignedBytes(new int[] {2, 2, 2}, new byte[] {(byte) 250, (byte) 251, (byte) 252, (byte) 253, (byte) 254, (byte) 255, 0, 1}));
        assertArrayEquals(Files.readAllBytes(fixture("u1_2x2x2.npy")), u1.toByteArray());
    }

    @Test
    void largeArraysRoundTripAcrossChunks() throws IOException {
        // 3 MB of float64: more than one 1 MB chunk each way
        double[] values = new double[393_217];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i) * i;
        }
        Path f = dir.resolve("big.npy");
        Npy.write(f, NpyArray.ofDoubles(values.length, 1, values));
        assertArrayEquals(values, (double[]) Npy.read(f).data(), 0.0);
    }

    @Test
    void rejectsFortranOrderAndBigEndianNamingFileAndDtype() {
        Path fortran = fixture("f8_fortran_2x3.npy");
        String m = assertThrows(InvalidInputException.class, () -> Npy.read(fortran)).getMessage();
        assertTrue(m.startsWith(fortran.toString()) && m.contains("<f8") && m.contains("Fortran order") && m.contains("ascontiguousarray"), m);
        Path big = fixture("f8_big_endian_2x2.npy");
        m = assertThrows(InvalidInputException.class, () -> Npy.read(big)).getMessage();
        assertTrue(m.startsWith(big.toString()) && m.contains(">f8") && m.contains("big-endian"), m);
    }

    @Test
    void convertsFortranOrderWhenAsked() {
        // numpy stored [[1, 2, 3], [4, 5, 6]] column-major
        NpyArray a = Npy.read(fixture("f8_fortran_2x3.npy"), true);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, (double[]) a.data(), 0.0);
    }

    @Test
    void truncatedDataNamesExpectedAndActualBytes() throws IOException {
        byte[] all = Files.readAllBytes(fixture("f8_2x3.npy"));
        Path cut = dir.resolve("cut.npy");
        Files.write(cut, Arrays.copyOf(all, all.length - 5));
        String m = assertThrows(InvalidInputException.class, () -> Npy.read(cut)).getMessage();
        // 2 x 3 float64 = 48 bytes after the 128-byte header; 43 remain
        assertTrue(m.startsWith(cut.toString()) && m.contains("needs 48 bytes") && m.contains("has 43"), m);
        Path header = dir.resolve("header.npy");
        Files.write(header, Arrays.copyOf(all, 40));
        m = assertThrows(InvalidInputException.class, () -> Npy.read(header)).getMessage();
        assertTrue(m.contains("truncated NPY header") && m.contains("needs 128") && m.contains("has 40"), m);
    }

    @Test
    void rejectsOtherFilesAndDtypesWithAFix() throws IOException {
        Path text = dir.resolve("text.npy");
        Files.writeString(text, "1,2,3\n4,5,6\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> Npy.read(text)).getMessage().contains("not an NPY file"));
        byte[] all = Files.readAllBytes(fixture("f8_2x3.npy"));
        String header = new String(all, 0, 128, java.nio.charset.StandardCharsets.ISO_8859_1).replace("<f8", "<c8");
        byte[] complex = all.clone();
        System.arraycopy(header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, complex, 0, 128);
        Path c8 = dir.resolve("c8.npy");
        Files.write(c8, complex);
        String m = assertThrows(InvalidInputException.class, () -> Npy.read(c8)).getMessage();
        assertTrue(m.contains("dtype <c8 is not supported") && m.contains("<f4 <f8 <i4 <i8 |u1 |b1"), m);
        Path missing = dir.resolve("missing.npy");
        assertTrue(assertThrows(InvalidInputException.class, () -> Npy.read(missing)).getMessage().contains("file not found"));
        String d3 = assertThrows(InvalidInputException.class, () -> Npy.readDoubleMatrix(fixture("u1_2x2x2.npy"))).getMessage();
        assertTrue(d3.contains("expected a 2-D array, got shape (2, 2, 2)"), d3);
    }
}
