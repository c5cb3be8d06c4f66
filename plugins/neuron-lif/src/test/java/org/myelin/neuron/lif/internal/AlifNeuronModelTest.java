package org.myelin.neuron.lif.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.param.Parameters;

/**
 * Traces and gradients of {@code alif} derived by hand from the LSNN equations of Bellec et al.
 * 2018 as written in {@link AlifDynamics}: {@code a[t] = rho a[t-1] + (1 - rho) z},
 * {@code A = threshold + beta_adapt a}, with lif's membrane (science/snn.md section 0).
 */
class AlifNeuronModelTest {

    private static final float EPS = 1e-6f;
    /** tau_adapt = dt / ln 2 gives rho = 0.5 at dt = 1 ms. */
    private static final double TAU_HALF = 1 / Math.log(2);

    private static NeuronDynamics alif(Map<String, ?> raw) {
        AlifNeuronModel model = new AlifNeuronModel();
        return model.create(Parameters.resolve("alif", model.parameters(), raw), 1, 1.0);
    }

    /** Runs one neuron from its initial state; returns {@code [v trace, a trace, spike trace]}. */
    private static float[][] run(NeuronDynamics d, float... inputs) {
        float[][] state = {new float[1], new float[1]};
        d.initState(state, 0, 1);
        float[][] tr = new float[3][inputs.length];
        for (int t = 0; t < inputs.length; t++) {
            float[][] next = {new float[1], new float[1]};
            float[] out = new float[1];
            d.forward(new ForwardStep(new float[] {inputs[t]}, state, next, out, 0, 1));
            tr[0][t] = next[0][0];
            tr[1][t] = next[1][0];
            tr[2][t] = out[0];
            state = next;
        }
        return tr;
    }

    /** One backward step of one neuron from {@code (v, a)}; returns {@code [dL/dI, dL/dv, dL/da]} (before the step). */
    private static float[] backward(NeuronDynamics d, float v, float a, float input, float gOut, float gV, float gA) {
        float[][] stateIn = {{v}, {a}};
        float[][] stateOut = {new float[1], new float[1]};
        float[] out = new float[1];
        d.forward(new ForwardStep(new float[] {input}, stateIn, stateOut, out, 0, 1));
        float[] gIn = new float[1];
        float[][] gStateIn = {new float[1], new float[1]};
        d.backward(new BackwardStep(new float[] {input}, stateIn, out, new float[] {gOut}, new float[][] {{gV}, {gA}}, gIn,
                gStateIn, new float[0][], 0, 1));
        return new float[] {gIn[0], gStateIn[0][0], gStateIn[1][0]};
    }

    @Test
    void statesAreMembraneAndAdaptationWithLifConventions() {
        NeuronDynamics d = alif(Map.of());
        assertEquals(List.of("v", "a"), d.stateNames());
        assertEquals(LifTraces.lif(Map.of()).conventions(), d.conventions());
        assertEquals(List.of(), d.trainableParameters());
    }

    /**
     * Next-step subtract (LSNN code), beta 0.9, rho 0.5, beta_adapt 1: the spike of step 0 raises a to 0.5
     * and the threshold to 1.5 at step 1, where 1.5 is subtracted: v = 1.08 - 1.5 = -0.42; then a halves.
     */
    @Test
    void nextStepSubtractsTheAdaptiveThreshold() {
        float[][] tr = run(alif(Map.of("beta", 0.9, "tau_adapt_ms", TAU_HALF, "beta_adapt", 1.0)), 1.2f, 0f, 0f, 2f);
        assertArrayEquals(new float[] {1.2f, -0.42f, -0.378f, 1.6598f}, tr[0], EPS);
        assertArrayEquals(new float[] {0f, 0.5f, 0.25f, 0.125f}, tr[1], EPS);
        assertArrayEquals(new float[] {1f, 0f, 0f, 1f}, tr[2]);
    }

    /**
     * Same-step subtract, beta 0.5, rho 0.5, beta_adapt 2, input 1.5 each step: step 1 has H = 1.75, above
     * lif's threshold 1 but below the adapted 1 + 2 * 0.5 = 2, so it is silent; step 2 fires at A = 1.5.
     */
    @Test
    void adaptationSilencesASpikeThatLifWouldEmit() {
        Map<String, Object> p = new HashMap<>(Map.of("beta", 0.5, "reset_timing", "same_step"));
        float[][] lif = LifTraces.run(LifTraces.lif(p), 1.5f, 1.5f, 1.5f);
        assertArrayEquals(new float[] {1f, 1f, 1f}, lif[1]);
        p.put("tau_adapt_ms", TAU_HALF);
        p.put("beta_adapt", 2.0);
        float[][] tr = run(alif(p), 1.5f, 1.5f, 1.5f);
        assertArrayEquals(new float[] {0.5f, 1.75f, 0.875f}, tr[0], EPS);
        assertArrayEquals(new float[] {0.5f, 0.25f, 0.625f}, tr[1], EPS);
        assertArrayEquals(new float[] {1f, 0f, 1f}, tr[2]);
    }

    /** beta_adapt = 0 leaves the threshold fixed: the trajectory is lif's, for every reset and timing. */
    @Test
    void withoutAdaptationItIsLif() {
        float[] in = {0.6f, 0.7f, 0.9f, 0.1f, 1.3f, 0.2f};
        for (String reset : List.of("subtract", "zero", "none")) {
            for (String timing : List.of("next_step", "same_step")) {
                Map<String, Object> p = new HashMap<>(Map.of("beta", 0.8, "reset", reset, "reset_timing", timing));
                float[][] lif = LifTraces.run(LifTraces.lif(p), in);
                p.put("beta_adapt", 0.0);
                float[][] tr = run(alif(p), in);
                assertArrayEquals(lif[0], tr[0], reset + "/" + timing);
                assertArrayEquals(lif[1], tr[2], reset + "/" + timing);
            }
        }
    }

    /**
     * Same step, detached, from v = 0, a = 0.5 with beta_adapt 2 (A = 2), input 1.5 and dL/dS = 1:
     * dL/dI = atan'(1.5 - 2) = 1 / (1 + (pi/2 * 2 * 0.5)^2) = 0.2884004; dL/da = -beta_adapt * that.
     */
    @Test
    void thresholdGradientFlowsIntoTheAdaptation() {
        NeuronDynamics d = alif(Map.of("beta", 0.5, "reset_timing", "same_step", "tau_adapt_ms", TAU_HALF, "beta_adapt", 2.0));
        float[] g = backward(d, 0f, 0.5f, 1.5f, 1f, 0f, 0f);
        assertEquals(0.2884004f, g[0], EPS);
        assertEquals(0.5f * 0.2884004f, g[1], EPS);
        assertEquals(-2f * 0.2884004f, g[2], EPS);
    }

    /**
     * Next step, rho 0.5, beta_adapt 1, from v = 1.2 (it spiked), a = 0, input 0, loss = a[t]:
     * detached: dL/da_before = rho = 0.5, dL/dv_before = 0. Attached: R = H(v - 1) carries
     * dR/dv = atan'(0.2) = 1 / (1 + (0.2 pi)^2) = 0.7169568, so dL/dv = (1 - rho) 0.7169568 and
     * dL/da = rho - beta_adapt (1 - rho) 0.7169568.
     */
    @Test
    void attachedResetDifferentiatesTheThresholdIncrement() {
        Map<String, Object> p = new HashMap<>(Map.of("beta", 0.9, "tau_adapt_ms", TAU_HALF, "beta_adapt", 1.0));
        float[] detached = backward(alif(p), 1.2f, 0f, 0f, 0f, 0f, 1f);
        assertArrayEquals(new float[] {0f, 0f, 0.5f}, detached, EPS);
        p.put("detach_reset", false);
        float[] attached = backward(alif(p), 1.2f, 0f, 0f, 0f, 0f, 1f);
        assertEquals(0f, attached[0], EPS);
        assertEquals(0.5f * 0.7169568f, attached[1], EPS);
        assertEquals(0.5f - 0.5f * 0.7169568f, attached[2], EPS);
    }

    /**
     * Same step, attached, beta 0.5, rho 0.5, beta_adapt 2, from v = 0, a = 0.5 (A = 2), input 2.5: H = 2.5
     * fires, a[t] = 0.75. With loss = a[t], dL/dS = (1 - rho) = 0.5 and atan'(2.5 - 2) = 0.2884004, so
     * dL/dI = 0.5 * 0.2884004, dL/dv = beta * that, dL/da = rho - beta_adapt * 0.5 * 0.2884004.
     */
    @Test
    void attachedSameStepAdaptationCarriesTheSurrogate() {
        NeuronDynamics d = alif(Map.of("beta", 0.5, "reset_timing", "same_step", "tau_adapt_ms", TAU_HALF, "beta_adapt", 2.0,
                "detach_reset", false));
        float[] g = backward(d, 0f, 0.5f, 2.5f, 0f, 0f, 1f);
        float gh = 0.5f * 0.2884004f;
        assertEquals(gh, g[0], EPS);
        assertEquals(0.5f * gh, g[1], EPS);
        assertEquals(0.5f - 2f * gh, g[2], EPS);
        float[] detached = backward(alif(Map.of("beta", 0.5, "reset_timing", "same_step", "tau_adapt_ms", TAU_HALF,
                "beta_adapt", 2.0)), 0f, 0.5f, 2.5f, 0f, 0f, 1f);
        assertArrayEquals(new float[] {0f, 0f, 0.5f}, detached, EPS);
    }
}
