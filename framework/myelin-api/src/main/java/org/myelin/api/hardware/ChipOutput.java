package org.myelin.api.hardware;

import org.myelin.api.array.Matrix;
import org.myelin.api.array.SpikeEvents;

/**
 * Output of a chip run.
 *
 * @param spikes output spikes of the chip neurons
 * @param membrane membrane traces (rows = steps, columns = neurons), or {@code null} when not recorded
 */
public record ChipOutput(SpikeEvents spikes, Matrix membrane) {
}
