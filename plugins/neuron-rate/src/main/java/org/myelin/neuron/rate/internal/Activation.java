package org.myelin.neuron.rate.internal;

/**
 * The single-unit non-linearity {@code r = f(x)} of a rate unit and its derivative, with the
 * conventions of PyTorch ({@code torch.relu}, {@code torch.sigmoid}, {@code torch.tanh},
 * {@code torch.nn.functional.softplus}).
 */
enum Activation {
    /** {@code max(0, x)}; derivative 1 for {@code x > 0}, else 0 (torch's choice at 0). */
    RELU {
        @Override
        float value(float x, float k) {
            return x > 0f ? x : 0f;
        }

        @Override
        float derivative(float x, float k) {
            return x > 0f ? 1f : 0f;
        }
    },
    /** {@code 1 / (1 + exp(-k x))} with slope {@code k} (7.5 in Tolmachev &amp; Engel 2025); derivative {@code k f (1 - f)}. */
    SIGMOID {
        @Override
        float value(float x, float k) {
            return (float) (1 / (1 + Math.exp(-(double) k * x)));
        }

        @Override
        float derivative(float x, float k) {
            double s = 1 / (1 + Math.exp(-(double) k * x));
            return (float) (k * s * (1 - s));
        }
    },
    /** {@code tanh(x)}; derivative {@code 1 - tanh(x)^2}. */
    TANH {
        @Override
        float value(float x, float k) {
            return (float) Math.tanh(x);
        }

        @Override
        float derivative(float x, float k) {
            double t = Math.tanh(x);
            return (float) (1 - t * t);
        }
    },
    /**
     * {@code log(1 + exp(beta x)) / beta}, reverting to {@code x} where {@code beta x > 20}
     * (torch's default {@code threshold=20}); derivative {@code sigmoid(beta x)}, 1 above the threshold.
     */
    SOFTPLUS {
        @Override
        float value(float x, float beta) {
            double bx = (double) beta * x;
            return bx > SOFTPLUS_THRESHOLD ? x : (float) (Math.log1p(Math.exp(bx)) / beta);
        }

        @Override
        float derivative(float x, float beta) {
            double bx = (double) beta * x;
            return bx > SOFTPLUS_THRESHOLD ? 1f : (float) (1 / (1 + Math.exp(-bx)));
        }
    };

    /** torch.nn.functional.softplus's default {@code threshold}. */
    static final double SOFTPLUS_THRESHOLD = 20;

    /**
     * @param x the unit's state
     * @param k the shape parameter: sigmoid slope, softplus beta; ignored by relu and tanh
     * @return {@code f(x)}
     */
    abstract float value(float x, float k);

    /**
     * @param x the unit's state
     * @param k the shape parameter, as for {@link #value}
     * @return {@code f'(x)}
     */
    abstract float derivative(float x, float k);
}
