package org.myelin.core.optim;

import org.myelin.core.parallel.ParallelRows;

/**
 * Adam and AdamW as {@code torch.optim.Adam} / {@code torch.optim.AdamW} (PyTorch 1.13, single
 * tensor path): with {@code g = grad (+ wd * p for Adam's L2)}, {@code m = b1 m + (1 - b1) g},
 * {@code v = b2 v + (1 - b2) g^2}, {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)};
 * AdamW first decays {@code p *= 1 - lr * wd} and adds no L2 term. Moments are float32 like the
 * parameters.
 */
public final class Adam implements Optimizer {

    /** Fewest elements (over all arrays) for which {@link #step(float[][], float[][], ParallelRows)} uses the pool. */
    public static final int PARALLEL_ELEMENTS = 1 << 15;

    private double lr;
    private double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private float[][] m;
    private float[][] v;
    private long t;

    /**
     * @param lr learning rate
     * @param beta1 first-moment decay (torch default 0.9)
     * @param beta2 second-moment decay (torch default 0.999)
     * @param eps denominator term (torch default 1e-8)
     * @param weightDecay weight decay (0 = none)
     * @param decoupled {@code true} for AdamW's decoupled decay, {@code false} for Adam's L2 term
     */
    public Adam(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        if (!(lr >= 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps >= 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("Adam needs lr >= 0, betas in [0, 1), eps >= 0, weight decay >= 0; got lr " + lr
                    + ", betas " + beta1 + "/" + beta2 + ", eps " + eps + ", weight decay " + weightDecay);
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    /**
     * @param lr learning rate
     * @return Adam with the PyTorch defaults
     */
    public static Adam of(double lr) {
        return new Adam(lr, 0.9, 0.999, 1e-8, 0, false);
    }

    @Override
    public void step(float[][] params, float[][] grads) {
        step(params, grads, ParallelRows.serial());
    }

    /**
     * One update with the elements of all arrays, taken as one range, cut into contiguous pieces
     * that run on the threads of {@code rows}. Every element's update depends on that element
     * alone, so the result is the same bits for any number of threads. Below
     * {@link #PARALLEL_ELEMENTS} elements in all it runs in the calling thread (a hand-off to the
     * pool would cost more than it saves).
     *
     * @param params parameter arrays, updated in place
     * @param grads their gradients, same shapes
     * @param rows the threads
     */
    @Override
    public void step(float[][] params, float[][] grads, ParallelRows rows) {
        if (m == null) {
            m = new float[params.length][];
            v = new float[params.length][];
            for (int i = 0; i < params.length; i++) {
                m[i] = new float[params[i].length];
                v[i] = new float[params[i].length];
            }
        }
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        final Coefficients k = new Coefficients((float) (lr / bc1), (float) Math.sqrt(bc2), (float) beta1, (float) beta2,
                (float) (1 - beta1), (float) (1 - beta2), (float) eps, (float) weightDecay, (float) (1 - lr * weightDecay));
        long total = 0;
        for (float[] p : params) {
            total += p.length;
        }
        if (rows.parallelism() == 1 || total < PARALLEL_ELEMENTS || total > Integer.MAX_VALUE) {
            for (int i = 0; i < params.length; i++) {
                update(params[i], grads[i], m[i], v[i], 0, params[i].length, k);
            }
            return;
        }
        rows.forEach((int) total, (from, to) -> {
            int offset = 0;
            for (int i = 0; i < params.length && offset < to; i++) {
                int len = params[i].length;
                int lo = Math.max(from, offset);
                int hi = Math.min(to, offset + len);
                if (lo < hi) {
                    update(params[i], grads[i], m[i], v[i], lo - offset, hi - offset, k);
                }
                offset += len;
            }
        });
    }

    /** The float constants of one step. */
    private record Coefficients(float stepSize, float bc2Sqrt, float b1, float b2, float a1, float a2, float e, float wd,
            float decay) {
    }

    private void update(float[] p, float[] g, float[] mi, float[] vi, int from, int to, Coefficients k) {
        final float stepSize = k.stepSize();
        final float bc2Sqrt = k.bc2Sqrt();
        final float b1 = k.b1();
        final float b2 = k.b2();
        final float a1 = k.a1();
        final float a2 = k.a2();
        final float e = k.e();
        final float wd = k.wd();
        final float decay = k.decay();
        for (int j = from; j < to; j++) {
            float gj = g[j];
            if (weightDecay != 0) {
                if (decoupled) {
                    p[j] *= decay;
                } else {
                    gj += wd * p[j];
                }
            }
            mi[j] = mi[j] * b1 + a1 * gj;
            vi[j] = vi[j] * b2 + a2 * gj * gj;
            float denom = (float) Math.sqrt(vi[j]) / bc2Sqrt + e;
            p[j] -= stepSize * (mi[j] / denom);
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = lr;
    }

    @Override
    public void setMomentum(double momentum) {
        this.beta1 = momentum;
    }

    @Override
    public long steps() {
        return t;
    }
}
