package org.myelin.core.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.parallel.ParallelRows;

class SoftmaxRegressionTest {

    /** Three Gaussian blobs in 2-D around (0, 3), (3, 0), (-3, -3), standard deviation 0.7. */
    private static DoubleMatrix blobs(int n, int[] labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = {{0, 3}, {3, 0}, {-3, -3}};
        DoubleMatrix x = DoubleMatrix.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int d = 0; d < 2; d++) {
                double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
                x.set(i, d, centres[labels[i]][d] + 0.7 * g);
            }
        }
        return x;
    }

    @Test
    void firstEpochLossIsLogOfTheClassCountAndTheFitSeparatesBlobs() {
        int[] labels = new int[90];
        DoubleMatrix x = blobs(90, labels, 1);
        List<Evaluation> epochs = new ArrayList<>();
        LinearReadout r = new SoftmaxRegression(300, 0.05, 1e-3).fit(x, labels, 3, (e, train) -> epochs.add(train), ParallelRows.serial());
        assertEquals(300, epochs.size());
        // zero weights: every class has probability 1/3
        assertEquals(Math.log(3), epochs.get(0).loss(), 1e-12);
        assertTrue(epochs.get(299).loss() < 0.1, "final loss " + epochs.get(299).loss());
        int[] test = new int[300];
        DoubleMatrix xt = blobs(300, test, 2);
        assertTrue(r.evaluate(xt, test, ParallelRows.serial()).accuracy() > 0.97);
    }

    @Test
    void convergedWeightsSatisfyTheStationarityCondition() {
        // at the optimum of mean CE + l2/2 |W|^2: X^T (P - Y) / n + l2 W = 0, and the bias gradient sum(P - Y) / n = 0
        int[] labels = new int[30];
        DoubleMatrix x = blobs(30, labels, 3);
        double l2 = 0.5;
        LinearReadout r = new SoftmaxRegression(4000, 0.02, l2).fit(x, labels, 3, EpochListener.NONE, ParallelRows.serial());
        DoubleMatrix p = r.scores(x, ParallelRows.serial());
        Softmax.inPlace(p.data(), 30, 3);
        for (int i = 0; i < 30; i++) {
            p.data()[i * 3 + labels[i]] -= 1;
        }
        double[] gradW = new double[6];
        double[] gradB = new double[3];
        for (int i = 0; i < 30; i++) {
            for (int k = 0; k < 3; k++) {
                gradB[k] += p.get(i, k) / 30;
                for (int d = 0; d < 2; d++) {
                    gradW[d * 3 + k] += x.get(i, d) * p.get(i, k) / 30;
                }
            }
        }
        for (int j = 0; j < 6; j++) {
            gradW[j] += l2 * r.weights().data()[j];
        }
        assertArrayEquals(new double[6], gradW, 1e-4);
        assertArrayEquals(new double[3], gradB, 1e-4);
    }

    @Test
    void resultIsBitIdenticalForOneAndThreeThreads() {
        int[] labels = new int[61];
        DoubleMatrix x = blobs(61, labels, 4);
        SoftmaxRegression fit = new SoftmaxRegression(50, 0.05, 0.01);
        LinearReadout one = fit.fit(x, labels, 3, EpochListener.NONE, ParallelRows.serial());
        try (ParallelRows three = ParallelRows.withThreads(3)) {
            LinearReadout par = fit.fit(x, labels, 3, EpochListener.NONE, three);
            assertArrayEquals(one.weights().data(), par.weights().data(), 0.0);
            assertArrayEquals(one.bias(), par.bias(), 0.0);
        }
    }

    @Test
    void aThrowingListenerStopsTheFit() {
        int[] labels = new int[6];
        DoubleMatrix x = blobs(6, labels, 5);
        int[] seen = new int[1];
        assertThrows(IllegalStateException.class, () -> new SoftmaxRegression(100, 0.1, 0).fit(x, labels, 3, (e, t) -> {
            seen[0] = e;
            if (e == 4) {
                throw new IllegalStateException("stop");
            }
        }, ParallelRows.serial()));
        assertEquals(4, seen[0]);
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxRegression(0, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxRegression(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxRegression(1, 0.1, -1));
    }
}
