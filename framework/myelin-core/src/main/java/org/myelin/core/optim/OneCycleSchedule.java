package org.myelin.core.optim;

/**
 * {@code torch.optim.lr_scheduler.OneCycleLR} (two phases, {@code anneal_strategy='cos'},
 * {@code cycle_momentum=True}): the rate rises from {@code maxLr / div} to {@code maxLr} until step
 * {@code pct * total - 1}, then falls to {@code maxLr / div / finalDiv} at step {@code total - 1};
 * the momentum moves the opposite way between {@code maxMomentum} and {@code baseMomentum}.
 */
public final class OneCycleSchedule implements LearningRateSchedule {

    private final double initial;
    private final double max;
    private final double min;
    private final double phaseEnd;
    private final double end;
    private final double baseMomentum;
    private final double maxMomentum;

    /**
     * @param maxLr peak rate
     * @param totalSteps total steps (at least 2)
     * @param pctStart fraction of the steps spent rising
     * @param divFactor initial rate = maxLr / divFactor
     * @param finalDivFactor final rate = initial / finalDivFactor
     * @param baseMomentum the momentum at the peak rate
     * @param maxMomentum the momentum at the start and end
     */
    public OneCycleSchedule(double maxLr, long totalSteps, double pctStart, double divFactor, double finalDivFactor,
            double baseMomentum, double maxMomentum) {
        if (totalSteps < 2 || !(pctStart > 0 && pctStart < 1)) {
            throw new IllegalArgumentException("one-cycle needs at least 2 steps and pct_start in (0, 1), got " + totalSteps + ", "
                    + pctStart);
        }
        this.initial = maxLr / divFactor;
        this.max = maxLr;
        this.min = initial / finalDivFactor;
        this.phaseEnd = pctStart * totalSteps - 1;
        this.end = totalSteps - 1;
        this.baseMomentum = baseMomentum;
        this.maxMomentum = maxMomentum;
    }

    private static double cos(double start, double stop, double pct) {
        return stop + (start - stop) / 2 * (Math.cos(Math.PI * pct) + 1);
    }

    @Override
    public double learningRate(long step) {
        if (step <= phaseEnd) {
            return cos(initial, max, step / phaseEnd);
        }
        return cos(max, min, (step - phaseEnd) / (end - phaseEnd));
    }

    @Override
    public double momentum(long step) {
        if (step <= phaseEnd) {
            return cos(maxMomentum, baseMomentum, step / phaseEnd);
        }
        return cos(baseMomentum, maxMomentum, (step - phaseEnd) / (end - phaseEnd));
    }
}
