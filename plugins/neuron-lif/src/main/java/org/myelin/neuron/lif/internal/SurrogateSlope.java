package org.myelin.neuron.lif.internal;

import org.myelin.api.neuron.Surrogate;

/**
 * The surrogate derivative of a {@link Surrogate}, evaluated in single precision: one subclass per
 * family, chosen once when the dynamics are built, so that the backward loops call one small
 * method that the JIT inlines (a population uses one family) instead of switching over the
 * family for every element. The formulas are those of {@link Surrogate#derivative(double)}; in
 * float they differ from the double-precision value rounded to float by a few units in the last
 * place (at most 4e-7 relative for fast_sigmoid, atan and triangle; SurrogateSlopeTest), far
 * inside the tolerances of the BPTT fixtures (1e-4 relative).
 */
abstract class SurrogateSlope {

    /**
     * @param surrogate the surrogate of the spec
     * @return its single-precision evaluator
     */
    static SurrogateSlope of(Surrogate surrogate) {
        float k = (float) surrogate.slope();
        switch (surrogate.kind()) {
            case ATAN: return new Atan(k);
            case FAST_SIGMOID:
            case SUPERSPIKE: return new FastSigmoid(k);
            case SIGMOID: return new Sigmoid(surrogate.slope());
            case TRIANGLE: return new Triangle(k);
            case STRAIGHT_THROUGH: return new StraightThrough();
            default: throw new IllegalArgumentException("unhandled surrogate " + surrogate);
        }
    }

    /**
     * @param x membrane minus threshold
     * @return dS/dx
     */
    abstract float at(float x);

    /** {@code 1 / (k|x| + 1)^2} (snnTorch fast_sigmoid, Norse SuperSpike). */
    private static final class FastSigmoid extends SurrogateSlope {
        private final float k;

        FastSigmoid(float k) {
            this.k = k;
        }

        @Override
        float at(float x) {
            float d = k * Math.abs(x) + 1f;
            return 1f / (d * d);
        }
    }

    /** {@code (a/2) / (1 + (pi/2 a x)^2)}. */
    private static final class Atan extends SurrogateSlope {
        private final float half;
        private final float scale;

        Atan(float a) {
            this.half = a / 2f;
            this.scale = (float) (Math.PI / 2 * a);
        }

        @Override
        float at(float x) {
            float u = scale * x;
            return half / (1f + u * u);
        }
    }

    /** {@code k sig(kx) (1 - sig(kx))}; the exponential in double precision. */
    private static final class Sigmoid extends SurrogateSlope {
        private final double k;

        Sigmoid(double k) {
            this.k = k;
        }

        @Override
        float at(float x) {
            double sg = 1 / (1 + Math.exp(-k * x));
            return (float) (k * sg * (1 - sg));
        }
    }

    /** {@code max(0, 1 - |x|/w) / w}. */
    private static final class Triangle extends SurrogateSlope {
        private final float w;

        Triangle(float w) {
            this.w = w;
        }

        @Override
        float at(float x) {
            float a = 1f - Math.abs(x) / w;
            return a > 0f ? a / w : 0f;
        }
    }

    /** Derivative 1. */
    private static final class StraightThrough extends SurrogateSlope {
        @Override
        float at(float x) {
            return 1f;
        }
    }
}
