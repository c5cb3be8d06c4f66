package org.myelin.neuron.lif.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelin.neuron.lif.internal.LifTraces.backward;
import static org.myelin.neuron.lif.internal.LifTraces.lif;
import static org.myelin.neuron.lif.internal.LifTraces.run;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.myelin.api.neuron.LeakDiscretisation;
import org.myelin.api.neuron.NeuronConventions;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.neuron.ResetMechanism;
import org.myelin.api.neuron.ResetTiming;
import org.myelin.api.neuron.Surrogate;
import org.myelin.api.neuron.SurrogateKind;
import org.myelin.api.neuron.ThresholdComparison;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.Parameters;

/**
 * Forward traces and backward values derived by hand from science/snn.md section 0 and
 * fixtures/bptt/README.md; each test names the equation and library it reproduces.
 */
class LifNeuronModelTest {

    private static final float EPS = 1e-6f;

    @Test
    void defaultsAreSnnTorchLeaky() {
        NeuronConventions c = lif(Map.of("beta", 0.9)).conventions().orElseThrow();
        assertEquals(new NeuronConventions(LeakDiscretisation.EXACT_EXP, ResetMechanism.SUBTRACT, ResetTiming.NEXT_STEP,
                ThresholdComparison.GT, true, false, new Surrogate(SurrogateKind.ATAN, 2)), c);
        assertEquals(List.of(), lif(Map.of()).trainableParameters());
        assertEquals(List.of("v"), lif(Map.of()).stateNames());
    }

    /** snnTorch Leaky(beta=0.9): U[t] = 0.9 U[t-1] + I[t] - R[t], R[t] = H(U[t-1] - 1) (snn.md 0.1). */
    @Test
    void snnTorchSubtractResetAppliesAtTheNextStep() {
        float[][] tr = run(lif(Map.of("beta", 0.9)), 0.6f, 0.6f, 0.6f);
        // U0 = 0.6; U1 = 0.54 + 0.6 = 1.14 fires; U2 = 0.9 * 1.14 + 0.6 - 1 = 0.626
        assertArrayEquals(new float[] {0.6f, 1.14f, 0.626f}, tr[0], EPS);
        assertArrayEquals(new float[] {0f, 1f, 0f}, tr[1]);
    }

    /** snnTorch reset_mechanism="zero": U[t] = 0.9 (1 - R[t]) U[t-1] + I[t] (snn.md 0.1). */
    @Test
    void snnTorchZeroResetStillIntegratesTheInputOfTheResetStep() {
        float[][] tr = run(lif(Map.of("beta", 0.9, "reset", "zero")), 0.6f, 0.6f, 0.6f);
        assertArrayEquals(new float[] {0.6f, 1.14f, 0.6f}, tr[0], EPS);
        assertArrayEquals(new float[] {0f, 1f, 0f}, tr[1]);
    }

    /** reset=none: pure leaky integration, the neuron keeps firing above threshold. */
    @Test
    void noResetIsPureLeakyIntegration() {
        float[][] tr = run(lif(Map.of("beta", 0.5, "reset", "none")), 1.0f, 1.0f, 0.0f);
        // 1.0; 0.5 + 1 = 1.5 fires; 0.75
        assertArrayEquals(new float[] {1.0f, 1.5f, 0.75f}, tr[0], EPS);
        assertArrayEquals(new float[] {0f, 1f, 0f}, tr[1]);
    }

    /** Same-step subtract (fixtures same_step; snnTorch reset_delay=False): H = 0.9 U + I, U = H - S. */
    @Test
    void sameStepSubtractResetsInTheSpikingStep() {
        float[][] tr = run(lif(Map.of("beta", 0.9, "reset_timing", "same_step")), 0.6f, 0.6f, 0.6f);
        // H1 = 1.14 fires, U1 = 0.14; U2 = 0.126 + 0.6 = 0.726
        assertArrayEquals(new float[] {0.6f, 0.14f, 0.726f}, tr[0], EPS);
        assertArrayEquals(new float[] {0f, 1f, 0f}, tr[1]);
    }

    /**
     * SpikingJelly LIFNode(tau=2, decay_input=True, v_reset=0): H = V + (X - V) / 2, fire on H >= 1,
     * hard reset (snn.md 0.3). The third step lands exactly on the threshold: >= fires, > does not.
     */
    @Test
    void spikingJellyDecayInputFiresOnEqualityWithGe() {
        Map<String, Object> sj = Map.of("tau_ms", 2.0, "discretisation", "euler", "decay_input", true, "reset", "zero",
                "reset_timing", "same_step", "fire", "ge", "surrogate", "sigmoid", "slope", 4.0);
        float[][] ge = run(lif(sj), 1.0f, 1.0f, 1.25f);
        // H0 = 0.5, H1 = 0.5 + 0.25 = 0.75, H2 = 0.75 + (1.25 - 0.75) / 2 = 1.0
        assertArrayEquals(new float[] {0.5f, 0.75f, 0f}, ge[0], 0f);
        assertArrayEquals(new float[] {0f, 0f, 1f}, ge[1]);
        Map<String, Object> gt = new java.util.HashMap<>(sj);
        gt.put("fire", "gt");
        float[][] strict = run(lif(gt), 1.0f, 1.0f, 1.25f);
        assertArrayEquals(new float[] {0.5f, 0.75f, 1.0f}, strict[0], 0f);
        assertArrayEquals(new float[] {0f, 0f, 0f}, strict[1]);
    }

    /** SpikingJelly hard reset to v_reset = -0.5: leak towards and reset to -0.5, initial V = -0.5 (snn.md 0.3). */
    @Test
    void spikingJellyLeaksTowardsANonZeroResetValue() {
        NeuronDynamics d = lif(Map.of("beta", 0.5, "decay_input", true, "reset", "zero", "v_reset", -0.5,
                "reset_timing", "same_step", "fire", "ge"));
        float[][] tr = run(d, 2.5f, 2.5f);
        // H0 = -0.5 + (2.5 - 0) / 2 = 0.75; H1 = 0.75 + (2.5 - (0.75 + 0.5)) / 2 = 1.375 fires -> -0.5
        assertArrayEquals(new float[] {0.75f, -0.5f}, tr[0], EPS);
        assertArrayEquals(new float[] {0f, 1f}, tr[1]);
    }

    /**
     * Norse lif_feed_forward_step membrane with the input as the current: v = v + dt/tau (-v + I),
     * tau = 10 ms, dt = 1 ms, reset to 0 in the same step (snn.md 0.2).
     */
    @Test
    void norseEulerWithTauMs() {
        NeuronDynamics d = lif(Map.of("tau_ms", 10.0, "discretisation", "euler", "decay_input", true, "reset", "zero",
                "reset_timing", "same_step", "surrogate", "superspike", "detach_reset", false));
        float[][] tr = run(d, 5f, 5f, 5f);
        // 0.5; 0.45 + 0.5 = 0.95; 0.855 + 0.5 = 1.355 fires -> 0
        assertArrayEquals(new float[] {0.5f, 0.95f, 0f}, tr[0], EPS);
        assertArrayEquals(new float[] {0f, 0f, 1f}, tr[1]);
        assertEquals(new Surrogate(SurrogateKind.SUPERSPIKE, 100), d.conventions().orElseThrow().surrogate());
        assertEquals(LeakDiscretisation.FORWARD_EULER, d.conventions().orElseThrow().leak());
    }

    /** beta = exp(-dt / tau) for discretisation=exact, and tau_ms wins over beta. */
    @Test
    void exactDiscretisationUsesTheExponential() {
        float[][] tr = run(lif(Map.of("beta", 0.1, "tau_ms", 20.0), 2.0), 0.5f, 0f);
        assertEquals(0.5f, tr[0][0], EPS);
        assertEquals((float) (0.5 * Math.exp(-0.1)), tr[0][1], EPS);
    }

    /** snnTorch ATan(2): dS/dU = 1 / (1 + (pi/2 * 2 * (U - 1))^2); detached next-step reset. */
    @Test
    void backwardOfTheDefaultUsesTheAtanSurrogate() {
        // v = 0.5, I = 0.3: U = 0.75, x = -0.25, sg = 1 / (1 + (pi/4)^2) = 0.61848646, dL/dU = 0.5 + sg
        float[] g = backward(lif(Map.of("beta", 0.9)), 0.5f, 0.3f, 1f, 0.5f, new float[0][]);
        assertEquals(1.11848646f, g[0], 1e-6f);
        assertEquals(0.9f * 1.11848646f, g[1], 1e-6f);
    }

    /** Fixture semantics, next_step subtract, R = S[t-1] not detached: dU[t]/dU[t-1] = beta - theta sg(U[t-1] - theta). */
    @Test
    void undetachedNextStepResetAddsTheSurrogateOfThePreviousMembrane() {
        Map<String, Object> p = Map.of("beta", 0.9, "detach_reset", false);
        // v = 1.2 (spiked), sg(0.2) = 1 / (1 + (0.2 pi)^2) = 0.7169568
        float[] g = backward(lif(p), 1.2f, 0.1f, 0f, 1f, new float[0][]);
        assertEquals(1f, g[0], 1e-6f);
        assertEquals(0.9f - 0.7169568f, g[1], 1e-6f);
        float[] detached = backward(lif(Map.of("beta", 0.9)), 1.2f, 0.1f, 0f, 1f, new float[0][]);
        assertEquals(0.9f, detached[1], 1e-6f);
    }

    /**
     * Fixture semantics, next_step zero reset, not detached: U = beta (1 - R) U[t-1] + I, so
     * dU/dU[t-1] = beta (1 - R) - beta U[t-1] sg(U[t-1] - theta).
     */
    @Test
    void undetachedZeroResetDifferentiatesTheResetFactor() {
        float[] g = backward(lif(Map.of("beta", 0.9, "reset", "zero", "detach_reset", false)), 1.2f, 0.1f, 0f, 1f,
                new float[0][]);
        assertEquals(-0.9f * 1.2f * 0.7169568f, g[1], 1e-6f);
    }

    /**
     * Same-step subtract with fast_sigmoid(25), learned beta and threshold: v = 0.5, I = 0.6, H = 1.05
     * fires, U = 0.05; sg = 1 / (25 * 0.05 + 1)^2 = 0.19753086. With dL/dU = 1, dL/dS = 1:
     * dL/dH = 1 + sg, dL/dbeta = dL/dH * v, dL/dtheta = -S - sg (reset detached).
     */
    @Test
    void learnedBetaAndThresholdAccumulateTheirGradients() {
        NeuronDynamics d = lif(Map.of("beta", 0.9, "reset_timing", "same_step", "surrogate", "fast_sigmoid",
                "learn_beta", true, "learn_threshold", true));
        assertEquals(List.of("beta", "threshold"), d.trainableParameters());
        float[][] gp = {{0.25f}, {0f}};
        float[] g = backward(d, 0.5f, 0.6f, 1f, 1f, gp);
        float sg = 0.19753086f;
        assertEquals(1f + sg, g[0], 1e-6f);
        assertEquals(0.9f * (1f + sg), g[1], 1e-6f);
        assertEquals(0.25f + 0.5f * (1f + sg), gp[0][0], 1e-6f);
        assertEquals(-1f - sg, gp[1][0], 1e-6f);
        d.parameterValues("beta")[0] = 0.5f;
        assertEquals(0.5f * 0.6f + 0.6f, run(d, 0.6f, 0.6f)[0][1], EPS);
    }

    /**
     * Same-step subtract, reset not detached (SpikingJelly detach_reset=False): U = H - theta S(H), so
     * dU/dH = 1 - theta sg(H - theta); v = 0.5, I = 0.6, H = 1.05, fast_sigmoid(25) sg = 0.19753086.
     */
    @Test
    void undetachedSameStepResetSubtractsTheSurrogateFromTheIdentity() {
        NeuronDynamics d = lif(Map.of("beta", 0.9, "reset_timing", "same_step", "surrogate", "fast_sigmoid",
                "detach_reset", false));
        float[] g = backward(d, 0.5f, 0.6f, 0f, 1f, new float[0][]);
        assertEquals(1f - 0.19753086f, g[0], 1e-6f);
        assertEquals(0.9f * (1f - 0.19753086f), g[1], 1e-6f);
    }

    /** snnTorch clamps beta to [0, 1]; a learned beta pushed above 1 integrates as beta = 1 and gets no gradient. */
    @Test
    void learnedBetaIsClampedLikeSnnTorch() {
        NeuronDynamics d = lif(Map.of("learn_beta", true));
        d.parameterValues("beta")[0] = 1.3f;
        assertArrayEquals(new float[] {0.4f, 0.8f}, run(d, 0.4f, 0.4f)[0], EPS);
        float[][] gp = {{0f}};
        backward(d, 0.2f, 0.1f, 0f, 1f, gp);
        assertEquals(0f, gp[0][0]);
    }

    @Test
    void rejectsOutOfRangeAndUnknownParameters() {
        LifNeuronModel m = new LifNeuronModel();
        InvalidParameterException beta = assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("layer", m.parameters(), Map.of("beta", 1.5)));
        assertTrue(beta.getMessage().contains("beta"), beta.getMessage());
        InvalidParameterException reset = assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("layer", m.parameters(), Map.of("reset", "hard")));
        assertTrue(reset.getMessage().contains("subtract|zero|none"), reset.getMessage());
        InvalidParameterException unknown = assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("layer", m.parameters(), Map.of("tau", 5)));
        assertTrue(unknown.getMessage().contains("tau_ms"), unknown.getMessage());
        assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("layer", m.parameters(), Map.of("slope", -1)));
    }

    @Test
    void eulerRejectsATimeConstantShorterThanTheStep() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> lif(Map.of("tau_ms", 0.5, "discretisation", "euler"), 1.0));
        assertTrue(e.getMessage().contains("tau_ms"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new LifNeuronModel().create(Parameters.resolve("l", new LifNeuronModel().parameters(), Map.of()), 0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> lif(Map.of()).parameterValues("beta"));
    }
}
