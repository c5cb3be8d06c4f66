package org.myelin.api.array;

import java.util.Objects;

/**
 * A list of spike events, sorted by time step: event {@code k} is a spike of channel
 * {@code channels[k]} at step {@code steps[k]}. Flat arrays, so a long recording does not box.
 *
 * @param stepCount number of time steps the events live in ({@code 0 <= steps[k] < stepCount})
 * @param channelCount number of channels ({@code 0 <= channels[k] < channelCount})
 * @param steps time step of each event, non-decreasing
 * @param channels channel of each event
 */
public record SpikeEvents(int stepCount, int channelCount, int[] steps, int[] channels) {

    /** Checks lengths, bounds and ordering. */
    public SpikeEvents {
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(channels, "channels");
        if (steps.length != channels.length) {
            throw new IllegalArgumentException(steps.length + " steps but " + channels.length + " channels");
        }
        int prev = 0;
        for (int k = 0; k < steps.length; k++) {
            if (steps[k] < prev || steps[k] >= stepCount) {
                throw new IllegalArgumentException("event " + k + " at step " + steps[k]
                        + " is out of order or outside [0, " + stepCount + ")");
            }
            if (channels[k] < 0 || channels[k] >= channelCount) {
                throw new IllegalArgumentException("event " + k + " on channel " + channels[k]
                        + " is outside [0, " + channelCount + ")");
            }
            prev = steps[k];
        }
    }

    /** @return number of events */
    public int size() {
        return steps.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpikeEvents && ((SpikeEvents) o).stepCount == stepCount
                && ((SpikeEvents) o).channelCount == channelCount
                && java.util.Arrays.equals(((SpikeEvents) o).steps, steps)
                && java.util.Arrays.equals(((SpikeEvents) o).channels, channels);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(steps) * 31 + java.util.Arrays.hashCode(channels);
    }

    @Override
    public String toString() {
        return "SpikeEvents[" + steps.length + " events, " + stepCount + " steps x " + channelCount + " channels]";
    }
}
