package org.myelin.neuron.rate.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.Parameters;

/**
 * Forward traces and backward values derived by hand from the Euler step of science/snn.md
 * section 6(a), {@code x[t] = (1 - alpha) x[t-1] + alpha I[t]}, {@code r = f(x)}, with
 * {@code alpha = dt / tau}; the activation values were computed with Python's math module.
 */
class RateNeuronModelTest {

    private static final float EPS = 1e-6f;

    private static NeuronDynamics rate(Map<String, ?> raw, double dtMs) {
        RateNeuronModel model = new RateNeuronModel();
        return model.create(Parameters.resolve("rate", model.parameters(), raw), 1, dtMs);
    }

    /** Runs one unit from its initial state; returns {@code [x trace, r trace]}. */
    private static float[][] run(NeuronDynamics d, float... inputs) {
        float[][] state = {new float[1]};
        d.initState(state, 0, 1);
        float[] x = new float[inputs.length];
        float[] r = new float[inputs.length];
        for (int t = 0; t < inputs.length; t++) {
            float[][] next = {new float[1]};
            float[] out = new float[1];
            d.forward(new ForwardStep(new float[] {inputs[t]}, state, next, out, 0, 1));
            x[t] = next[0][0];
            r[t] = out[0];
            state = next;
        }
        return new float[][] {x, r};
    }

    /** One backward step from state {@code xBefore}; returns {@code [dL/dI, dL/dx_before]}. */
    private static float[] backward(NeuronDynamics d, float xBefore, float input, float gradOutput, float gradStateOut) {
        float[][] stateIn = {{xBefore}};
        float[][] stateOut = {new float[1]};
        float[] out = new float[1];
        d.forward(new ForwardStep(new float[] {input}, stateIn, stateOut, out, 0, 1));
        float[] gIn = new float[1];
        float[][] gStateIn = {new float[1]};
        d.backward(new BackwardStep(new float[] {input}, stateIn, out, new float[] {gradOutput}, new float[][] {{gradStateOut}},
                gIn, gStateIn, new float[0][], 0, 1));
        return new float[] {gIn[0], gStateIn[0][0]};
    }

    @Test
    void isARateUnitWithOneStateAndNoConventions() {
        NeuronDynamics d = rate(Map.of(), 1.0);
        assertFalse(d.spiking());
        assertTrue(d.conventions().isEmpty());
        assertEquals(List.of("x"), d.stateNames());
        assertEquals(List.of(), d.trainableParameters());
        assertThrows(IllegalArgumentException.class, () -> d.parameterValues("tau_ms"));
    }

    /** alpha = dt / tau: 10 ms / 100 ms = 0.1 (the trainRNNbrain setting tau = 10 dt). */
    @Test
    void alphaIsDtOverTau() {
        assertEquals(0.1f, ((RateDynamics) rate(Map.of(), 10.0)).alpha(), EPS);
        assertEquals(0.25f, ((RateDynamics) rate(Map.of("tau_ms", 4.0), 1.0)).alpha(), EPS);
    }

    /** relu, alpha 0.1: x = 0.1, 0.9 * 0.1 + 0.1 = 0.19, 0.9 * 0.19 - 0.5 = -0.329 gives r = 0. */
    @Test
    void reluLeakyIntegration() {
        float[][] tr = run(rate(Map.of("activation", "relu", "tau_ms", 10.0), 1.0), 1f, 1f, -5f);
        assertArrayEquals(new float[] {0.1f, 0.19f, -0.329f}, tr[0], EPS);
        assertArrayEquals(new float[] {0.1f, 0.19f, 0f}, tr[1], EPS);
    }

    /** sigmoid(7.5 x): r(0) = 0.5; from x_init 0.2 with zero input, x = 0.18, r = 1/(1+exp(-1.35)) = 0.7941296. */
    @Test
    void sigmoidWithSlope() {
        float[][] tr = run(rate(Map.of("activation", "sigmoid", "tau_ms", 10.0, "x_init", 0.2), 1.0), 0f, -1.62f);
        assertArrayEquals(new float[] {0.18f, 0f}, tr[0], EPS);
        assertArrayEquals(new float[] {0.7941296f, 0.5f}, tr[1], EPS);
    }

    /** tanh: alpha 0.1 and input 5 give x = 0.5, r = tanh(0.5) = 0.46211716. */
    @Test
    void tanhOfTheState() {
        float[][] tr = run(rate(Map.of("activation", "tanh", "tau_ms", 10.0), 1.0), 5f);
        assertEquals(0.5f, tr[0][0], EPS);
        assertEquals(0.46211716f, tr[1][0], EPS);
    }

    /**
     * torch softplus(beta=2): at x = 0.5, log(1 + e) / 2 = 0.65663085; at x = 11, beta x = 22 exceeds
     * torch's threshold 20 and the output is x itself.
     */
    @Test
    void softplusFollowsTorch() {
        NeuronDynamics d = rate(Map.of("activation", "softplus", "beta", 2.0, "tau_ms", 1.0), 1.0);
        float[][] tr = run(d, 0.5f, 11f);
        assertArrayEquals(new float[] {0.5f, 11f}, tr[0], EPS);
        assertArrayEquals(new float[] {0.65663085f, 11f}, tr[1], EPS);
    }

    /**
     * Backward through one step, alpha 0.1, dL/dr = 1, dL/dx(after) = 0.5:
     * g = 0.5 + f'(x); dL/dI = 0.1 g; dL/dx(before) = 0.9 g.
     */
    @Test
    void backwardIsTheExactVectorJacobianProduct() {
        // tanh at x = 0.9 * 0.2 + 0.1 * 3.2 = 0.5: f' = 1 - tanh(0.5)^2 = 0.7864477
        float[] g = backward(rate(Map.of("activation", "tanh", "tau_ms", 10.0), 1.0), 0.2f, 3.2f, 1f, 0.5f);
        assertEquals(0.1f * (0.5f + 0.7864477f), g[0], EPS);
        assertEquals(0.9f * (0.5f + 0.7864477f), g[1], EPS);
        // sigmoid(7.5 x) at x = 0: f' = 7.5 / 4 = 1.875
        g = backward(rate(Map.of("activation", "sigmoid", "tau_ms", 10.0), 1.0), 0f, 0f, 1f, 0.5f);
        assertEquals(0.1f * 2.375f, g[0], EPS);
        assertEquals(0.9f * 2.375f, g[1], EPS);
        // relu below zero: only the state gradient flows
        g = backward(rate(Map.of("activation", "relu", "tau_ms", 10.0), 1.0), -1f, 0f, 1f, 0.5f);
        assertEquals(0.05f, g[0], EPS);
        assertEquals(0.45f, g[1], EPS);
        // softplus beta 2 at x = 0.5: f' = sigmoid(1) = 0.7310586
        g = backward(rate(Map.of("activation", "softplus", "beta", 2.0, "tau_ms", 10.0), 1.0), 0.5f, 0.5f, 1f, 0f);
        assertEquals(0.1f * 0.7310586f, g[0], EPS);
        assertEquals(0.9f * 0.7310586f, g[1], EPS);
    }

    @Test
    void rejectsTauShorterThanTheStepNamingTheParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> rate(Map.of("tau_ms", 5.0), 10.0));
        assertTrue(e.getMessage().startsWith("tau_ms"), e.getMessage());
        assertTrue(e.getMessage().contains("tau_ms >= 10.0"), e.getMessage());
    }

    @Test
    void rejectsUnknownActivation() {
        RateNeuronModel m = new RateNeuronModel();
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("rate", m.parameters(), Map.of("activation", "gelu")));
        assertTrue(e.getMessage().contains("relu|sigmoid|tanh|softplus"), e.getMessage());
    }
}
