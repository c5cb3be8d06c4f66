package org.myelin.api.neuron;

import org.myelin.api.Plugin;
import org.myelin.api.param.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A neuron model plugin (kind {@code neuron}): creates the dynamics of a population from
 * validated parameters.
 */
@ConsumerType
public interface NeuronModel extends Plugin {

    /**
     * Creates the dynamics of one population.
     *
     * @param params validated parameters (see {@link #parameters()})
     * @param size number of neurons in the population
     * @param dtMs simulation time step in milliseconds (used by models parameterised by time constants)
     * @return the dynamics; one instance per population, used by one network
     */
    NeuronDynamics create(Parameters params, int size, double dtMs);
}
