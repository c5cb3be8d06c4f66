package org.myelin.core.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.myelin.api.array.Matrix;

class DoubleMatrixTest {

    @Test
    void storesRowMajor() {
        DoubleMatrix m = DoubleMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.data());
        assertEquals(6.0, m.get(1, 2));
    }

    @Test
    void rejectsAShapeThatDoesNotMatchTheDataWithBothNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DoubleMatrix.wrap(2, 3, new double[5]));
        assertEquals("shape 2 x 3 needs 6 values, got 5", e.getMessage());
    }

    @Test
    void rejectsAnIndexOutsideTheShape() {
        assertThrows(IndexOutOfBoundsException.class, () -> DoubleMatrix.zeros(2, 2).get(0, 2));
    }

    @Test
    void transposesAndCopiesColumns() {
        DoubleMatrix m = DoubleMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(DoubleMatrix.of(new double[][] {{1, 4}, {2, 5}, {3, 6}}), m.transpose());
        assertEquals(DoubleMatrix.of(new double[][] {{2, 3}, {5, 6}}), m.columns(1, 3));
    }

    @Test
    void convertsToTheApiMatrixAsACopy() {
        DoubleMatrix m = DoubleMatrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix api = m.toMatrix();
        assertNotSame(m.data(), api.data());
        assertEquals(Matrix.of(new double[][] {{1, 2}, {3, 4}}), api);
        assertEquals(m, DoubleMatrix.copyOf(api));
    }

    @Test
    void findsTheFirstNonFiniteValue() {
        DoubleMatrix m = DoubleMatrix.zeros(2, 3);
        assertNull(m.firstNonFinite());
        m.set(1, 1, Double.NaN);
        assertArrayEquals(new int[] {1, 1}, m.firstNonFinite());
    }

    @Test
    void floatTwinRoundsApiValuesToFloat32() {
        FloatMatrix f = FloatMatrix.copyOf(Matrix.of(new double[][] {{0.1, 2}}));
        assertEquals(0.1f, f.get(0, 0));
        assertEquals((double) 0.1f, f.toMatrix().get(0, 0));
    }
}
