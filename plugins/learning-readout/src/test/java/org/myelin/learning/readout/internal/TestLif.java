package org.myelin.learning.readout.internal;

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

/**
 * A small LIF written for these tests, following snnTorch's {@code Leaky} defaults (the same
 * convention as the {@code lif} plugin's defaults): {@code v' = beta v + I - theta H(v - theta)},
 * spike {@code H(v' - theta)} with {@code H(x) = x > 0}. Forward only: the readout never
 * back-propagates, so {@link #backward} refuses.
 */
final class TestLif implements NeuronModel {

    static final TestLif INSTANCE = new TestLif();

    @Override
    public String id() {
        return "test-lif";
    }

    @Override
    public String description() {
        return "snnTorch-style LIF for the readout tests";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.ofDouble("beta", 0.9, "", 0.0, 1.0, "membrane retention per step"),
                ParameterSpec.ofDouble("threshold", 1.0, "", 0.0, null, "firing threshold"));
    }

    /**
     * @param beta retention per step
     * @param threshold firing threshold
     * @return validated parameters for {@link #create}
     */
    Parameters params(double beta, double threshold) {
        return Parameters.resolve("test", parameters(), java.util.Map.of("beta", beta, "threshold", threshold));
    }

    @Override
    public NeuronDynamics create(Parameters params, int size, double dtMs) {
        float beta = (float) params.getDouble("beta");
        float threshold = (float) params.getDouble("threshold");
        return new NeuronDynamics() {
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
                return Optional.of(new NeuronConventions(LeakDiscretisation.EXACT_EXP, ResetMechanism.SUBTRACT, ResetTiming.NEXT_STEP,
                        ThresholdComparison.GT, true, false, new Surrogate(SurrogateKind.ATAN, 2.0)));
            }

            @Override
            public void initState(float[][] state, int fromRow, int toRow) {
                java.util.Arrays.fill(state[0], fromRow * size, toRow * size, 0f);
            }

            @Override
            public void forward(ForwardStep step) {
                float[] v = step.stateIn()[0];
                float[] u = step.stateOut()[0];
                float[] in = step.input();
                float[] out = step.output();
                for (int i = step.fromRow() * size; i < step.toRow() * size; i++) {
                    float reset = v[i] > threshold ? threshold : 0f;
                    u[i] = beta * v[i] + in[i] - reset;
                    out[i] = u[i] > threshold ? 1f : 0f;
                }
            }

            @Override
            public void backward(BackwardStep step) {
                throw new UnsupportedOperationException("the readout tests never back-propagate");
            }
        };
    }
}
