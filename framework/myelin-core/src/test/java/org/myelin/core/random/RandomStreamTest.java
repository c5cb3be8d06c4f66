package org.myelin.core.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RandomStreamTest {

    @Test
    void sameSeedGivesTheSameNumbers() {
        float[] a = RandomStream.of(11).fillGaussian(new float[100], 0, 1);
        float[] b = RandomStream.of(11).fillGaussian(new float[100], 0, 1);
        assertArrayEquals(a, b);
    }

    @Test
    void childStreamsDoNotDependOnWhatTheParentDrew() {
        RandomStream fresh = RandomStream.of(5);
        RandomStream used = RandomStream.of(5);
        used.nextGaussian();
        used.nextDouble();
        assertEquals(fresh.child("input").nextDouble(), used.child("input").nextDouble());
        assertNotEquals(fresh.child("input").nextDouble(), fresh.child("recurrent").nextDouble());
        assertNotEquals(RandomStream.of(5).child("x").seed(), RandomStream.of(6).child("x").seed());
    }

    @Test
    void gaussianHasTheRequestedMeanAndStandardDeviation() {
        float[] v = RandomStream.of(1).fillGaussian(new float[200_000], 3.0, 2.0);
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double var = 0;
        for (float x : v) {
            var += (x - mean) * (x - mean);
        }
        var /= v.length;
        // standard errors: mean 2/sqrt(n) = 0.0045, variance 4*sqrt(2/n) = 0.013; bounds are about 5 of them
        assertEquals(3.0, mean, 0.025);
        assertEquals(4.0, var, 0.07);
    }

    @Test
    void bernoulliFrequencyMatchesTheProbability() {
        RandomStream r = RandomStream.of(2);
        int hits = 0;
        for (int i = 0; i < 100_000; i++) {
            hits += r.nextBernoulli(0.1) ? 1 : 0;
        }
        // standard error sqrt(0.09 / 1e5) = 0.00095
        assertEquals(0.1, hits / 100_000.0, 0.005);
    }
}
