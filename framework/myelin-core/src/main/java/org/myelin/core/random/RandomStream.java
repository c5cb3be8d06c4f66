package org.myelin.core.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A seeded stream of random numbers (a {@link SplittableRandom}) that derives named child
 * streams. A learning rule starts from the run's {@code model} seed and takes one child per
 * purpose ({@code "input"}, {@code "recurrent"}, ...), so each purpose draws the same numbers
 * whatever else is drawn, and in whatever order.
 *
 * <p>Gaussian numbers come from the Marsaglia polar method on {@link SplittableRandom#nextDouble()},
 * written out here so the values do not depend on the JDK's choice of algorithm. Not thread-safe:
 * give each thread its own child stream.
 */
public final class RandomStream {

    private final long seed;
    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    private RandomStream(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param seed the stream seed, e.g. {@code RunContext.seed("model")}
     * @return a new stream
     */
    public static RandomStream of(long seed) {
        return new RandomStream(seed);
    }

    /** @return the seed this stream started from */
    public long seed() {
        return seed;
    }

    /**
     * Derives an independent stream from this stream's seed and a name: 64-bit FNV-1a of the
     * name's UTF-8 bytes, combined with the seed and passed through the SplitMix64 finaliser.
     * It does not consume numbers from this stream.
     *
     * @param name what the child is for, e.g. {@code "reservoir/input"}
     * @return the child stream; the same seed and name always give the same stream
     */
    public RandomStream child(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return new RandomStream(mix64(seed ^ mix64(h)));
    }

    /**
     * The SplitMix64 finaliser: a bijective 64-bit mix.
     *
     * @param z a value
     * @return the mixed value
     */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** @return a uniform double in {@code [0, 1)} */
    public double nextDouble() {
        return random.nextDouble();
    }

    /**
     * @param bound exclusive upper bound (positive)
     * @return a uniform int in {@code [0, bound)}
     */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /**
     * @param p probability in {@code [0, 1]}
     * @return {@code true} with probability {@code p}
     */
    public boolean nextBernoulli(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
        return random.nextDouble() < p;
    }

    /** @return a standard normal number (mean 0, standard deviation 1) */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * f;
        hasSpare = true;
        return u * f;
    }

    /**
     * Fills an array with independent normal numbers.
     *
     * @param out the array to fill
     * @param mean the mean
     * @param std the standard deviation (at least 0)
     * @return {@code out}
     */
    public float[] fillGaussian(float[] out, double mean, double std) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("standard deviation must be at least 0, got " + std);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (mean + std * nextGaussian());
        }
        return out;
    }
}
