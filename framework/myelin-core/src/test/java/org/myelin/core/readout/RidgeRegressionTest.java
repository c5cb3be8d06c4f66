package org.myelin.core.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.parallel.ParallelRows;

class RidgeRegressionTest {

    @Test
    void primalSolutionOfAOneFeatureExample() {
        // x = [-1, 1], labels [0, 1], n l2 = 1: Xc^T Xc = 2, Xc^T Yc = [-1, 1], W = [-1, 1] / 3, b = [1/2, 1/2]
        LinearReadout r = RidgeRegression.fit(DoubleMatrix.of(new double[][] {{-1}, {1}}), new int[] {0, 1}, 2, 0.5,
                ParallelRows.serial());
        assertArrayEquals(new double[] {-1.0 / 3, 1.0 / 3}, r.weights().data(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5}, r.bias(), 1e-15);
        assertEquals(ReadoutLoss.SQUARED_ERROR, r.loss());
    }

    @Test
    void dualSolutionWhenFeaturesOutnumberSamples() {
        // three copies of x = [-1, 1]: (2 J + I) W = rows [-1, 1]; by symmetry every row is w with 7 w = [-1, 1]
        DoubleMatrix x = DoubleMatrix.of(new double[][] {{-1, -1, -1}, {1, 1, 1}});
        LinearReadout r = RidgeRegression.fit(x, new int[] {0, 1}, 2, 0.5, ParallelRows.serial());
        double w = 1.0 / 7;
        assertArrayEquals(new double[] {-w, w, -w, w, -w, w}, r.weights().data(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5}, r.bias(), 1e-15);
    }

    @Test
    void offsetFeaturesMoveTheBiasNotTheWeights() {
        // x = [9, 11] is the example above shifted by 10: same W, b = [1/2, 1/2] - 10 W
        LinearReadout r = RidgeRegression.fit(DoubleMatrix.of(new double[][] {{9}, {11}}), new int[] {0, 1}, 2, 0.5,
                ParallelRows.serial());
        assertArrayEquals(new double[] {-1.0 / 3, 1.0 / 3}, r.weights().data(), 1e-14);
        assertArrayEquals(new double[] {0.5 + 10.0 / 3, 0.5 - 10.0 / 3}, r.bias(), 1e-13);
        assertEquals(1.0, r.evaluate(DoubleMatrix.of(new double[][] {{9}, {11}}), new int[] {0, 1}, ParallelRows.serial()).accuracy());
    }

    @Test
    void rejectsASingularSystemWithoutPenalty() {
        DoubleMatrix x = DoubleMatrix.of(new double[][] {{1, 1}, {2, 2}, {3, 3}});
        assertThrows(IllegalArgumentException.class, () -> RidgeRegression.fit(x, new int[] {0, 1, 0}, 2, 0.0, ParallelRows.serial()));
    }

    @Test
    void rejectsALabelOutsideTheClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RidgeRegression.fit(DoubleMatrix.zeros(2, 1), new int[] {0, 2}, 2, 1.0, ParallelRows.serial()));
        assertEquals("label 2 of sample 1 is outside [0, 2)", e.getMessage());
    }
}
