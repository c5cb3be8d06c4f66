package org.myelin.api.hardware;

import org.myelin.api.array.Matrix;
import org.myelin.api.array.SpikeEvents;

/**
 * The recorded response to a probe.
 *
 * @param dtMs sampling interval of the traces in milliseconds
 * @param membrane membrane traces, rows = probed neurons (request order), columns = samples
 * @param spikes spikes of the probed neurons (channel = index into the request's neuron list)
 */
public record ProbeResponse(double dtMs, Matrix membrane, SpikeEvents spikes) {
}
