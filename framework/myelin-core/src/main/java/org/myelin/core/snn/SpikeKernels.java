package org.myelin.core.snn;

/**
 * How a projection whose presynaptic signal is spikes is computed. Both give the same numbers up
 * to the summation order of the dense backend; {@link #DENSE} exists to check that and to
 * measure the gain.
 */
public enum SpikeKernels {
    /** Iterate the active presynaptic indices: O(spikes x fan-out) for the input accumulation and the weight gradient. */
    EVENTS,
    /** Treat spikes as a dense 0/1 matrix and use the dense products. */
    DENSE
}
