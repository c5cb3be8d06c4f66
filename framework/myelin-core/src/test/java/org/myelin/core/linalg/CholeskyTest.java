package org.myelin.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.myelin.core.array.DoubleMatrix;

class CholeskyTest {

    // the textbook example: [4 12 -16; 12 37 -43; -16 -43 98] = L L^T with L = [2 0 0; 6 1 0; -8 5 3]
    private static final DoubleMatrix A = DoubleMatrix.of(new double[][] {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}});

    @Test
    void factorsTheTextbookExample() {
        assertArrayEquals(new double[] {2, 0, 0, 6, 1, 0, -8, 5, 3}, Cholesky.of(A).lower().data(), 1e-12);
    }

    @Test
    void solvesForAKnownSolution() {
        // A [1; 2; 3] = [-20; -43; 192], multiplied out by hand; second column: A [0; 0; 1] = third column of A
        DoubleMatrix b = DoubleMatrix.of(new double[][] {{-20, -16}, {-43, -43}, {192, 98}});
        assertArrayEquals(new double[] {1, 0, 2, 0, 3, 1}, Cholesky.of(A).solve(b).data(), 1e-12);
    }

    @Test
    void rejectsAnIndefiniteMatrixNamingThePivot() {
        DoubleMatrix indefinite = DoubleMatrix.of(new double[][] {{1, 2}, {2, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cholesky.of(indefinite));
        assertTrue(e.getMessage().startsWith("matrix is not positive definite: pivot 1 is -3.0"), e.getMessage());
    }

    @Test
    void rejectsANonSquareMatrix() {
        assertThrows(IllegalArgumentException.class, () -> Cholesky.of(DoubleMatrix.zeros(2, 3)));
    }
}
