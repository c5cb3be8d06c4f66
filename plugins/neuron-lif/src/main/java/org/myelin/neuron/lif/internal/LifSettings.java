package org.myelin.neuron.lif.internal;

import java.util.List;

import org.myelin.api.neuron.LeakDiscretisation;
import org.myelin.api.neuron.ResetMechanism;
import org.myelin.api.neuron.ResetTiming;
import org.myelin.api.neuron.Surrogate;
import org.myelin.api.neuron.ThresholdComparison;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;

/**
 * The membrane and spike conventions that {@code lif} and {@code alif} share (science/snn.md
 * section 0): their parameter descriptions and their values parsed from validated parameters.
 *
 * @param beta membrane retention per step, derived from {@code tau_ms} when that is set
 * @param threshold firing threshold (the base threshold for {@code alif})
 * @param vReset reset value of {@code reset=zero}
 * @param leak how {@code tau_ms} maps to beta
 * @param reset reset mechanism
 * @param timing when the reset applies
 * @param fire spike comparison
 * @param detachReset whether a spike's effect on the state is excluded from the gradient
 * @param decayInput whether the input is scaled by {@code 1 - beta}
 * @param surrogate surrogate derivative
 */
record LifSettings(float beta, float threshold, float vReset, LeakDiscretisation leak, ResetMechanism reset,
        ResetTiming timing, ThresholdComparison fire, boolean detachReset, boolean decayInput, Surrogate surrogate) {

    static final String BETA = "beta";
    static final String TAU_MS = "tau_ms";
    static final String DISCRETISATION = "discretisation";
    static final String THRESHOLD = "threshold";
    static final String RESET = "reset";
    static final String RESET_TIMING = "reset_timing";
    static final String FIRE = "fire";
    static final String DETACH_RESET = "detach_reset";
    static final String DECAY_INPUT = "decay_input";
    static final String V_RESET = "v_reset";
    static final String SURROGATE = "surrogate";
    static final String SLOPE = "slope";

    /** The shared parameter descriptions, in documentation order. */
    static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.ofDouble(BETA, 0.9, "", 0.0, 1.0,
                    "membrane retention per time step (snnTorch beta); ignored when tau_ms is set"),
            ParameterSpec.ofDouble(TAU_MS, 0.0, "ms", 0.0, null,
                    "membrane time constant; when > 0 it sets beta from dt and discretisation (0 = use beta)"),
            ParameterSpec.ofEnum(DISCRETISATION, "exact",
                    "how tau_ms maps to beta: exact = exp(-dt/tau) (snnTorch, hxtorch), euler = 1 - dt/tau (Norse, SpikingJelly)",
                    "exact", "euler"),
            ParameterSpec.ofDouble(THRESHOLD, 1.0, "", 0.0, null, "firing threshold of the membrane"),
            ParameterSpec.ofEnum(RESET, "subtract",
                    "after a spike: subtract the threshold, set the membrane to v_reset (zero), or none", "subtract", "zero",
                    "none"),
            ParameterSpec.ofEnum(RESET_TIMING, "next_step",
                    "next_step: reset from the previous membrane (snnTorch reset_delay=True); same_step: Norse, SpikingJelly",
                    "next_step", "same_step"),
            ParameterSpec.ofEnum(FIRE, "gt", "spike when v > threshold (gt: snnTorch, Norse) or v >= threshold (ge: SpikingJelly)",
                    "gt", "ge"),
            ParameterSpec.ofBoolean(DETACH_RESET, true,
                    "exclude the reset from the gradient (snnTorch always; SpikingJelly detach_reset)"),
            ParameterSpec.ofBoolean(DECAY_INPUT, false,
                    "scale the input by 1 - beta (SpikingJelly decay_input=True, Norse's dt/tau)"),
            ParameterSpec.ofDouble(V_RESET, 0.0, "", null, null,
                    "reset value for reset=zero, which is also the initial and resting membrane then (SpikingJelly)"),
            ParameterSpec.ofEnum(SURROGATE, "atan",
                    "surrogate derivative of the spike in the backward pass", "atan", "fast_sigmoid", "sigmoid", "triangle",
                    "superspike"),
            ParameterSpec.ofDouble(SLOPE, 0.0, "", 0.0, null,
                    "surrogate slope; 0 = family default: atan 2, fast_sigmoid 25, sigmoid 25 (snnTorch), triangle 1, superspike 100 (Norse)"));

    /**
     * Parses the shared conventions. When {@code tau_ms > 0}, beta is derived from {@code dtMs}.
     *
     * @param params validated parameters that include {@link #SPECS}
     * @param size population size
     * @param dtMs time step in ms
     * @return the settings
     * @throws InvalidParameterException when euler discretisation would give a negative beta
     * @throws IllegalArgumentException for a non-positive size or time step
     */
    static LifSettings of(Parameters params, int size, double dtMs) {
        if (size <= 0) {
            throw new IllegalArgumentException("population size must be positive, got " + size);
        }
        if (!(dtMs > 0) || !Double.isFinite(dtMs)) {
            throw new IllegalArgumentException("time step must be a positive number of ms, got " + dtMs);
        }
        LeakDiscretisation leak = "euler".equals(params.getString(DISCRETISATION))
                ? LeakDiscretisation.FORWARD_EULER : LeakDiscretisation.EXACT_EXP;
        double tau = params.getDouble(TAU_MS);
        double beta = params.getDouble(BETA);
        if (tau > 0) {
            if (leak == LeakDiscretisation.EXACT_EXP) {
                beta = Math.exp(-dtMs / tau);
            } else {
                if (tau < dtMs) {
                    throw new InvalidParameterException(TAU_MS, "euler discretisation needs tau_ms >= dt (" + dtMs
                            + " ms), got " + tau + " ms, which gives a negative beta", "use discretisation: exact or tau_ms >= " + dtMs);
                }
                beta = 1 - dtMs / tau;
            }
        }
        ResetMechanism reset;
        switch (params.getString(RESET)) {
            case "zero": reset = ResetMechanism.TO_VALUE; break;
            case "none": reset = ResetMechanism.NONE; break;
            default: reset = ResetMechanism.SUBTRACT;
        }
        ResetTiming timing = "same_step".equals(params.getString(RESET_TIMING)) ? ResetTiming.SAME_STEP : ResetTiming.NEXT_STEP;
        ThresholdComparison fire = "ge".equals(params.getString(FIRE)) ? ThresholdComparison.GE : ThresholdComparison.GT;
        Surrogate surrogate = Surrogate.parse(params.getString(SURROGATE));
        double slope = params.getDouble(SLOPE);
        if (slope > 0) {
            surrogate = new Surrogate(surrogate.kind(), slope);
        }
        return new LifSettings((float) beta, (float) params.getDouble(THRESHOLD), (float) params.getDouble(V_RESET), leak, reset,
                timing, fire, params.getBoolean(DETACH_RESET), params.getBoolean(DECAY_INPUT), surrogate);
    }
}
