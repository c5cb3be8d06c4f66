package org.myelin.core.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Column means against closed forms, across block boundaries. */
class ColumnMeansTest {

    @Test
    void sumsOfSquaresOfIntegerColumnsAcrossBlocksAreExact() {
        // column j holds r + j for r = 0..299 (three blocks, the last partial): the sum of squares
        // is sum (r + j)^2 = sum r^2 + 2 j sum r + 300 j^2, exact in doubles; a NaN and an
        // overflowing value show in their own columns only
        int rows = 300;
        int cols = 3;
        double[] d = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                d[r * cols + j] = r + j;
            }
        }
        double sumR2 = 299.0 * 300 * 599 / 6;
        double sumR = 299.0 * 300 / 2;
        double[] expected = new double[cols];
        for (int j = 0; j < cols; j++) {
            expected[j] = sumR2 + 2 * j * sumR + rows * (double) j * j;
        }
        assertArrayEquals(expected, ColumnMeans.sumsOfSquares(d, rows, cols), 0.0);
        d[5 * cols + 1] = Double.NaN;
        d[7 * cols + 2] = 1e200;
        double[] s = ColumnMeans.sumsOfSquares(d, rows, cols);
        assertEquals(expected[0], s[0], 0.0);
        assertEquals(Double.NaN, s[1]);
        assertEquals(Double.POSITIVE_INFINITY, s[2]);
        assertThrows(IllegalArgumentException.class, () -> ColumnMeans.sumsOfSquares(new double[5], 2, 3));
    }


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
