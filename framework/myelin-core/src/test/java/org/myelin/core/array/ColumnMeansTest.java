package org.myelin.core.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Column means against closed forms, across block boundaries. */
class ColumnMeansTest {

    @Test
    void meansOfArithmeticColumnsAcrossBlocksAreExact() {
        // column j holds j + r for r = 0..rows-1: mean j + (rows - 1) / 2, exact in binary
        for (int rows : new int[] {1, 127, 128, 129, 1000}) {
            int cols = 3;
            double[] d = new double[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < cols; j++) {
                    d[r * cols + j] = j + r;
                }
            }
            double[] expected = new double[cols];
            for (int j = 0; j < cols; j++) {
                expected[j] = j + (rows - 1) / 2.0;
            }
            assertArrayEquals(expected, ColumnMeans.of(d, rows, cols), 0.0, rows + " rows");
        }
    }

    @Test
    void aLargeOffsetKeepsTheMeanAccurate() {
        // 1e8 + 0.1 * (r % 10) over 10000 rows: mean 1e8 + 0.45
        int rows = 10_000;
        double[] d = new double[rows];
        for (int r = 0; r < rows; r++) {
            d[r] = 1e8 + 0.1 * (r % 10);
        }
        assertEquals(1e8 + 0.45, ColumnMeans.of(d, rows, 1)[0], 1e-7);
    }

    @Test
    void aShortArrayIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ColumnMeans.of(new double[5], 2, 3));
    }
}
