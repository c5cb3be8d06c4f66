package org.myelin.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.myelin.core.linalg.internal.BackendChoice;

/**
 * The facades: argument checks name the argument before any work, the backend can be forced,
 * and results on the chosen backend match hand-computed values.
 */
class BlasFacadeTest {

    @Test
    void theChosenBackendComputesAHandExample() {
        String backend = Blas.backend();
        assertTrue(backend.equals("java") || backend.startsWith("openblas 0.3.31"), backend);
        // [1 2; 3 4] [5 6; 7 8] = [19 22; 43 50], by hand; beta = 1 adds the old C (all ones)
        double[] c = {1, 1, 1, 1};
        Blas.dgemm(false, false, 2, 2, 2, 1, new double[] {1, 2, 3, 4}, 0, 2, new double[] {5, 6, 7, 8}, 0, 2, 1, c, 0, 2);
        assertArrayEquals(new double[] {20, 23, 44, 51}, c);
        float[] f = new float[4];
        Blas.sgemm(true, false, 2, 2, 2, 2f, new float[] {1, 3, 2, 4}, 0, 2, new float[] {5, 6, 7, 8}, 0, 2, 0f, f, 0, 2);
        assertArrayEquals(new float[] {38, 44, 86, 100}, f);
    }

    @Test
    void argumentErrorsNameTheArgument() {
        double[] a = new double[6];
        double[] c = new double[4];
        String m = assertThrows(IllegalArgumentException.class,
                () -> Blas.dgemm(false, false, 2, 2, 3, 1, a, 0, 2, a, 0, 2, 0, c, 0, 2)).getMessage();
        assertTrue(m.contains("lda=2") && m.contains("3 columns"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> Blas.dgemm(false, false, 2, 2, 3, 1, a, 1, 3, new double[6], 0, 2, 0, c, 0, 2)).getMessage();
        assertTrue(m.contains("A is 2 x 3") && m.contains("needs 7 elements") && m.contains("has 6"), m);
        double[] shared = new double[10];
        m = assertThrows(IllegalArgumentException.class,
                () -> Blas.dgemm(false, false, 2, 2, 2, 1, shared, 0, 2, new double[4], 0, 2, 0, shared, 2, 2)).getMessage();
        assertTrue(m.contains("C overlaps A"), m);
        // disjoint regions of one array are fine: C = A B with A in [0, 4), C in [4, 8)
        double[] packed = {1, 0, 0, 1, 9, 9, 9, 9};
        Blas.dgemm(false, false, 2, 2, 2, 1, packed, 0, 2, new double[] {1, 2, 3, 4}, 0, 2, 0, packed, 4, 2);
        assertArrayEquals(new double[] {1, 0, 0, 1, 1, 2, 3, 4}, packed);
        m = assertThrows(IllegalArgumentException.class,
                () -> Blas.dsyrk(false, -1, 2, 1, a, 0, 2, 0, c, 0, 2)).getMessage();
        assertTrue(m.contains("at least 0"), m);
        assertThrows(IllegalArgumentException.class, () -> Blas.setThreads(0));
    }

    @Test
    void lapackRejectsNonFiniteAndMisshapenInput() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> Lapack.svd(new double[] {1, 2, Double.NaN, 4}, 2, 2)).getMessage();
        assertTrue(m.contains("row 1, column 0"), m);
        m = assertThrows(IllegalArgumentException.class, () -> Lapack.symmetricEigen(new double[5], 2)).getMessage();
        assertTrue(m.contains("5 elements") && m.contains("needs 4"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> Lapack.choleskySolve(new double[] {4, 0, 0, 9}, 2, new double[3], 1)).getMessage();
        assertTrue(m.contains("B has 3 elements"), m);
        // diag(4, 9) x = (8, 27) gives x = (2, 3), by hand
        assertArrayEquals(new double[] {2, 3}, Lapack.choleskySolve(new double[] {4, 0, 0, 9}, 2, new double[] {8, 27}, 1), 1e-15);
        assertEquals(0, Lapack.svd(new double[0], 0, 3).s().length);
    }

    @Test
    void theSettingForcesOrRejectsABackend() {
        assertEquals("java", BackendChoice.choose("java", 2).name());
        assertEquals("java", BackendChoice.choose(" JAVA ", 1).name());
        String m = assertThrows(IllegalStateException.class, () -> BackendChoice.choose("mkl", 1)).getMessage();
        assertTrue(m.contains("-Dmyelin.blas=mkl") && m.contains("auto, java or openblas"), m);
    }
}
