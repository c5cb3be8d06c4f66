package org.myelin.testkit.neuron;

import java.util.List;
import java.util.Optional;

import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.LeakDiscretisation;
import org.myelin.api.neuron.NeuronConventions;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.neuron.NeuronModel;
import org.myelin.api.neuron.ResetMechanism;
import org.myelin.api.neuron.ResetTiming;
import org.myelin.api.neuron.Surrogate;
import org.myelin.api.neuron.SurrogateKind;
import org.myelin.api.neuron.ThresholdComparison;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * A minimal correct neuron for testing the contract: {@code H = beta v + I}, {@code S = H > 1},
 * {@code v' = H - S} (same-step subtract, reset detached), fast_sigmoid surrogate, trainable
 * shared beta. A {@link Flaw} plants one specific bug.
 */
@Component(service = NeuronModel.class, property = {"myelin.id=toy-leaky", "myelin.kind=neuron"})
public class ToyLeakyNeuron implements NeuronModel {

    /** The bug to plant. */
    public enum Flaw {
        /** None: the model is correct. */
        NONE,
        /** The backward forgets the leak factor on the state gradient. */
        LEAK_DROPPED_IN_BACKWARD,
        /** The backward uses twice the declared surrogate slope. */
        SURROGATE_SLOPE_DOUBLED,
        /** The beta gradient has the wrong sign. */
        BETA_GRADIENT_SIGN,
        /** The forward processes every row of the batch, not only [fromRow, toRow). */
        WRITES_OUTSIDE_ROWS,
        /** The forward drifts with the number of calls. */
        REMEMBERS_CALLS,
        /** initState fills the whole array. */
        INIT_IGNORES_ROWS,
        /** The beta default lies outside its declared range. */
        DEFAULT_OUT_OF_RANGE
    }

    private final Flaw flaw;

    /** @param flaw the bug to plant, or {@link Flaw#NONE} */
    public ToyLeakyNeuron(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public String id() {
        return "toy-leaky";
    }

    @Override
    public String description() {
        return "Leaky integrator with same-step subtract reset, for the contract's own tests.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.ofDouble("beta", flaw == Flaw.DEFAULT_OUT_OF_RANGE ? 1.5 : 0.8, "", 0.0, 1.0, "leak per step"),
                ParameterSpec.ofDouble("slope", 25.0, "", 1.0, null, "fast_sigmoid slope"));
    }

    @Override
    public NeuronDynamics create(Parameters params, int size, double dtMs) {
        return new Dynamics(size, (float) params.getDouble("beta"), params.getDouble("slope"));
    }

    private final class Dynamics implements NeuronDynamics {
        private final int size;
        private final float[] beta;
        private final Surrogate surrogate;
        private final Surrogate used;
        private int calls;

        Dynamics(int size, float beta, double slope) {
            this.size = size;
            this.beta = new float[] {beta};
            this.surrogate = new Surrogate(SurrogateKind.FAST_SIGMOID, slope);
            this.used = flaw == Flaw.SURROGATE_SLOPE_DOUBLED ? new Surrogate(SurrogateKind.FAST_SIGMOID, 2 * slope) : surrogate;
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
            return Optional.of(new NeuronConventions(LeakDiscretisation.EXACT_EXP, ResetMechanism.SUBTRACT, ResetTiming.SAME_STEP,
                    ThresholdComparison.GT, true, false, surrogate));
        }

        @Override
        public void initState(float[][] state, int fromRow, int toRow) {
            int from = flaw == Flaw.INIT_IGNORES_ROWS ? 0 : fromRow * size;
            int to = flaw == Flaw.INIT_IGNORES_ROWS ? state[0].length : toRow * size;
            for (int i = from; i < to; i++) {
                state[0][i] = 0f;
            }
        }

        @Override
        public void forward(ForwardStep step) {
            float drift = flaw == Flaw.REMEMBERS_CALLS ? 1e-3f * calls++ : 0f;
            int from = flaw == Flaw.WRITES_OUTSIDE_ROWS ? 0 : step.fromRow() * size;
            int to = flaw == Flaw.WRITES_OUTSIDE_ROWS ? step.input().length : step.toRow() * size;
            for (int i = from; i < to; i++) {
                float h = beta[0] * step.stateIn()[0][i] + step.input()[i] + drift;
                boolean s = h > 1f;
                step.stateOut()[0][i] = s ? h - 1f : h;
                step.output()[i] = s ? 1f : 0f;
            }
        }

        @Override
        public void backward(BackwardStep step) {
            double gBeta = 0;
            for (int i = step.fromRow() * size; i < step.toRow() * size; i++) {
                float x = step.stateIn()[0][i];
                float h = beta[0] * x + step.input()[i];
                float gh = step.gradStateOut()[0][i] + step.gradOutput()[i] * (float) used.derivative(h - 1f);
                step.gradInput()[i] = gh;
                step.gradStateIn()[0][i] = flaw == Flaw.LEAK_DROPPED_IN_BACKWARD ? gh : beta[0] * gh;
                gBeta += (double) gh * x;
            }
            step.gradParams()[0][0] += (float) (flaw == Flaw.BETA_GRADIENT_SIGN ? -gBeta : gBeta);
        }

        @Override
        public List<String> trainableParameters() {
            return List.of("beta");
        }

        @Override
        public float[] parameterValues(String name) {
            if ("beta".equals(name)) {
                return beta;
            }
            throw new IllegalArgumentException("no trainable parameter '" + name + "'");
        }
    }
}
