package org.myelin.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.InvalidInputException;
import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.array.FloatMatrix;

/** CSV matrices: values written by hand in the tests, round trips exact to the last bit. */
class CsvMatrixTest {

    @TempDir
    Path dir;

    @Test
    void readsNumbersSkippingBlankLinesAndSpaces() throws IOException {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "1, 2.5,-3e2\n\n4,5,NaN\n");
        DoubleMatrix m = CsvMatrix.read(f);
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertEquals(-300.0, m.get(0, 2));
        assertTrue(Double.isNaN(m.get(1, 2)));
    }

    @Test
    void roundTripsExactly() throws IOException {
        DoubleMatrix m = DoubleMatrix.of(new double[][] {{Math.PI, -1e-300, 0.1}, {1.0 / 3, 7, -0.0}});
        Path f = dir.resolve("pi.csv");
        CsvMatrix.write(f, m);
        assertEquals(m, CsvMatrix.read(f));
        FloatMatrix g = FloatMatrix.of(new float[][] {{(float) Math.PI, 0.1f}});
        Path h = dir.resolve("g.csv");
        CsvMatrix.write(h, g);
        assertEquals(g, CsvMatrix.readFloats(h));
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        Path ragged = dir.resolve("r.csv");
        Files.writeString(ragged, "1,2\n3\n");
        String m = assertThrows(InvalidInputException.class, () -> CsvMatrix.read(ragged)).getMessage();
        assertTrue(m.startsWith(ragged + ":2: row has 1 values, earlier rows have 2"), m);
        Path header = dir.resolve("h.csv");
        Files.writeString(header, "1,2\n3,x\n");
        m = assertThrows(InvalidInputException.class, () -> CsvMatrix.read(header)).getMessage();
        assertTrue(m.startsWith(header + ":2:2: 'x' is not a number") && m.contains("no header row"), m);
        Path hole = dir.resolve("hole.csv");
        Files.writeString(hole, "1,,3\n");
        m = assertThrows(InvalidInputException.class, () -> CsvMatrix.read(hole)).getMessage();
        assertTrue(m.startsWith(hole + ":1:2: empty value"), m);
        Path empty = dir.resolve("e.csv");
        Files.writeString(empty, "\n\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> CsvMatrix.read(empty)).getMessage().contains("no rows"));
    }
}
