package org.myelin.api.data;

import org.myelin.api.array.SpikeEvents;

/**
 * One labelled sample.
 *
 * @param label class index into {@link DatasetInfo#classNames()}
 * @param length number of time steps (1 for static data)
 * @param channels number of channels
 * @param values time-major values {@code values[t * channels + c]}, or {@code null} for event data
 * @param events spike events, or {@code null} for dense data
 */
public record Sample(int label, int length, int channels, float[] values, SpikeEvents events) {

    /** Checks that exactly one representation is present and its shape. */
    public Sample {
        if ((values == null) == (events == null)) {
            throw new IllegalArgumentException("a sample has either dense values or spike events");
        }
        if (values != null && values.length != (long) length * channels) {
            throw new IllegalArgumentException("sample of " + length + " steps x " + channels
                    + " channels needs " + ((long) length * channels) + " values, got " + values.length);
        }
    }

    /**
     * @param t time step
     * @param c channel
     * @return the dense value at step t, channel c
     */
    public float value(int t, int c) {
        return values[t * channels + c];
    }
}
