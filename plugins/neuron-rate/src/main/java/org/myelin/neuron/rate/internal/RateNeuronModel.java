package org.myelin.neuron.rate.internal;

import java.util.List;
import java.util.Locale;

import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.neuron.NeuronModel;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code rate} neuron model: leaky continuous-time rate units for the single-unit
 * activation studies of Tolmachev &amp; Engel (2025; science/snn.md section 6(a)). Each unit
 * integrates its input current with {@code alpha = dt / tau} and outputs {@code r = f(x)} with
 * {@code f} one of relu, sigmoid (with a slope), tanh or softplus (with torch's beta); the
 * equations are in {@link RateDynamics}.
 *
 * <p>The default {@code tau_ms = 100} is the trainRNNbrain setting {@code tau = 10 dt} at a
 * 10 ms step ({@code alpha = 0.1}). trainRNNbrain applies {@code f} to the recurrent input
 * ({@code tau dx/dt = -x + f(W x + u)}); this model integrates first and applies {@code f} to
 * the state ({@code tau dx/dt = -x + W r + u}, {@code r = f(x)}), the other common form of the
 * same network family.
 */
@Component(service = NeuronModel.class, property = {"myelin.id=rate", "myelin.kind=neuron"})
public final class RateNeuronModel implements NeuronModel {

    static final String ACTIVATION = "activation";
    static final String TAU_MS = "tau_ms";
    static final String SLOPE = "slope";
    static final String BETA = "beta";
    static final String X_INIT = "x_init";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.ofEnum(ACTIVATION, "relu", "single-unit non-linearity r = f(x)", "relu", "sigmoid", "tanh",
                    "softplus"),
            ParameterSpec.ofDouble(TAU_MS, 100.0, "ms", 1e-6, null,
                    "time constant of the leaky integration; alpha = dt / tau_ms must be at most 1"),
            ParameterSpec.ofDouble(SLOPE, 7.5, "", 1e-6, null,
                    "sigmoid slope k in 1 / (1 + exp(-k x)) (7.5 in Tolmachev & Engel 2025); sigmoid only"),
            ParameterSpec.ofDouble(BETA, 1.0, "", 1e-6, null,
                    "softplus beta in log(1 + exp(beta x)) / beta, as torch.nn.Softplus; softplus only"),
            ParameterSpec.ofDouble(X_INIT, 0.0, "", null, null, "initial state x of every unit"));

    /** Creates the component; DS calls this. */
    public RateNeuronModel() {
        // stateless: every population gets its own RateDynamics
    }

    @Override
    public String id() {
        return "rate";
    }

    @Override
    public String description() {
        return "Leaky continuous-time rate units r = f(x) with relu, sigmoid, tanh or softplus, alpha = dt/tau (Tolmachev & Engel 2025).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /**
     * Builds the dynamics with {@code alpha = dtMs / tau_ms}.
     *
     * @throws InvalidParameterException when {@code tau_ms < dt}, which would give {@code alpha > 1}
     * @throws IllegalArgumentException for a non-positive size or time step
     */
    @Override
    public NeuronDynamics create(Parameters params, int size, double dtMs) {
        if (size <= 0) {
            throw new IllegalArgumentException("population size must be positive, got " + size);
        }
        if (!(dtMs > 0) || !Double.isFinite(dtMs)) {
            throw new IllegalArgumentException("time step must be a positive number of ms, got " + dtMs);
        }
        double tau = params.getDouble(TAU_MS);
        if (tau < dtMs) {
            throw new InvalidParameterException(TAU_MS, "tau_ms = " + tau + " ms is shorter than the time step " + dtMs
                    + " ms, so alpha = dt / tau = " + (dtMs / tau) + " > 1 and the Euler step overshoots",
                    "use tau_ms >= " + dtMs);
        }
        Activation f = Activation.valueOf(params.getString(ACTIVATION).toUpperCase(Locale.ROOT));
        double shape = f == Activation.SIGMOID ? params.getDouble(SLOPE) : f == Activation.SOFTPLUS ? params.getDouble(BETA) : 1;
        return new RateDynamics(size, f, (float) shape, (float) (dtMs / tau), (float) params.getDouble(X_INIT));
    }
}
