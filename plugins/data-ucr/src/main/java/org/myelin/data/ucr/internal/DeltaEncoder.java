package org.myelin.data.ucr.internal;

import org.myelin.api.array.SpikeEvents;

/**
 * Delta (threshold-crossing) spike encoding of a dense time series, as snnTorch's
 * {@code spikegen.delta(data, threshold, padding, off_spike=True)}: with
 * {@code d[t] = x[t] - x[t-1]}, channel {@code c} emits an "up" spike on output channel
 * {@code 2c} when {@code d[t] >= threshold} and a "down" spike on {@code 2c + 1} when
 * {@code d[t] <= -threshold}. Before the first step {@code x[-1]} is 0, or {@code x[0]} with
 * padding (so the first step never spikes). A missing value (NaN) never spikes, nor does the
 * step after it.
 */
final class DeltaEncoder {

    private final float threshold;
    private final boolean padding;

    /**
     * @param threshold the change that makes a spike, {@code > 0}
     * @param padding compare the first step with itself instead of with 0
     */
    DeltaEncoder(float threshold, boolean padding) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("delta threshold must be positive, got " + threshold);
        }
        this.threshold = threshold;
        this.padding = padding;
    }

    /**
     * @param values time-major values {@code values[t * channels + c]}
     * @param length time steps
     * @param channels input channels
     * @return the spikes on {@code 2 * channels} channels, ordered by step then channel
     */
    SpikeEvents encode(float[] values, int length, int channels) {
        int count = 0;
        for (int i = 0; i < length * channels; i++) {
            if (spikeChannel(values, i, channels) >= 0) {
                count++;
            }
        }
        int[] steps = new int[count];
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < length * channels; i++) {
            int channel = spikeChannel(values, i, channels);
            if (channel >= 0) {
                steps[k] = i / channels;
                out[k++] = channel;
            }
        }
        return new SpikeEvents(length, 2 * channels, steps, out);
    }

    /** @return the output channel value {@code i = t * channels + c} spikes on, or -1 */
    private int spikeChannel(float[] values, int i, int channels) {
        float x = values[i];
        float prev = i >= channels ? values[i - channels] : padding ? x : 0f;
        float d = x - prev;
        int c = i % channels;
        return d >= threshold ? 2 * c : d <= -threshold ? 2 * c + 1 : -1;
    }
}
