package org.myelin.core.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.myelin.core.array.DoubleMatrix;

class StandardizerTest {

    @Test
    void zScoresWithTrainingStatistics() {
        // column 0: 1, 2, 3 -> mean 2, population std sqrt(2/3); column 1 constant 0.1 -> scale 1
        DoubleMatrix train = DoubleMatrix.of(new double[][] {{1, 0.1}, {2, 0.1}, {3, 0.1}});
        Standardizer s = Standardizer.fit(train);
        double sd = Math.sqrt(2.0 / 3.0);
        assertArrayEquals(new double[] {2, 0.1}, s.mean(), 1e-15);
        assertArrayEquals(new double[] {sd, 1}, s.scale(), 1e-15);
        assertArrayEquals(new double[] {-1 / sd, 0, 0, 0, 1 / sd, 0}, s.apply(train).data(), 1e-12);
        // test data uses the training statistics, not its own
        assertArrayEquals(new double[] {2 / sd, 0.9}, s.apply(DoubleMatrix.of(new double[][] {{4, 1.0}})).data(), 1e-12);
    }

    @Test
    void rejectsNonFiniteTrainingFeatures() {
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(DoubleMatrix.of(new double[][] {{1}, {Double.NaN}})));
    }

    @Test
    void rejectsFeaturesWithAnotherWidth() {
        Standardizer s = Standardizer.fit(DoubleMatrix.of(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> s.apply(DoubleMatrix.zeros(1, 3)));
    }
}
