package org.myelin.api.learning;

import java.util.Objects;

import org.myelin.api.data.Dataset;
import org.myelin.api.network.NetworkDescription;
import org.myelin.api.param.Parameters;

/**
 * What a learning rule is asked to do.
 *
 * @param network the network, with resolved neuron models
 * @param data the opened dataset
 * @param params validated parameters of the rule
 */
public record TrainingTask(NetworkDescription network, Dataset data, Parameters params) {

    /** Requires every field. */
    public TrainingTask {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(params, "params");
    }
}
