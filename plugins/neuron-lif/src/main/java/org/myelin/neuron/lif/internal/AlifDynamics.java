package org.myelin.neuron.lif.internal;

import java.util.List;
import java.util.Optional;

import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronConventions;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.neuron.ResetMechanism;
import org.myelin.api.neuron.ResetTiming;
import org.myelin.api.neuron.ThresholdComparison;

/**
 * Adaptive LIF dynamics (the ALIF unit of the LSNN, Bellec et al. 2018, "Long short-term memory
 * and learning-to-learn in networks of spiking neurons"): the LIF membrane of {@link LifDynamics}
 * with a threshold that rises after every spike and relaxes back,
 *
 * <pre>
 * a[t] = rho a[t-1] + (1 - rho) z        rho = exp(-dt / tau_adapt)
 * A    = th + beta_adapt a               (the adaptive threshold)
 * </pre>
 *
 * and two state variables, the membrane {@code v} and the adaptation {@code a} (Bellec's
 * {@code b}). With {@code b = clamp(beta, 0, 1)}, {@code c = 1 - b} when {@code decay_input}
 * else {@code 1} and {@code r} the resting value (as in {@code lif}), one step is:
 *
 * <pre>
 * next_step:  R = fire(v[t-1] - (th + beta_adapt a[t-1]))    (the previous step's spike)
 *             a[t] = rho a[t-1] + (1 - rho) R;  A = th + beta_adapt a[t]
 *             subtract: v[t] = r + b (v[t-1] - r) + c I[t] - A R
 *             zero:     v[t] = r + b (1 - R) (v[t-1] - r) + c I[t]
 *             none:     v[t] = r + b (v[t-1] - r) + c I[t]
 *             S[t] = fire(v[t] - A)
 * same_step:  A = th + beta_adapt a[t-1];  H = r + b (v[t-1] - r) + c I[t];  S[t] = fire(H - A)
 *             subtract: v[t] = H - A S[t];  zero: v[t] = (1 - S[t]) H + S[t] r;  none: v[t] = H
 *             a[t] = rho a[t-1] + (1 - rho) S[t]
 * </pre>
 *
 * The next-step form is the one of Bellec's LSNN code ({@code new_b = decay_b b + (1 - decay_b) z},
 * {@code thr = thr0 + beta new_b}, {@code new_v = decay v + (1 - decay) i - z thr}, spike on
 * {@code new_v > thr}), whose state {@code (v, b)} determines the previous spike, so no spike
 * needs to be stored. The subtract reset removes the adaptive threshold {@code A}. The surrogate
 * is evaluated at {@code v - A}. A detached reset ({@code detach_reset}, LSNN's
 * {@code stop_z_gradients}) treats every effect of a spike on the state as a constant: the
 * membrane reset and the threshold increment; otherwise the gradient flows through both via the
 * surrogate. Nothing is trainable. The surrogate is evaluated in float, by the same
 * {@link SurrogateSlope} as {@code lif}.
 */
final class AlifDynamics implements NeuronDynamics {

    private final int size;
    private final float beta;
    private final float threshold;
    private final float rest;
    private final float rho;
    private final float adapt;
    private final ResetMechanism reset;
    private final ResetTiming timing;
    private final boolean fireOnEqual;
    private final boolean detachReset;
    private final boolean decayInput;
    private final SurrogateSlope slope;
    private final NeuronConventions conventions;

    AlifDynamics(int size, LifSettings s, float rho, float betaAdapt) {
        this.size = size;
        this.beta = s.beta() < 0f ? 0f : s.beta() > 1f ? 1f : s.beta();
        this.threshold = s.threshold();
        this.rest = s.reset() == ResetMechanism.TO_VALUE ? s.vReset() : 0f;
        this.rho = rho;
        this.adapt = betaAdapt;
        this.reset = s.reset();
        this.timing = s.timing();
        this.fireOnEqual = s.fire() == ThresholdComparison.GE;
        this.detachReset = s.detachReset();
        this.decayInput = s.decayInput();
        this.slope = SurrogateSlope.of(s.surrogate());
        this.conventions = new NeuronConventions(s.leak(), s.reset(), s.timing(), s.fire(), s.detachReset(), s.decayInput(),
                s.surrogate());
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<String> stateNames() {
        return List.of("v", "a");
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
        float[] a = state[1];
        for (int i = fromRow * size, end = toRow * size; i < end; i++) {
            v[i] = rest;
            a[i] = 0f;
        }
    }

    private boolean fires(float v, float th) {
        return fireOnEqual ? v >= th : v > th;
    }

    @Override
    public void forward(ForwardStep step) {
        final float b = beta;
        final float c = decayInput ? 1f - b : 1f;
        final float r = rest;
        final float[] in = step.input();
        final float[] vIn = step.stateIn()[0];
        final float[] aIn = step.stateIn()[1];
        final float[] vOut = step.stateOut()[0];
        final float[] aOut = step.stateOut()[1];
        final float[] out = step.output();
        final int end = step.toRow() * size;
        if (timing == ResetTiming.NEXT_STEP) {
            for (int i = step.fromRow() * size; i < end; i++) {
                float x = vIn[i];
                float spikedBefore = fires(x, threshold + adapt * aIn[i]) ? 1f : 0f;
                float a = rho * aIn[i] + (1f - rho) * spikedBefore;
                float th = threshold + adapt * a;
                float u;
                switch (reset) {
                    case SUBTRACT: u = r + b * (x - r) + c * in[i] - th * spikedBefore; break;
                    case TO_VALUE: u = r + b * (1f - spikedBefore) * (x - r) + c * in[i]; break;
                    default: u = r + b * (x - r) + c * in[i];
                }
                vOut[i] = u;
                aOut[i] = a;
                out[i] = fires(u, th) ? 1f : 0f;
            }
        } else {
            for (int i = step.fromRow() * size; i < end; i++) {
                float th = threshold + adapt * aIn[i];
                float h = r + b * (vIn[i] - r) + c * in[i];
                boolean spike = fires(h, th);
                float u;
                switch (reset) {
                    case SUBTRACT: u = spike ? h - th : h; break;
                    case TO_VALUE: u = spike ? r : h; break;
                    default: u = h;
                }
                vOut[i] = u;
                aOut[i] = rho * aIn[i] + (spike ? 1f - rho : 0f);
                out[i] = spike ? 1f : 0f;
            }
        }
    }

    @Override
    public void backward(BackwardStep step) {
        if (timing == ResetTiming.NEXT_STEP) {
            backwardNextStep(step);
        } else {
            backwardSameStep(step);
        }
    }

    private void backwardNextStep(BackwardStep step) {
        final float b = beta;
        final float c = decayInput ? 1f - b : 1f;
        final float r = rest;
        final float[] in = step.input();
        final float[] vIn = step.stateIn()[0];
        final float[] aIn = step.stateIn()[1];
        final float[] gOut = step.gradOutput();
        final float[] gV = step.gradStateOut()[0];
        final float[] gA = step.gradStateOut()[1];
        final float[] gIn = step.gradInput();
        final float[] gVIn = step.gradStateIn()[0];
        final float[] gAIn = step.gradStateIn()[1];
        for (int i = step.fromRow() * size, end = step.toRow() * size; i < end; i++) {
            float x = vIn[i];
            float thPrev = threshold + adapt * aIn[i];
            float spikedBefore = fires(x, thPrev) ? 1f : 0f;
            float a = rho * aIn[i] + (1f - rho) * spikedBefore;
            float th = threshold + adapt * a;
            float u;
            switch (reset) {
                case SUBTRACT: u = r + b * (x - r) + c * in[i] - th * spikedBefore; break;
                case TO_VALUE: u = r + b * (1f - spikedBefore) * (x - r) + c * in[i]; break;
                default: u = r + b * (x - r) + c * in[i];
            }
            float sp = slope.at(u - th);
            float gu = gV[i] + gOut[i] * sp;
            // dL/da[t]: through the threshold of S[t] and through the subtracted threshold
            float ga = gA[i] - adapt * gOut[i] * sp;
            float gR;
            float dudx;
            switch (reset) {
                case SUBTRACT:
                    ga -= adapt * spikedBefore * gu;
                    gR = -th * gu;
                    dudx = b;
                    break;
                case TO_VALUE:
                    gR = -b * (x - r) * gu;
                    dudx = b * (1f - spikedBefore);
                    break;
                default:
                    gR = 0f;
                    dudx = b;
            }
            gR += (1f - rho) * ga;
            float resetSlope = detachReset ? 0f : slope.at(x - thPrev);
            gIn[i] = c * gu;
            gVIn[i] = dudx * gu + gR * resetSlope;
            gAIn[i] = rho * ga - adapt * gR * resetSlope;
        }
    }

    private void backwardSameStep(BackwardStep step) {
        final float b = beta;
        final float c = decayInput ? 1f - b : 1f;
        final float r = rest;
        final float[] in = step.input();
        final float[] vIn = step.stateIn()[0];
        final float[] aIn = step.stateIn()[1];
        final float[] gOut = step.gradOutput();
        final float[] gV = step.gradStateOut()[0];
        final float[] gA = step.gradStateOut()[1];
        final float[] gIn = step.gradInput();
        final float[] gVIn = step.gradStateIn()[0];
        final float[] gAIn = step.gradStateIn()[1];
        for (int i = step.fromRow() * size, end = step.toRow() * size; i < end; i++) {
            float th = threshold + adapt * aIn[i];
            float h = r + b * (vIn[i] - r) + c * in[i];
            float s = fires(h, th) ? 1f : 0f;
            float sp = slope.at(h - th);
            float gu = gV[i];
            float gs = gOut[i];
            float direct;
            float gTh;
            switch (reset) {
                case SUBTRACT:
                    direct = 1f;
                    gTh = -s * gu;
                    if (!detachReset) {
                        gs -= gu * th;
                    }
                    break;
                case TO_VALUE:
                    direct = 1f - s;
                    gTh = 0f;
                    if (!detachReset) {
                        gs += gu * (r - h);
                    }
                    break;
                default:
                    direct = 1f;
                    gTh = 0f;
            }
            if (!detachReset) {
                gs += (1f - rho) * gA[i];
            }
            float gh = gu * direct + gs * sp;
            gTh -= gs * sp;
            gIn[i] = c * gh;
            gVIn[i] = b * gh;
            gAIn[i] = rho * gA[i] + adapt * gTh;
        }
    }
}
