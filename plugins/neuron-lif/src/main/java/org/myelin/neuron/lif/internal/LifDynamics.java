package org.myelin.neuron.lif.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.LeakDiscretisation;
import org.myelin.api.neuron.NeuronConventions;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.neuron.ResetMechanism;
import org.myelin.api.neuron.ResetTiming;
import org.myelin.api.neuron.Surrogate;
import org.myelin.api.neuron.ThresholdComparison;

/**
 * LIF dynamics of one population; one state variable {@code v}. With {@code b = clamp(beta, 0, 1)},
 * {@code th} the threshold, {@code c = 1 - b} when {@code decay_input} else {@code 1}, and the
 * resting value {@code r = v_reset} for the zero reset ({@code 0} otherwise), one step is
 * (science/snn.md sections 0.1-0.3, fixtures/bptt/README.md):
 *
 * <pre>
 * next_step:  R = fire(v[t-1] - th)                        (the previous step's spike)
 *             subtract: v[t] = r + b (v[t-1] - r) + c I[t] - th R
 *             zero:     v[t] = r + b (1 - R) (v[t-1] - r) + c I[t]
 *             none:     v[t] = r + b (v[t-1] - r) + c I[t]
 *             S[t] = fire(v[t] - th)
 * same_step:  H = r + b (v[t-1] - r) + c I[t];  S[t] = fire(H - th)
 *             subtract: v[t] = H - th S[t];  zero: v[t] = (1 - S[t]) H + S[t] r;  none: v[t] = H
 * </pre>
 *
 * {@code fire(x)} is {@code x > 0} or {@code x >= 0}. The backward pass is the vector-Jacobian
 * product of these equations with {@code fire'} replaced by the surrogate; a detached reset
 * treats {@code R} (or {@code S[t]} inside the reset) as a constant. Beta and the threshold are
 * single values shared by the population; their gradients are accumulated in element 0.
 *
 * <p>Every call picks the loop of its conventions once (timing, reset, whether anything is
 * trained); the element loops carry no switch over the conventions, compare with one {@code >}
 * (see {@link #fireAbove}) and evaluate the surrogate in float ({@link SurrogateSlope}).
 */
final class LifDynamics implements NeuronDynamics {

    private final int size;
    private final float[] beta;
    private final float[] threshold;
    private final float rest;
    private final ResetMechanism reset;
    private final ResetTiming timing;
    private final boolean fireOnEqual;
    private final boolean detachReset;
    private final boolean decayInput;
    private final SurrogateSlope slope;
    private final boolean learnBeta;
    private final boolean learnThreshold;
    private final List<String> trainable;
    private final NeuronConventions conventions;

    LifDynamics(int size, float beta, float threshold, float vReset, LeakDiscretisation leak, ResetMechanism reset,
            ResetTiming timing, ThresholdComparison fire, boolean detachReset, boolean decayInput, Surrogate surrogate,
            boolean learnBeta, boolean learnThreshold) {
        this.size = size;
        this.beta = new float[] {beta};
        this.threshold = new float[] {threshold};
        this.rest = reset == ResetMechanism.TO_VALUE ? vReset : 0f;
        this.reset = reset;
        this.timing = timing;
        this.fireOnEqual = fire == ThresholdComparison.GE;
        this.detachReset = detachReset;
        this.decayInput = decayInput;
        this.slope = SurrogateSlope.of(surrogate);
        this.learnBeta = learnBeta;
        this.learnThreshold = learnThreshold;
        List<String> names = new ArrayList<>(2);
        if (learnBeta) {
            names.add(LifNeuronModel.BETA);
        }
        if (learnThreshold) {
            names.add(LifNeuronModel.THRESHOLD);
        }
        this.trainable = List.copyOf(names);
        this.conventions = new NeuronConventions(leak, reset, timing, fire, detachReset, decayInput, surrogate);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<String> stateNames() {
        return List.of("v");
    }

    @Override
    public boolean spiking() {
        return true;
    }

    @Override
    public Optional<NeuronConventions> conventions() {
        return Optional.of(conventions);
    }

    @Override
    public void initState(float[][] state, int fromRow, int toRow) {
        float[] v = state[0];
        for (int i = fromRow * size, end = toRow * size; i < end; i++) {
            v[i] = rest;
        }
    }

    /**
     * The value that a membrane must exceed to spike: {@code x >= th} is {@code x > nextDown(th)}
     * for every float, so both comparisons become one {@code >} without a branch on the convention.
     */
    private float fireAbove(float th) {
        return fireOnEqual ? Math.nextDown(th) : th;
    }

    /** snnTorch clamps beta into [0, 1] in the forward pass; an optimiser may push it outside. */
    private float clampedBeta() {
        float b = beta[0];
        return b < 0f ? 0f : b > 1f ? 1f : b;
    }

    @Override
    public void forward(ForwardStep step) {
        final float b = clampedBeta();
        final float th = threshold[0];
        final float above = fireAbove(th);
        final float c = decayInput ? 1f - b : 1f;
        final float r = rest;
        final float[] in = step.input();
        final float[] vIn = step.stateIn()[0];
        final float[] vOut = step.stateOut()[0];
        final float[] out = step.output();
        final int from = step.fromRow() * size;
        final int end = step.toRow() * size;
        // one loop per convention, chosen here: the element loops carry no switch
        if (timing == ResetTiming.NEXT_STEP) {
            switch (reset) {
                case SUBTRACT:
                    for (int i = from; i < end; i++) {
                        float x = vIn[i];
                        float spikedBefore = x > above ? 1f : 0f;
                        float u = r + b * (x - r) + c * in[i] - th * spikedBefore;
                        vOut[i] = u;
                        out[i] = u > above ? 1f : 0f;
                    }
                    break;
                case TO_VALUE:
                    for (int i = from; i < end; i++) {
                        float x = vIn[i];
                        float spikedBefore = x > above ? 1f : 0f;
                        float u = r + b * (1f - spikedBefore) * (x - r) + c * in[i];
                        vOut[i] = u;
                        out[i] = u > above ? 1f : 0f;
                    }
                    break;
                default:
                    for (int i = from; i < end; i++) {
                        float u = r + b * (vIn[i] - r) + c * in[i];
                        vOut[i] = u;
                        out[i] = u > above ? 1f : 0f;
                    }
            }
        } else {
            switch (reset) {
                case SUBTRACT:
                    for (int i = from; i < end; i++) {
                        float h = r + b * (vIn[i] - r) + c * in[i];
                        boolean spike = h > above;
                        vOut[i] = spike ? h - th : h;
                        out[i] = spike ? 1f : 0f;
                    }
                    break;
                case TO_VALUE:
                    for (int i = from; i < end; i++) {
                        float h = r + b * (vIn[i] - r) + c * in[i];
                        boolean spike = h > above;
                        vOut[i] = spike ? r : h;
                        out[i] = spike ? 1f : 0f;
                    }
                    break;
                default:
                    for (int i = from; i < end; i++) {
                        float h = r + b * (vIn[i] - r) + c * in[i];
                        vOut[i] = h;
                        out[i] = h > above ? 1f : 0f;
                    }
            }
        }
    }

    @Override
    public void backward(BackwardStep step) {
        if (!learnBeta && !learnThreshold) {
            if (timing == ResetTiming.NEXT_STEP) {
                backwardNextStepFixed(step);
            } else {
                backwardSameStepFixed(step);
            }
            return;
        }
        backwardLearned(step);
    }

    /**
     * Next-step backward without trainable parameters (the usual case, and the peer workloads'):
     * no parameter sums, one loop per reset mechanism, the surrogate once per element when the
     * reset is detached. Same operations per element as {@link #backwardLearned}, so the same bits.
     */
    private void backwardNextStepFixed(BackwardStep step) {
        final float b = clampedBeta();
        final float th = threshold[0];
        final float above = fireAbove(th);
        final float c = decayInput ? 1f - b : 1f;
        final float r = rest;
        final SurrogateSlope sg = slope;
        final float[] in = step.input();
        final float[] vIn = step.stateIn()[0];
        final float[] gOut = step.gradOutput();
        final float[] gState = step.gradStateOut()[0];
        final float[] gIn = step.gradInput();
        final float[] gStateIn = step.gradStateIn()[0];
        final int from = step.fromRow() * size;
        final int end = step.toRow() * size;
        switch (reset) {
            case SUBTRACT:
                if (detachReset) {
                    for (int i = from; i < end; i++) {
                        float x = vIn[i];
                        float spikedBefore = x > above ? 1f : 0f;
                        float u = r + b * (x - r) + c * in[i] - th * spikedBefore;
                        float gu = gState[i] + gOut[i] * sg.at(u - th);
                        gIn[i] = c * gu;
                        gStateIn[i] = gu * b;
                    }
                } else {
                    for (int i = from; i < end; i++) {
                        float x = vIn[i];
                        float spikedBefore = x > above ? 1f : 0f;
                        float u = r + b * (x - r) + c * in[i] - th * spikedBefore;
                        float gu = gState[i] + gOut[i] * sg.at(u - th);
                        gIn[i] = c * gu;
                        gStateIn[i] = gu * (b - th * sg.at(x - th));
                    }
                }
                break;
            case TO_VALUE:
                for (int i = from; i < end; i++) {
                    float x = vIn[i];
                    float spikedBefore = x > above ? 1f : 0f;
                    float u = r + b * (1f - spikedBefore) * (x - r) + c * in[i];
                    float gu = gState[i] + gOut[i] * sg.at(u - th);
                    gIn[i] = c * gu;
                    float resetSlope = detachReset ? 0f : sg.at(x - th);
                    gStateIn[i] = gu * (b * (1f - spikedBefore) - b * (x - r) * resetSlope);
                }
                break;
            default:
                for (int i = from; i < end; i++) {
                    float u = r + b * (vIn[i] - r) + c * in[i];
                    float gu = gState[i] + gOut[i] * sg.at(u - th);
                    gIn[i] = c * gu;
                    gStateIn[i] = gu * b;
                }
        }
    }

    /** Same-step backward without trainable parameters; see {@link #backwardNextStepFixed}. */
    private void backwardSameStepFixed(BackwardStep step) {
        final float b = clampedBeta();
        final float th = threshold[0];
        final float above = fireAbove(th);
        final float c = decayInput ? 1f - b : 1f;
        final float r = rest;
        final SurrogateSlope sg = slope;
        final float[] in = step.input();
        final float[] vIn = step.stateIn()[0];
        final float[] gOut = step.gradOutput();
        final float[] gState = step.gradStateOut()[0];
        final float[] gIn = step.gradInput();
        final float[] gStateIn = step.gradStateIn()[0];
        final int from = step.fromRow() * size;
        final int end = step.toRow() * size;
        switch (reset) {
            case SUBTRACT:
                for (int i = from; i < end; i++) {
                    float h = r + b * (vIn[i] - r) + c * in[i];
                    float gu = gState[i];
                    float gs = detachReset ? gOut[i] : gOut[i] - gu * th;
                    float gh = gu * 1f + gs * sg.at(h - th);
                    gIn[i] = c * gh;
                    gStateIn[i] = b * gh;
                }
                break;
            case TO_VALUE:
                for (int i = from; i < end; i++) {
                    float h = r + b * (vIn[i] - r) + c * in[i];
                    float s = h > above ? 1f : 0f;
                    float gu = gState[i];
                    float gs = detachReset ? gOut[i] : gOut[i] + gu * (r - h);
                    float gh = gu * (1f - s) + gs * sg.at(h - th);
                    gIn[i] = c * gh;
                    gStateIn[i] = b * gh;
                }
                break;
            default:
                for (int i = from; i < end; i++) {
                    float h = r + b * (vIn[i] - r) + c * in[i];
                    float gu = gState[i];
                    float gh = gu * 1f + gOut[i] * sg.at(h - th);
                    gIn[i] = c * gh;
                    gStateIn[i] = b * gh;
                }
        }
    }

    /** The general backward with the parameter gradients of beta and the threshold. */
    private void backwardLearned(BackwardStep step) {
        final float rawBeta = beta[0];
        final float b = clampedBeta();
        // torch.clamp passes the gradient only where the input lies inside [min, max]
        final float betaPass = rawBeta >= 0f && rawBeta <= 1f ? 1f : 0f;
        final float th = threshold[0];
        final float above = fireAbove(th);
        final float c = decayInput ? 1f - b : 1f;
        final float r = rest;
        final SurrogateSlope sg = slope;
        final float[] in = step.input();
        final float[] vIn = step.stateIn()[0];
        final float[] gOut = step.gradOutput();
        final float[] gState = step.gradStateOut()[0];
        final float[] gIn = step.gradInput();
        final float[] gStateIn = step.gradStateIn()[0];
        double gBeta = 0;
        double gTh = 0;
        final int end = step.toRow() * size;
        if (timing == ResetTiming.NEXT_STEP) {
            for (int i = step.fromRow() * size; i < end; i++) {
                float x = vIn[i];
                float spikedBefore = x > above ? 1f : 0f;
                float u;
                switch (reset) {
                    case SUBTRACT: u = r + b * (x - r) + c * in[i] - th * spikedBefore; break;
                    case TO_VALUE: u = r + b * (1f - spikedBefore) * (x - r) + c * in[i]; break;
                    default: u = r + b * (x - r) + c * in[i];
                }
                float sp = sg.at(u - th);
                float gu = gState[i] + gOut[i] * sp;
                float resetSlope = detachReset ? 0f : sg.at(x - th);
                gIn[i] = c * gu;
                float dBeta;
                float dTh;
                switch (reset) {
                    case SUBTRACT:
                        gStateIn[i] = gu * (b - th * resetSlope);
                        dBeta = x - r;
                        dTh = -spikedBefore + th * resetSlope;
                        break;
                    case TO_VALUE:
                        gStateIn[i] = gu * (b * (1f - spikedBefore) - b * (x - r) * resetSlope);
                        dBeta = (1f - spikedBefore) * (x - r);
                        dTh = b * (x - r) * resetSlope;
                        break;
                    default:
                        gStateIn[i] = gu * b;
                        dBeta = x - r;
                        dTh = 0f;
                }
                if (decayInput) {
                    dBeta -= in[i];
                }
                gBeta += (double) gu * dBeta;
                gTh += (double) gu * dTh - (double) gOut[i] * sp;
            }
        } else {
            for (int i = step.fromRow() * size; i < end; i++) {
                float x = vIn[i];
                float h = r + b * (x - r) + c * in[i];
                float s = h > above ? 1f : 0f;
                float sp = sg.at(h - th);
                float gu = gState[i];
                float gs = gOut[i];
                float direct;
                float dThDirect;
                switch (reset) {
                    case SUBTRACT:
                        direct = 1f;
                        dThDirect = -s;
                        if (!detachReset) {
                            gs -= gu * th;
                        }
                        break;
                    case TO_VALUE:
                        direct = 1f - s;
                        dThDirect = 0f;
                        if (!detachReset) {
                            gs += gu * (r - h);
                        }
                        break;
                    default:
                        direct = 1f;
                        dThDirect = 0f;
                }
                float gh = gu * direct + gs * sp;
                gIn[i] = c * gh;
                gStateIn[i] = b * gh;
                float dBeta = decayInput ? (x - r) - in[i] : x - r;
                gBeta += (double) gh * dBeta;
                gTh += (double) gu * dThDirect - (double) gs * sp;
            }
        }
        float[][] gParams = step.gradParams();
        int k = 0;
        if (learnBeta) {
            gParams[k++][0] += (float) (gBeta * betaPass);
        }
        if (learnThreshold) {
            gParams[k][0] += (float) gTh;
        }
    }

    @Override
    public List<String> trainableParameters() {
        return trainable;
    }

    @Override
    public float[] parameterValues(String name) {
        if (learnBeta && LifNeuronModel.BETA.equals(name)) {
            return beta;
        }
        if (learnThreshold && LifNeuronModel.THRESHOLD.equals(name)) {
            return threshold;
        }
        throw new IllegalArgumentException("no trainable parameter '" + name + "'; trainable: " + trainable
                + " (set learn_beta or learn_threshold)");
    }
}
