package org.myelin.api.network;

import java.util.List;

/**
 * The network of a spec, layers bottom to top, with the simulation time step.
 *
 * @param layers layers from the first hidden layer to the output
 * @param dtMs simulation time step in milliseconds
 */
public record NetworkDescription(List<Layer> layers, double dtMs) {

    /** Copies the list. */
    public NetworkDescription {
        layers = List.copyOf(layers);
        if (!(dtMs > 0)) {
            throw new IllegalArgumentException("dt must be positive, got " + dtMs + " ms");
        }
    }
}
