package org.myelin.testkit.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.myelin.api.PluginKind;
import org.myelin.api.PluginProperties;
import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronConventions;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.neuron.NeuronModel;
import org.myelin.api.neuron.ResetMechanism;
import org.myelin.api.neuron.ResetTiming;
import org.myelin.api.neuron.Surrogate;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;

/**
 * The contract every {@link NeuronModel} plugin satisfies, as JUnit 5 tests. A plugin's test
 * extends this class and implements {@link #model()}; it may override {@link #parameters()} and
 * the other hooks to run the contract on one configuration of the model (extend it once per
 * configuration worth checking).
 *
 * <pre>
 * class LifDefaultsContractTest extends NeuronModelContract {
 *     protected NeuronModel model() { return new LifNeuronModel(); }
 *     protected Map&lt;String, Object&gt; parameters() { return Map.of("beta", 0.9); }
 * }
 * </pre>
 *
 * <p>How the backward pass is checked. A surrogate-gradient backward is not the derivative of
 * the hard-threshold forward, so it cannot be compared with finite differences as a whole. The
 * contract splits it into two checks that are exact:
 * <ul>
 * <li>{@link #backwardMatchesFiniteDifferencesOfTheState()}: with {@code dL/d(output) = 0} and a
 * loss on the state trajectory, the backward must equal central differences of the forward
 * through several steps, with respect to every input and the initial state, at points where
 * the perturbation flips no spike. This holds exactly when the reset is detached from the
 * gradient; for a model that differentiates through its reset, {@link #gradientCheckParameters()}
 * must select a detached configuration.</li>
 * <li>{@link #surrogatePathMatchesTheDeclaredSurrogate()}: one step from the initial state with
 * {@code dL/d(output) = 1} and no state gradient, the input gradient must equal
 * {@code surrogate'(v - threshold) * dv/dI}, where the threshold is located by bisection on the
 * forward pass and {@code dv/dI} by finite differences.</li>
 * </ul>
 * Trainable parameters are checked against finite differences the same way.
 */
public abstract class NeuronModelContract {

    private static final int STEPS = 6;
    private static final int BATCH = 4;
    private static final float SENTINEL = -12345.5f;

    /** For subclasses. */
    protected NeuronModelContract() {
    }

    /**
     * @return the model under test (a new or shared instance; it is only asked to create dynamics)
     */
    protected abstract NeuronModel model();

    /**
     * Raw parameter values of the configuration under test, resolved against
     * {@code model().parameters()} with {@link Parameters#resolve}.
     *
     * @return raw values as a spec would give them; empty for the defaults
     */
    protected Map<String, Object> parameters() {
        return Map.of();
    }

    /**
     * Raw parameter values for the finite-difference checks. They must give a configuration
     * whose reset is detached from the gradient (or that has no reset), because the surrogate
     * terms of an attached reset are not derivatives of the forward pass.
     *
     * @return by default {@link #parameters()}
     */
    protected Map<String, Object> gradientCheckParameters() {
        return parameters();
    }

    /** @return number of neurons of the population under test */
    protected int size() {
        return 5;
    }

    /** @return simulation time step in milliseconds */
    protected double dtMs() {
        return 1.0;
    }

    /**
     * @return a typical input current that makes a neuron fire within a few steps; random inputs
     *         are drawn in {@code [-0.3, 0.9]} times this value
     */
    protected double inputScale() {
        return 1.0;
    }

    /**
     * @param stateNames the model's state variables
     * @return the index of the membrane that is compared with the threshold; by default the one
     *         named {@code v}, else the first
     */
    protected int membraneStateIndex(List<String> stateNames) {
        int i = stateNames.indexOf("v");
        return i >= 0 ? i : 0;
    }

    /** @return the class that carries the DS {@code @Component} annotation; by default the model's class */
    protected Class<?> componentClass() {
        return model().getClass();
    }

    /**
     * Creates dynamics of {@link #size()} neurons from raw parameter values.
     *
     * @param raw raw values, validated against the model's parameter descriptions
     * @return new dynamics
     */
    protected final NeuronDynamics dynamics(Map<String, Object> raw) {
        NeuronModel m = model();
        return m.create(Parameters.resolve(m.id() + ".params", m.parameters(), raw), size(), dtMs());
    }

    /** The id is kebab-case and declared, with the neuron kind, as DS service properties. */
    @Test
    public void declaresIdAndKind() {
        NeuronModel m = model();
        String id = m.id();
        assertNotNull(id, "id()");
        assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), "id '" + id + "' must be kebab-case, e.g. lif or adaptive-lif");
        assertTrue(m.description() != null && !m.description().isBlank(), "description() must say in one sentence what the model does");
        Set<String> constants = ClassFileStrings.of(componentClass());
        String idProperty = PluginProperties.ID + "=" + id;
        String kindProperty = PluginProperties.KIND + "=" + PluginKind.NEURON.property();
        String fix = "annotate " + componentClass().getName() + " with @Component(service = NeuronModel.class, property = {\""
                + idProperty + "\", \"" + kindProperty + "\"})";
        assertTrue(constants.contains(idProperty), "no service property " + idProperty + "; " + fix);
        assertTrue(constants.contains(kindProperty), "no service property " + kindProperty + "; " + fix);
    }

    /** Parameter names are unique snake_case, every doc line is present, every default is valid. */
    @Test
    public void parametersAreWellFormed() {
        List<ParameterSpec> specs = model().parameters();
        assertNotNull(specs, "parameters()");
        Set<String> names = new HashSet<>();
        for (ParameterSpec p : specs) {
            assertTrue(names.add(p.name()), "parameter '" + p.name() + "' is declared twice");
            assertTrue(p.name().matches("[a-z][a-z0-9_]*"), "parameter '" + p.name() + "' must be snake_case");
            assertFalse(p.doc().isBlank(), "parameter '" + p.name() + "' needs a one-line doc");
            if (p.min() != null && p.max() != null) {
                assertTrue(p.min() <= p.max(), "parameter '" + p.name() + "': min " + p.min() + " > max " + p.max());
            }
            if (p.defaultValue() != null) {
                Object coerced;
                try {
                    coerced = p.coerce(p.defaultValue());
                } catch (IllegalArgumentException e) {
                    throw new AssertionError("default of '" + p.name() + "' is invalid: " + e.getMessage(), e);
                }
                assertEquals(p.defaultValue(), coerced, "default of '" + p.name() + "' is not in validated form");
            }
        }
        Parameters.resolve("parameters()", specs, parameters());
        Parameters.resolve("gradientCheckParameters()", specs, gradientCheckParameters());
    }

    /** initState writes the same finite state into its rows only, whatever was there, and restarts a trajectory. */
    @Test
    public void initStateResetsTheState() {
        NeuronDynamics d = dynamics(parameters());
        int n = size();
        assertEquals(n, d.size(), "size()");
        List<String> names = d.stateNames();
        assertFalse(names.isEmpty(), "a neuron has at least one state variable");
        assertEquals(names.size(), new HashSet<>(names).size(), "state names must be unique: " + names);
        float[][] a = filled(names.size(), BATCH * n, 123.25f);
        float[][] b = filled(names.size(), BATCH * n, -77.5f);
        d.initState(a, 1, 3);
        d.initState(b, 1, 3);
        for (int k = 0; k < names.size(); k++) {
            for (int i = 0; i < BATCH * n; i++) {
                int row = i / n;
                if (row == 1 || row == 2) {
                    assertTrue(Float.isFinite(a[k][i]), names.get(k) + "[" + i + "] after initState is " + a[k][i]);
                    assertEquals(a[k][i], b[k][i], 0f, "initState must not depend on the previous content");
                    assertEquals(a[k][n + i % n], a[k][i], 0f, "initState gives rows 1 and 2 different states");
                } else {
                    assertEquals(123.25f, a[k][i], 0f, "initState(state, 1, 3) wrote row " + row);
                }
            }
        }
        float[][] inputs = randomInputs(new SplittableRandom(11), BATCH * n);
        float[][] init = initialState(d, BATCH);
        Trajectory first = Trajectory.run(d, inputs, init, 0, BATCH);
        float[][] reused = copy(first.states[STEPS]);
        d.initState(reused, 0, BATCH);
        for (int k = 0; k < names.size(); k++) {
            assertArrayEquals(init[k], reused[k], "initState after a run must restore the initial " + names.get(k));
        }
        Trajectory second = Trajectory.run(d, inputs, reused, 0, BATCH);
        for (int t = 0; t < STEPS; t++) {
            assertArrayEquals(first.outputs[t], second.outputs[t], "output at step " + t + " after re-initialisation");
        }
    }

    /** Rows [1, 3) computed alone equal the same rows of the full batch, and nothing outside them is written. */
    @Test
    public void rowsAreIndependentOfTheRestOfTheBatch() {
        int n = size();
        SplittableRandom rnd = new SplittableRandom(12);
        float[][] inputs = randomInputs(rnd, BATCH * n);
        float[][] gradOut = randomMatrix(rnd, STEPS, BATCH * n, 1);
        NeuronDynamics full = dynamics(parameters());
        float[][][] stateLoss = randomStateLoss(rnd, full.stateNames().size(), BATCH * n);
        float[][] init = initialState(full, BATCH);
        Trajectory all = Trajectory.run(full, inputs, init, 0, BATCH);
        Gradients gAll = Gradients.of(full, all, gradOut, stateLoss, 0, BATCH);

        NeuronDynamics part = dynamics(parameters());
        Trajectory mid = Trajectory.run(part, outsideRows(inputs, n, 1, 3), outsideRows(init, n, 1, 3), 1, 3);
        Gradients gMid = Gradients.of(part, mid, outsideRows(gradOut, n, 1, 3), outsideRows(stateLoss, n, 1, 3), 1, 3);
        for (int t = 0; t < STEPS; t++) {
            compareRows(all.outputs[t], mid.outputs[t], n, "output at step " + t);
            compareRows(all.states[t + 1], mid.states[t + 1], n, "state after step " + t);
            compareRows(gAll.inputs[t], gMid.inputs[t], n, "input gradient at step " + t);
        }
        compareRows(gAll.initialState, gMid.initialState, n, "initial-state gradient");

        Gradients gHead = Gradients.of(part, Trajectory.run(part, inputs, init, 0, 1), gradOut, stateLoss, 0, 1);
        Gradients gTail = Gradients.of(part, Trajectory.run(part, inputs, init, 3, BATCH), gradOut, stateLoss, 3, BATCH);
        for (int p = 0; p < gAll.params.length; p++) {
            for (int j = 0; j < gAll.params[p].length; j++) {
                double sum = (double) gHead.params[p][j] + gMid.params[p][j] + gTail.params[p][j];
                assertEquals(gAll.params[p][j], sum, 1e-4 * (1 + Math.abs(gAll.params[p][j])),
                        "gradient of " + full.trainableParameters().get(p) + "[" + j + "] summed over row blocks");
            }
        }
    }

    /** Two instances, and two calls on one instance, give bit-identical results. */
    @Test
    public void isDeterministic() {
        int n = size();
        SplittableRandom rnd = new SplittableRandom(13);
        float[][] inputs = randomInputs(rnd, BATCH * n);
        float[][] gradOut = randomMatrix(rnd, STEPS, BATCH * n, 1);
        NeuronDynamics one = dynamics(parameters());
        NeuronDynamics two = dynamics(parameters());
        float[][][] stateLoss = randomStateLoss(rnd, one.stateNames().size(), BATCH * n);
        Trajectory[] runs = {
            Trajectory.run(one, inputs, initialState(one, BATCH), 0, BATCH),
            Trajectory.run(two, inputs, initialState(two, BATCH), 0, BATCH),
            Trajectory.run(one, inputs, initialState(one, BATCH), 0, BATCH)};
        Gradients[] grads = {
            Gradients.of(one, runs[0], gradOut, stateLoss, 0, BATCH),
            Gradients.of(two, runs[1], gradOut, stateLoss, 0, BATCH),
            Gradients.of(one, runs[2], gradOut, stateLoss, 0, BATCH)};
        for (int r = 1; r < runs.length; r++) {
            String which = r == 1 ? "a second instance" : "a second call on the same instance";
            for (int t = 0; t < STEPS; t++) {
                assertArrayEquals(runs[0].outputs[t], runs[r].outputs[t], "output at step " + t + " differs for " + which);
                for (int k = 0; k < runs[0].states[t + 1].length; k++) {
                    assertArrayEquals(runs[0].states[t + 1][k], runs[r].states[t + 1][k], "state after step " + t + " differs for " + which);
                }
                assertArrayEquals(grads[0].inputs[t], grads[r].inputs[t], "input gradient at step " + t + " differs for " + which);
            }
            for (int p = 0; p < grads[0].params.length; p++) {
                assertArrayEquals(grads[0].params[p], grads[r].params[p], "parameter gradient differs for " + which);
            }
        }
    }

    /**
     * With {@code dL/d(output) = 0} (except for rate units, whose output is smooth) and a random
     * linear loss on every state after every step, the backward pass through six steps
     * equals central differences of the forward pass with respect to each input and each
     * initial state value. Coordinates whose perturbation flips a spike are left out; at least
     * half must remain.
     */
    @Test
    public void backwardMatchesFiniteDifferencesOfTheState() {
        NeuronDynamics d = dynamics(gradientCheckParameters());
        requireDetachedReset(d);
        Check check = new Check(d, 21);
        int n = size();
        int batch = 2;
        double eps = 1e-2 * inputScale();
        double maxGrad = 1e-12;
        for (float[] g : check.grads.inputs) {
            maxGrad = Math.max(maxGrad, maxAbs(g));
        }
        for (float[] g : check.grads.initialState) {
            maxGrad = Math.max(maxGrad, maxAbs(g));
        }
        double tol = 2e-3 * Math.max(1, maxGrad);
        int checked = 0;
        int total = 0;
        StringBuilder failures = new StringBuilder();
        for (int t = 0; t < STEPS; t++) {
            for (int i = 0; i < batch * n; i++) {
                total++;
                float[][] plus = copy(check.inputs);
                float[][] minus = copy(check.inputs);
                plus[t][i] = (float) (check.inputs[t][i] + eps);
                minus[t][i] = (float) (check.inputs[t][i] - eps);
                Double fd = check.centralDifference(plus, check.init, minus, check.init, (double) plus[t][i] - minus[t][i]);
                if (fd != null) {
                    checked++;
                    note(failures, "dL/dI[t=" + t + "][" + i + "]", fd, check.grads.inputs[t][i], tol);
                }
            }
        }
        for (int k = 0; k < check.init.length; k++) {
            for (int i = 0; i < batch * n; i++) {
                total++;
                float[][] plus = copy(check.init);
                float[][] minus = copy(check.init);
                plus[k][i] = (float) (check.init[k][i] + eps);
                minus[k][i] = (float) (check.init[k][i] - eps);
                Double fd = check.centralDifference(check.inputs, plus, check.inputs, minus, (double) plus[k][i] - minus[k][i]);
                if (fd != null) {
                    checked++;
                    note(failures, "dL/d" + d.stateNames().get(k) + "[0][" + i + "]", fd, check.grads.initialState[k][i], tol);
                }
            }
        }
        assertTrue(2 * checked >= total, "only " + checked + " of " + total
                + " coordinates could be perturbed without flipping a spike; lower inputScale()");
        if (failures.length() > 0) {
            fail("backward disagrees with central differences of the forward pass (tolerance " + tol + "):" + failures);
        }
    }

    /**
     * Every trainable parameter is live ({@link NeuronDynamics#parameterValues} returns the same
     * array), has length 1 or {@link #size()}, and its accumulated gradient equals central
     * differences of the forward pass; unknown names are rejected.
     */
    @Test
    public void trainableParameterGradientsMatchFiniteDifferences() {
        NeuronDynamics d = dynamics(gradientCheckParameters());
        List<String> names = d.trainableParameters();
        assertEquals(names.size(), new HashSet<>(names).size(), "trainable parameter names must be unique: " + names);
        assertThrows(IllegalArgumentException.class, () -> d.parameterValues("no such parameter"),
                "parameterValues must reject an unknown name");
        for (String name : names) {
            float[] v = d.parameterValues(name);
            assertTrue(v.length == 1 || v.length == size(), name + " has " + v.length + " values; expected 1 or " + size());
            assertSame(v, d.parameterValues(name), "parameterValues(" + name + ") must return the live array");
        }
        if (names.isEmpty()) {
            return;
        }
        requireDetachedReset(d);
        Check check = new Check(d, 22);
        int checked = 0;
        int total = 0;
        StringBuilder failures = new StringBuilder();
        for (int p = 0; p < names.size(); p++) {
            float[] v = d.parameterValues(names.get(p));
            for (int j = 0; j < v.length; j++) {
                total++;
                float original = v[j];
                double eps = 1e-3 * Math.max(1, Math.abs(original));
                float up = (float) (original + eps);
                float down = (float) (original - eps);
                v[j] = up;
                double lossUp = check.lossIfNoFlip(check.inputs, check.init);
                v[j] = down;
                double lossDown = check.lossIfNoFlip(check.inputs, check.init);
                v[j] = original;
                if (!Double.isNaN(lossUp) && !Double.isNaN(lossDown)) {
                    checked++;
                    double fd = (lossUp - lossDown) / ((double) up - down);
                    float vjp = check.grads.params[p][j];
                    note(failures, "dL/d" + names.get(p) + "[" + j + "]", fd, vjp, 1e-2 * Math.max(1, Math.abs(vjp)));
                }
            }
        }
        assertTrue(checked > 0 && 2 * checked >= total, "only " + checked + " of " + total
                + " parameter values could be perturbed without flipping a spike");
        if (failures.length() > 0) {
            fail("parameter gradients disagree with central differences of the forward pass:" + failures);
        }
    }

    /**
     * A spiking model declares its conventions, and one step from the initial state with
     * {@code dL/d(output) = 1} gives {@code dL/dI = surrogate'(v - threshold) * dv/dI} below the
     * threshold (and above it too when the reset waits for the next step, so {@code v} is observable).
     * Rate units declare no conventions.
     */
    @Test
    public void surrogatePathMatchesTheDeclaredSurrogate() {
        NeuronDynamics d = dynamics(parameters());
        if (!d.spiking()) {
            assertTrue(d.conventions().isEmpty(), "rate units declare no spiking conventions");
            return;
        }
        NeuronConventions c = d.conventions().orElse(null);
        assertNotNull(c, "a spiking model must declare its conventions()");
        Surrogate surrogate = c.surrogate();
        int n = size();
        int m = membraneStateIndex(d.stateNames());
        SingleStep probe = new SingleStep(d, m);
        float[] zero = new float[n];
        probe.run(zero);
        for (int j = 0; j < n; j++) {
            assertEquals(0f, probe.output[j], 0f, "neuron " + j + " fires with zero input from its initial state");
        }
        float[] lo = new float[n];
        float[] hi = new float[n];
        Arrays.fill(hi, (float) inputScale());
        for (int doubling = 0; !allFire(probe, hi); doubling++) {
            assertTrue(doubling < 40, "no input up to " + hi[0] + " makes every neuron fire in one step; set inputScale()");
            for (int j = 0; j < n; j++) {
                hi[j] *= 2;
            }
        }
        float[] mid = new float[n];
        for (int iter = 0; iter < 80; iter++) {
            for (int j = 0; j < n; j++) {
                mid[j] = lo[j] + (hi[j] - lo[j]) / 2;
            }
            probe.run(mid);
            for (int j = 0; j < n; j++) {
                if (probe.output[j] != 0f) {
                    hi[j] = mid[j];
                } else {
                    lo[j] = mid[j];
                }
            }
        }
        probe.run(lo);
        float[] threshold = Arrays.copyOf(probe.membrane(), n);
        for (int j = 0; j < n; j++) {
            assertTrue(lo[j] > 0, "neuron " + j + " fires for any positive input; the surrogate check needs a silent start");
        }
        double tolAbs = 1e-4 * surrogate.derivative(0);
        StringBuilder failures = new StringBuilder();
        double[] fractions = c.resetTiming() == ResetTiming.NEXT_STEP
                ? new double[] {-0.3, -0.1, -0.02, -0.002, 0.002, 0.02, 0.1}
                : new double[] {-0.6, -0.3, -0.1, -0.02, -0.002};
        float[] in = new float[n];
        float[] inUp = new float[n];
        float[] inDown = new float[n];
        for (double f : fractions) {
            for (int j = 0; j < n; j++) {
                in[j] = (float) (lo[j] * (1 + f));
                inUp[j] = (float) (in[j] + 1e-3 * lo[j]);
                inDown[j] = (float) (in[j] - 1e-3 * lo[j]);
            }
            probe.run(inUp);
            float[] vUp = Arrays.copyOf(probe.membrane(), n);
            float[] sUp = Arrays.copyOf(probe.output, n);
            probe.run(inDown);
            float[] vDown = Arrays.copyOf(probe.membrane(), n);
            float[] sDown = Arrays.copyOf(probe.output, n);
            probe.run(in);
            float[] v = Arrays.copyOf(probe.membrane(), n);
            float[] gradInput = probe.inputGradient();
            for (int j = 0; j < n; j++) {
                float expectSpike = f > 0 ? 1f : 0f;
                assertEquals(expectSpike, probe.output[j], 0f, "neuron " + j + " at input " + in[j] + " (threshold input " + lo[j] + ")");
                if (sUp[j] != expectSpike || sDown[j] != expectSpike) {
                    continue;
                }
                double dvdi = ((double) vUp[j] - vDown[j]) / ((double) inUp[j] - inDown[j]);
                double expected = surrogate.derivative((double) v[j] - threshold[j]) * dvdi;
                note(failures, "dL/dI[" + j + "] at v - threshold = " + ((double) v[j] - threshold[j]), expected, gradInput[j],
                        tolAbs * Math.abs(dvdi) + 1e-2 * Math.abs(expected));
            }
        }
        if (failures.length() > 0) {
            fail("input gradient of the spike disagrees with " + surrogate + " times dv/dI:" + failures);
        }
    }

    private static boolean allFire(SingleStep probe, float[] input) {
        probe.run(input);
        for (float s : probe.output) {
            if (s == 0f) {
                return false;
            }
        }
        return true;
    }

    private static void requireDetachedReset(NeuronDynamics d) {
        NeuronConventions c = d.conventions().orElse(null);
        if (d.spiking() && c != null && !c.detachReset() && c.reset() != ResetMechanism.NONE) {
            fail("the finite-difference checks need a reset that is detached from the gradient (the surrogate terms of an attached"
                    + " reset are not derivatives of the forward pass); override gradientCheckParameters() to select one");
        }
    }

    private static void note(StringBuilder failures, String what, double expected, double actual, double tol) {
        if (!(Math.abs(expected - actual) <= tol)) {
            failures.append(String.format("%n  %s: expected %.6g, backward gave %.6g", what, expected, actual));
        }
    }

    private static double maxAbs(float[] a) {
        double m = 0;
        for (float x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private float[][] randomInputs(SplittableRandom rnd, int length) {
        float[][] x = new float[STEPS][length];
        for (float[] row : x) {
            for (int i = 0; i < length; i++) {
                row[i] = (float) (inputScale() * (-0.3 + 1.2 * rnd.nextDouble()));
            }
        }
        return x;
    }

    private static float[][] randomMatrix(SplittableRandom rnd, int rows, int length, double scale) {
        float[][] x = new float[rows][length];
        for (float[] row : x) {
            for (int i = 0; i < length; i++) {
                row[i] = (float) (scale * (2 * rnd.nextDouble() - 1));
            }
        }
        return x;
    }

    private static float[][][] randomStateLoss(SplittableRandom rnd, int states, int length) {
        float[][][] w = new float[STEPS][][];
        for (int t = 0; t < STEPS; t++) {
            w[t] = randomMatrix(rnd, states, length, 1);
        }
        return w;
    }

    private static float[][] initialState(NeuronDynamics d, int batch) {
        float[][] s = filled(d.stateNames().size(), batch * d.size(), 0f);
        d.initState(s, 0, batch);
        return s;
    }

    static float[][] filled(int rows, int length, float value) {
        float[][] a = new float[rows][length];
        for (float[] r : a) {
            Arrays.fill(r, value);
        }
        return a;
    }

    static float[][] copy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** A copy with every value outside rows [from, to) replaced by NaN, so reading it shows. */
    private static float[][] outsideRows(float[][] a, int n, int from, int to) {
        float[][] c = copy(a);
        for (float[] r : c) {
            for (int i = 0; i < r.length; i++) {
                if (i / n < from || i / n >= to) {
                    r[i] = Float.NaN;
                }
            }
        }
        return c;
    }

    private static float[][][] outsideRows(float[][][] a, int n, int from, int to) {
        float[][][] c = new float[a.length][][];
        for (int t = 0; t < a.length; t++) {
            c[t] = outsideRows(a[t], n, from, to);
        }
        return c;
    }

    private static void compareRows(float[][] full, float[][] part, int n, String what) {
        for (int k = 0; k < full.length; k++) {
            compareRows(full[k], part[k], n, what + " (state " + k + ")");
        }
    }

    private static void compareRows(float[] full, float[] part, int n, String what) {
        for (int i = 0; i < full.length; i++) {
            int row = i / n;
            if (row == 1 || row == 2) {
                assertEquals(full[i], part[i], 0f, what + " [" + i + "]: rows [1, 3) alone differ from the full batch");
            } else {
                assertEquals(SENTINEL, part[i], 0f, what + " [" + i + "]: a call on rows [1, 3) wrote row " + row);
            }
        }
    }

    /** A forward pass over {@value #STEPS} steps; outputs and states are pre-filled with a sentinel. */
    private static final class Trajectory {
        final float[][] inputs;
        final float[][][] states;
        final float[][] outputs;

        private Trajectory(float[][] inputs, float[][][] states, float[][] outputs) {
            this.inputs = inputs;
            this.states = states;
            this.outputs = outputs;
        }

        static Trajectory run(NeuronDynamics d, float[][] inputs, float[][] init, int from, int to) {
            int len = init[0].length;
            float[][][] states = new float[STEPS + 1][][];
            float[][] outputs = new float[STEPS][];
            states[0] = copy(init);
            for (int t = 0; t < STEPS; t++) {
                states[t + 1] = filled(init.length, len, SENTINEL);
                outputs[t] = new float[len];
                Arrays.fill(outputs[t], SENTINEL);
                d.forward(new ForwardStep(inputs[t], states[t], states[t + 1], outputs[t], from, to));
            }
            return new Trajectory(inputs, states, outputs);
        }
    }

    /** BPTT through a {@link Trajectory}: the loss is {@code sum_t <gradOut[t], S[t]> + <stateLoss[t], state[t+1]>}. */
    private static final class Gradients {
        final float[][] inputs;
        final float[][] initialState;
        final float[][] params;

        private Gradients(float[][] inputs, float[][] initialState, float[][] params) {
            this.inputs = inputs;
            this.initialState = initialState;
            this.params = params;
        }

        static Gradients of(NeuronDynamics d, Trajectory tr, float[][] gradOut, float[][][] stateLoss, int from, int to) {
            int len = tr.inputs[0].length;
            int k = tr.states[0].length;
            List<String> names = d.trainableParameters();
            float[][] params = new float[names.size()][];
            for (int p = 0; p < params.length; p++) {
                params[p] = new float[d.parameterValues(names.get(p)).length];
            }
            float[][] gradInputs = new float[STEPS][];
            float[][] carry = new float[k][len];
            for (int t = STEPS - 1; t >= 0; t--) {
                float[][] gradStateOut = new float[k][len];
                for (int s = 0; s < k; s++) {
                    for (int i = 0; i < len; i++) {
                        gradStateOut[s][i] = stateLoss[t][s][i] + carry[s][i];
                    }
                }
                gradInputs[t] = new float[len];
                Arrays.fill(gradInputs[t], SENTINEL);
                float[][] gradStateIn = filled(k, len, SENTINEL);
                d.backward(new BackwardStep(tr.inputs[t], tr.states[t], tr.outputs[t], gradOut[t], gradStateOut, gradInputs[t],
                        gradStateIn, params, from, to));
                carry = gradStateIn;
            }
            return new Gradients(gradInputs, carry, params);
        }
    }

    /** One base trajectory and its gradients for a finite-difference check on two batch rows. */
    private final class Check {
        final NeuronDynamics d;
        final float[][] inputs;
        final float[][] init;
        final float[][] gradOut;
        final float[][][] stateLoss;
        final Trajectory base;
        final Gradients grads;

        Check(NeuronDynamics d, long seed) {
            this.d = d;
            int batch = 2;
            int len = batch * size();
            SplittableRandom rnd = new SplittableRandom(seed);
            inputs = randomInputs(rnd, len);
            init = initialState(d, batch);
            int m = membraneStateIndex(d.stateNames());
            for (int i = 0; i < len; i++) {
                init[m][i] += (float) (0.2 * inputScale() * (2 * rnd.nextDouble() - 1));
            }
            gradOut = d.spiking() ? new float[STEPS][len] : randomMatrix(rnd, STEPS, len, 1);
            stateLoss = randomStateLoss(rnd, init.length, len);
            base = Trajectory.run(d, inputs, init, 0, batch);
            grads = Gradients.of(d, base, gradOut, stateLoss, 0, batch);
        }

        /** @return the loss of a perturbed run, or NaN when a spike differs from the base run */
        double lossIfNoFlip(float[][] in, float[][] start) {
            Trajectory tr = Trajectory.run(d, in, start, 0, 2);
            double loss = 0;
            for (int t = 0; t < STEPS; t++) {
                if (d.spiking() && !Arrays.equals(tr.outputs[t], base.outputs[t])) {
                    return Double.NaN;
                }
                for (int i = 0; i < tr.outputs[t].length; i++) {
                    loss += (double) gradOut[t][i] * tr.outputs[t][i];
                }
                for (int s = 0; s < start.length; s++) {
                    for (int i = 0; i < start[s].length; i++) {
                        loss += (double) stateLoss[t][s][i] * tr.states[t + 1][s][i];
                    }
                }
            }
            return loss;
        }

        Double centralDifference(float[][] inPlus, float[][] startPlus, float[][] inMinus, float[][] startMinus, double delta) {
            double up = lossIfNoFlip(inPlus, startPlus);
            double down = lossIfNoFlip(inMinus, startMinus);
            if (Double.isNaN(up) || Double.isNaN(down)) {
                return null;
            }
            return (up - down) / delta;
        }
    }

    /** One step of one batch row from the initial state, with its input gradient for {@code dL/d(output) = 1}. */
    private static final class SingleStep {
        final NeuronDynamics d;
        final int membrane;
        final float[][] init;
        final float[][] after;
        final float[] output;
        float[] input;

        SingleStep(NeuronDynamics d, int membrane) {
            this.d = d;
            this.membrane = membrane;
            this.init = initialState(d, 1);
            this.after = new float[init.length][d.size()];
            this.output = new float[d.size()];
        }

        void run(float[] in) {
            input = in.clone();
            d.forward(new ForwardStep(input, init, after, output, 0, 1));
        }

        float[] membrane() {
            return after[membrane];
        }

        float[] inputGradient() {
            int n = d.size();
            float[] gradOut = new float[n];
            Arrays.fill(gradOut, 1f);
            float[] gradIn = new float[n];
            List<String> names = d.trainableParameters();
            float[][] params = new float[names.size()][];
            for (int p = 0; p < params.length; p++) {
                params[p] = new float[d.parameterValues(names.get(p)).length];
            }
            d.backward(new BackwardStep(input, init, output.clone(), gradOut, new float[init.length][n], gradIn,
                    new float[init.length][n], params, 0, 1));
            return gradIn;
        }
    }
}
