package org.myelin.core.linalg.internal;

/**
 * The scratch arrays one thread packs transposed panels into. They only grow, so a thread that
 * repeats a product of one shape allocates nothing after the first call.
 */
final class PackBuffers {

    private double[] doubles = new double[0];
    private float[] floats = new float[0];

    /**
     * @param n the length needed
     * @return an array of at least n doubles (contents undefined)
     */
    double[] doubles(int n) {
        if (doubles.length < n) {
            doubles = new double[n];
        }
        return doubles;
    }

    /**
     * @param n the length needed
     * @return an array of at least n floats (contents undefined)
     */
    float[] floats(int n) {
        if (floats.length < n) {
            floats = new float[n];
        }
        return floats;
    }
}
