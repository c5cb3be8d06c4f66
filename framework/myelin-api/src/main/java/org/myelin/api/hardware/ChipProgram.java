package org.myelin.api.hardware;

import org.myelin.api.array.Matrix;

/**
 * A network to run on a chip.
 *
 * @param weights synaptic weights in hardware units, rows = inputs followed by neurons (recurrent), columns = neurons
 * @param steps number of time steps to run
 * @param dtMs time step in (biological) milliseconds
 * @param recordMembrane whether to return membrane traces
 */
public record ChipProgram(Matrix weights, int steps, double dtMs, boolean recordMembrane) {
}
