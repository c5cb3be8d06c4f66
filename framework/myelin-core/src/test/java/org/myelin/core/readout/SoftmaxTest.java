package org.myelin.core.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoftmaxTest {

    @Test
    void softmaxOfLogThreeGivesAQuarterAndThreeQuarters() {
        double[] s = {0, Math.log(3)};
        Softmax.inPlace(s, 1, 2);
        assertArrayEquals(new double[] {0.25, 0.75}, s, 1e-15);
    }

    @Test
    void largeScoresDoNotOverflow() {
        double[] s = {1000, 1000, 1000, 1000};
        Softmax.inPlace(s, 2, 2);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, s, 0);
    }

    @Test
    void crossEntropyAndAccuracyOfHandExample() {
        double[] p = {0.25, 0.75, 0.9, 0.1};
        int[] labels = {1, 1};
        // -(ln 0.75 + ln 0.1) / 2; row 0 right, row 1 wrong
        assertEquals(-(Math.log(0.75) + Math.log(0.1)) / 2, Softmax.crossEntropy(p, labels, 2), 1e-15);
        assertEquals(0.5, Softmax.accuracy(p, labels, 2));
    }

    @Test
    void squaredErrorIsHalfTheMeanSumOverClasses() {
        double[] scores = {0.5, 0.5, 2, 0};
        // row 0, label 0: (0.5-1)^2 + 0.5^2 = 0.5; row 1, label 0: (2-1)^2 + 0 = 1; half mean = 0.375
        assertEquals(0.375, ReadoutLoss.SQUARED_ERROR.of(scores, new int[] {0, 0}, 2), 1e-15);
    }
}
