package org.myelin.benchmarks;

import java.util.SplittableRandom;

/** Seeded uniform(-1, 1) operands, the same for every backend. */
final class Operands {

    private Operands() {
    }

    static double[] doubles(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-1, 1);
        }
        return x;
    }

    static float[] floats(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        return x;
    }
}
