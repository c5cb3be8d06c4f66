package org.myelin.learning.readout.internal;

import java.util.List;

import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;

/**
 * The validated parameters of the {@code readout} rule, with their descriptions.
 *
 * @param readout {@code softmax} or {@code ridge}
 * @param epochs full-batch Adam steps of the softmax readout
 * @param learningRate Adam step size
 * @param l2 weight penalty of either readout
 * @param bins time bins per sample
 * @param features which per-bin features: {@code spikes}, {@code membrane} or {@code both}
 * @param finalState whether the last membrane value is appended
 * @param reservoir reservoir defaults for every layer (a layer may override them)
 * @param batchSize samples simulated together
 */
record ReadoutSettings(String readout, int epochs, double learningRate, double l2, int bins, String features,
        boolean finalState, ReservoirSettings reservoir, int batchSize) {

    static final String SOFTMAX = "softmax";
    static final String RIDGE = "ridge";

    /** The parameter descriptions, in documentation order. */
    static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.ofEnum("readout", SOFTMAX,
                    "readout trained on the reservoir features: softmax (logistic regression, Adam) or ridge (closed form)",
                    SOFTMAX, RIDGE),
            ParameterSpec.ofInt("epochs", 300L, "", 1L, 1_000_000L, "full-batch Adam steps of the softmax readout (ridge ignores it)"),
            ParameterSpec.ofDouble("lr", 0.01, "", 1e-9, 10.0, "Adam step size of the softmax readout"),
            ParameterSpec.ofDouble("l2", 0.1, "", 0.0, 1e6,
                    "L2 penalty on the readout weights: loss = mean data loss + l2/2 * ||W||^2"),
            ParameterSpec.ofInt("bins", 10L, "", 1L, 100_000L,
                    "time bins per sample (each sample's own length is cut into this many equal bins)"),
            ParameterSpec.ofEnum("features", "both",
                    "per neuron and bin: spikes (spike rate), membrane (mean of the first state variable) or both",
                    "spikes", "membrane", "both"),
            ParameterSpec.ofBoolean("final_state", false, "append each neuron's first state variable at the sample's last step"),
            ReservoirSettings.INPUT_SCALE,
            ReservoirSettings.RECURRENT_SCALE,
            ReservoirSettings.CONNECTIVITY,
            ReservoirSettings.BIAS,
            ParameterSpec.ofInt("batch_size", 64L, "samples", 1L, 1_000_000L,
                    "samples simulated together; each batch is split over the run's threads"));

    /**
     * @param p validated parameters
     * @return the settings
     */
    static ReadoutSettings of(Parameters p) {
        return new ReadoutSettings(p.getString("readout"), p.getInt("epochs"), p.getDouble("lr"), p.getDouble("l2"),
                p.getInt("bins"), p.getString("features"), p.getBoolean("final_state"), ReservoirSettings.of(p),
                p.getInt("batch_size"));
    }

    /** @return whether spike-rate features are extracted */
    boolean spikeFeatures() {
        return !features.equals("membrane");
    }

    /** @return whether membrane features are extracted */
    boolean membraneFeatures() {
        return !features.equals("spikes");
    }
}
