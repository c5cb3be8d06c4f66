package org.myelin.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.array.FloatMatrix;
import org.myelin.core.parallel.ParallelRows;

class GemmTest {

    private static final DoubleMatrix A = DoubleMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    private static final DoubleMatrix B = DoubleMatrix.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});

    @Test
    void multipliesAHandComputedExample() {
        // [1 2 3; 4 5 6] [7 8; 9 10; 11 12] = [58 64; 139 154], by hand
        assertEquals(DoubleMatrix.of(new double[][] {{58, 64}, {139, 154}}), Gemm.multiply(A, B, null, ParallelRows.serial()));
    }

    @Test
    void multiplyAddAccumulatesIntoTheOutput() {
        DoubleMatrix c = DoubleMatrix.of(new double[][] {{1, 1}, {1, 1}});
        assertSame(c, Gemm.multiplyAdd(A, B, c, ParallelRows.serial()));
        assertEquals(DoubleMatrix.of(new double[][] {{59, 65}, {140, 155}}), c);
    }

    @Test
    void transposedProductsMatchHandComputedExamples() {
        // A^T A for A = [1 2 3; 4 5 6]: [17 22 27; 22 29 36; 27 36 45], by hand
        assertEquals(DoubleMatrix.of(new double[][] {{17, 22, 27}, {22, 29, 36}, {27, 36, 45}}),
                Gemm.multiplyTransA(A, A, null, ParallelRows.serial()));
        // A A^T: [14 32; 32 77], by hand
        assertEquals(DoubleMatrix.of(new double[][] {{14, 32}, {32, 77}}), Gemm.multiplyTransB(A, A, null, ParallelRows.serial()));
    }

    @Test
    void rejectsMismatchedInnerDimensionsWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.multiply(A, A, null, ParallelRows.serial()));
        assertEquals("A B: inner dimensions differ (A is 2 x 3, B is 2 x 3)", e.getMessage());
    }

    @Test
    void rejectsAnOutputThatIsAnOperand() {
        DoubleMatrix sq = DoubleMatrix.identity(2);
        assertThrows(IllegalArgumentException.class, () -> Gemm.multiply(sq, sq, sq, ParallelRows.serial()));
    }

    @Test
    void parallelResultIsBitIdenticalToATextbookTripleLoop() {
        SplittableRandom r = new SplittableRandom(3);
        DoubleMatrix a = random(37, 23, r);
        DoubleMatrix b = random(23, 19, r);
        // textbook dot products, summed over k in ascending order: the same order the i-k-j kernel uses
        DoubleMatrix expected = DoubleMatrix.zeros(37, 19);
        for (int i = 0; i < 37; i++) {
            for (int j = 0; j < 19; j++) {
                double s = 0;
                for (int k = 0; k < 23; k++) {
                    s += a.get(i, k) * b.get(k, j);
                }
                expected.set(i, j, s);
            }
        }
        try (ParallelRows three = ParallelRows.withThreads(3)) {
            assertArrayEquals(expected.data(), Gemm.multiply(a, b, null, ParallelRows.serial()).data());
            assertArrayEquals(expected.data(), Gemm.multiply(a, b, null, three).data());
            assertArrayEquals(Gemm.multiplyTransA(b, b, null, ParallelRows.serial()).data(),
                    Gemm.multiplyTransA(b, b, null, three).data());
            assertArrayEquals(Gemm.multiply(b.transpose(), b, null, ParallelRows.serial()).data(),
                    Gemm.multiplyTransA(b, b, null, three).data());
            assertArrayEquals(Gemm.multiply(a, a.transpose(), null, ParallelRows.serial()).data(),
                    Gemm.multiplyTransB(a, a, null, three).data());
        }
    }

    @Test
    void floatProductMatchesHandExampleAndSkipsZeroInputs() {
        FloatMatrix spikes = FloatMatrix.of(new float[][] {{0, 1, 0}, {1, 0, 1}});
        FloatMatrix w = FloatMatrix.of(new float[][] {{1, Float.POSITIVE_INFINITY}, {2, 3}, {4, 5}});
        // row 0 selects row 1 of w only, so the infinity in row 0 of w is never touched (event-driven)
        FloatMatrix c = Gemm.multiply(spikes, w, null, ParallelRows.serial());
        assertArrayEquals(new float[] {2, 3, 5, Float.POSITIVE_INFINITY}, c.data());
    }

    private static DoubleMatrix random(int rows, int cols, SplittableRandom r) {
        DoubleMatrix m = DoubleMatrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = r.nextDouble() * 2 - 1;
        }
        return m;
    }
}
