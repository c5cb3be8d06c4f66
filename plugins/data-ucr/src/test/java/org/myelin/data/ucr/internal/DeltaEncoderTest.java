package org.myelin.data.ucr.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.myelin.api.array.SpikeEvents;

/**
 * Delta encoding derived by hand from snnTorch's spikegen.delta(off_spike=True):
 * d[t] = x[t] - x[t-1], up spike when d >= threshold, down spike when d <= -threshold,
 * x[-1] = 0 (or x[0] with padding).
 */
class DeltaEncoderTest {

    @Test
    void upAndDownSpikesOnInterleavedChannels() {
        // one channel: 0.5, 0.55, 0.3, 0.3, 1.0 with threshold 0.2
        // d = 0.5 (up), 0.05, -0.25 (down), 0, 0.7 (up)
        SpikeEvents ev = new DeltaEncoder(0.2f, false).encode(new float[] {0.5f, 0.55f, 0.3f, 0.3f, 1.0f}, 5, 1);
        assertEquals(5, ev.stepCount());
        assertEquals(2, ev.channelCount());
        assertArrayEquals(new int[] {0, 2, 4}, ev.steps());
        assertArrayEquals(new int[] {0, 1, 0}, ev.channels());
    }

    @Test
    void paddingComparesTheFirstStepWithItself() {
        SpikeEvents ev = new DeltaEncoder(0.2f, true).encode(new float[] {0.5f, 0.55f, 0.3f, 0.3f, 1.0f}, 5, 1);
        assertArrayEquals(new int[] {2, 4}, ev.steps());
        assertArrayEquals(new int[] {1, 0}, ev.channels());
    }

    @Test
    void theThresholdItselfSpikesAsSnnTorchsGreaterOrEqual() {
        // d = 0.5 exactly (representable) at step 1 on channel 0; channel 1 falls by 0.5 at step 1
        SpikeEvents ev = new DeltaEncoder(0.5f, true).encode(new float[] {0f, 1f, 0.5f, 0.5f}, 2, 2);
        assertArrayEquals(new int[] {1, 1}, ev.steps());
        assertArrayEquals(new int[] {0, 3}, ev.channels());
    }

    @Test
    void missingValuesNeverSpike() {
        SpikeEvents ev = new DeltaEncoder(0.1f, false).encode(new float[] {0f, Float.NaN, 5f, 5.5f}, 4, 1);
        assertArrayEquals(new int[] {3}, ev.steps(), "NaN at step 1 and the step after it give no spike");
        assertArrayEquals(new int[] {0}, ev.channels());
    }

    @Test
    void rejectsANonPositiveThreshold() {
        assertThrows(IllegalArgumentException.class, () -> new DeltaEncoder(0f, false));
    }
}
