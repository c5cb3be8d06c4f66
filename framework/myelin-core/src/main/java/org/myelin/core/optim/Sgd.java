package org.myelin.core.optim;

/**
 * Stochastic gradient descent as {@code torch.optim.SGD} with dampening 0: {@code g = grad + wd p};
 * with momentum {@code mu}, {@code buf = g} at the first step and {@code buf = mu buf + g} after,
 * then {@code g = buf} (or {@code g + mu buf} with Nesterov); {@code p -= lr g}.
 */
public final class Sgd implements Optimizer {

    private double lr;
    private double momentum;
    private final double weightDecay;
    private final boolean nesterov;
    private float[][] buf;
    private long t;

    /**
     * @param lr learning rate
     * @param momentum momentum (0 = plain SGD)
     * @param weightDecay L2 weight decay (0 = none)
     * @param nesterov Nesterov momentum (needs momentum &gt; 0)
     */
    public Sgd(double lr, double momentum, double weightDecay, boolean nesterov) {
        if (!(lr >= 0) || !(momentum >= 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("SGD needs lr, momentum and weight decay >= 0, got " + lr + ", " + momentum + ", "
                    + weightDecay);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum > 0");
        }
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    public void step(float[][] params, float[][] grads) {
        if (buf == null && momentum != 0) {
            buf = new float[params.length][];
        }
        float wd = (float) weightDecay;
        float mu = (float) momentum;
        float rate = (float) lr;
        for (int i = 0; i < params.length; i++) {
            float[] p = params[i];
            float[] g = grads[i];
            boolean first = momentum != 0 && buf[i] == null;
            if (first) {
                buf[i] = new float[p.length];
            }
            float[] b = momentum != 0 ? buf[i] : null;
            for (int j = 0; j < p.length; j++) {
                float d = g[j];
                if (weightDecay != 0) {
                    d += wd * p[j];
                }
                if (b != null) {
                    b[j] = first ? d : b[j] * mu + d;
                    d = nesterov ? d + mu * b[j] : b[j];
                }
                p[j] -= rate * d;
            }
        }
        t++;
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
        this.momentum = momentum;
    }

    @Override
    public long steps() {
        return t;
    }
}
