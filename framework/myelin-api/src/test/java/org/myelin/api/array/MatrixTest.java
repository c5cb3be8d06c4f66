package org.myelin.api.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The non-finite scan finds the first bad value wherever it sits relative to its blocks. */
class MatrixTest {

    @Test
    void firstNonFiniteFindsTheFirstNanOrInfinityAtEveryPosition() {
        int rows = 700;
        int cols = 3;
        // positions at block edges (1024), in the 4-wide unrolled part and in the tail
        int[] positions = {0, 1, 3, 4, 1023, 1024, 1025, 2047, 2099};
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int pos : positions) {
            for (double v : bad) {
                double[] d = new double[rows * cols];
                for (int i = 0; i < d.length; i++) {
                    d[i] = i % 2 == 0 ? -i * 1e300 / d.length : Double.MAX_VALUE;
                }
                d[pos] = v;
                if (pos + 5 < d.length) {
                    d[pos + 5] = Double.NaN;
                }
                assertArrayEquals(new int[] {pos / cols, pos % cols}, new Matrix(rows, cols, d).firstNonFinite(),
                        "bad value " + v + " at " + pos);
            }
        }
    }

    @Test
    void hugeFiniteValuesAndNegativeZerosAreFinite() {
        double[] d = new double[2100];
        for (int i = 0; i < d.length; i++) {
            d[i] = i % 3 == 0 ? -0.0 : (i % 3 == 1 ? Double.MAX_VALUE : -Double.MAX_VALUE);
        }
        assertNull(new Matrix(700, 3, d).firstNonFinite());
        assertNull(new Matrix(0, 0, new double[0]).firstNonFinite());
    }
}
