package org.myelin.core.optim;

/** Gradient clipping by global norm, as {@code torch.nn.utils.clip_grad_norm_} (L2 norm). */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Scales all gradients by {@code min(1, maxNorm / (norm + 1e-6))}, where {@code norm} is the
     * L2 norm of all gradients together.
     *
     * @param grads the gradients, scaled in place
     * @param maxNorm the largest allowed norm (positive)
     * @return the norm before clipping
     */
    public static double clipByGlobalNorm(float[][] grads, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("max norm must be positive, got " + maxNorm);
        }
        double norm = globalNorm(grads);
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1) {
            float c = (float) coef;
            for (float[] g : grads) {
                for (int j = 0; j < g.length; j++) {
                    g[j] *= c;
                }
            }
        }
        return norm;
    }

    /**
     * @param grads arrays
     * @return the L2 norm of all values together
     */
    public static double globalNorm(float[][] grads) {
        double sum = 0;
        for (float[] g : grads) {
            for (float x : g) {
                sum += (double) x * x;
            }
        }
        return Math.sqrt(sum);
    }
}
