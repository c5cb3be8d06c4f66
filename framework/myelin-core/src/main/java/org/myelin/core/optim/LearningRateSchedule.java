package org.myelin.core.optim;

/**
 * The learning rate (and optionally the momentum) as a function of the scheduler step, the
 * closed forms of the PyTorch schedulers. Step {@code s} gives the value used for the
 * {@code (s+1)}-th optimiser update when the scheduler is stepped per update, or for epoch
 * {@code s} when it is stepped per epoch.
 */
public interface LearningRateSchedule {

    /**
     * @param step scheduler step, from 0
     * @return the learning rate
     */
    double learningRate(long step);

    /**
     * @param step scheduler step
     * @return the momentum to set (Adam beta1, SGD momentum), or NaN to leave it alone
     */
    default double momentum(long step) {
        return Double.NaN;
    }

    /**
     * Sets the optimiser's learning rate (and momentum) for a step.
     *
     * @param optimizer the optimiser
     * @param step the scheduler step
     */
    default void apply(Optimizer optimizer, long step) {
        optimizer.setLearningRate(learningRate(step));
        double m = momentum(step);
        if (!Double.isNaN(m)) {
            optimizer.setMomentum(m);
        }
    }

    /**
     * @param lr the rate
     * @return a constant schedule
     */
    static LearningRateSchedule constant(double lr) {
        return step -> lr;
    }

    /**
     * {@code torch.optim.lr_scheduler.StepLR}: {@code lr * gamma^floor(step / stepSize)}.
     *
     * @param lr base rate
     * @param stepSize steps per decay (positive)
     * @param gamma decay factor
     * @return the schedule
     */
    static LearningRateSchedule step(double lr, long stepSize, double gamma) {
        if (stepSize < 1) {
            throw new IllegalArgumentException("step size must be at least 1, got " + stepSize);
        }
        return step -> lr * Math.pow(gamma, Math.floorDiv(step, stepSize));
    }

    /**
     * {@code torch.optim.lr_scheduler.CosineAnnealingLR} (closed form):
     * {@code etaMin + (lr - etaMin) (1 + cos(pi step / tMax)) / 2}.
     *
     * @param lr base rate
     * @param tMax half period in steps (positive)
     * @param etaMin smallest rate
     * @return the schedule
     */
    static LearningRateSchedule cosine(double lr, long tMax, double etaMin) {
        if (tMax < 1) {
            throw new IllegalArgumentException("T_max must be at least 1, got " + tMax);
        }
        return step -> etaMin + (lr - etaMin) * (1 + Math.cos(Math.PI * step / tMax)) / 2;
    }

    /**
     * {@code torch.optim.lr_scheduler.OneCycleLR} with its defaults: two phases, cosine annealing,
     * {@code pct_start 0.3}, {@code div_factor 25}, {@code final_div_factor 1e4}, momentum cycled
     * between 0.95 and 0.85.
     *
     * @param maxLr peak rate
     * @param totalSteps total scheduler steps
     * @return the schedule
     */
    static LearningRateSchedule oneCycle(double maxLr, long totalSteps) {
        return new OneCycleSchedule(maxLr, totalSteps, 0.3, 25, 1e4, 0.85, 0.95);
    }
}
