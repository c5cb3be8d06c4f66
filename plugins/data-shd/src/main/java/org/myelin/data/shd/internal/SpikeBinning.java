package org.myelin.data.shd.internal;

import java.util.Arrays;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.SpikeEvents;

/**
 * Turns spike times in seconds and channel indices into {@link SpikeEvents} on a time grid:
 * spike {@code k} lands in step {@code floor(1000 t_k / dt_ms)} on channel
 * {@code unit_k / channel_group} (summing groups of neighbouring channels, as DCLS does with 5:
 * 700 channels become 140). Spikes at or after {@code max_time_ms} are dropped. Events are
 * sorted by step, then channel. Several spikes in one bin stay separate events, so the list
 * holds spike counts as SpikingJelly's frames do, unless {@code binary} keeps one per bin.
 * The step is computed in double precision from the value stored in the file: a float32
 * {@code 0.01} is {@code 0.0099999998} s and lands in step 0 at {@code dt_ms = 10}.
 */
final class SpikeBinning {

    private final double dtMs;
    private final double maxTimeMs;
    private final int group;
    private final int inputChannels;
    private final boolean binary;

    /**
     * @param dtMs bin width in ms
     * @param maxTimeMs end of the kept window in ms; 0 = each sample up to its last spike
     * @param group neighbouring channels summed into one
     * @param inputChannels channels in the file (700 for SHD)
     * @param binary keep at most one event per (step, channel)
     */
    SpikeBinning(double dtMs, double maxTimeMs, int group, int inputChannels, boolean binary) {
        this.dtMs = dtMs;
        this.maxTimeMs = maxTimeMs;
        this.group = group;
        this.inputChannels = inputChannels;
        this.binary = binary;
    }

    /** @return channels after grouping: {@code ceil(inputChannels / group)} */
    int channels() {
        return (inputChannels + group - 1) / group;
    }

    /** @return steps of every sample when {@code max_time_ms > 0}: {@code ceil(max_time_ms / dt_ms)}; else 0 */
    int fixedSteps() {
        return maxTimeMs > 0 ? (int) Math.ceil(maxTimeMs / dtMs - 1e-9) : 0;
    }

    /**
     * Bins one sample in linear time: a counting sort by step, then each step's few channels sorted.
     *
     * @param times spike times in seconds
     * @param units spike channels, parallel to {@code times}
     * @param where names the sample in error messages (file and index)
     * @param dropped receives in element 0 the number of spikes dropped by {@code max_time_ms}
     * @return the events
     * @throws InvalidInputException naming the sample and spike when a unit is outside {@code [0, inputChannels)}
     */
    SpikeEvents bin(float[] times, int[] units, String where, long[] dropped) {
        int fixed = fixedSteps();
        int n = times.length;
        int[] stepOf = new int[n];
        int lastStep = -1;
        for (int k = 0; k < n; k++) {
            int u = units[k];
            if (u < 0 || u >= inputChannels) {
                throw new InvalidInputException(where + " spike " + k, "unit " + u + " is outside [0, " + inputChannels + ")",
                        "set channels to the number of input channels of the file (700 for SHD)");
            }
            double ms = times[k] * 1000.0;
            int step = fixed > 0 && ms >= maxTimeMs ? -1 : (int) Math.floor(ms / dtMs);
            if (fixed > 0 && step >= fixed) {
                step = -1;
            }
            stepOf[k] = step;
            if (step < 0) {
                dropped[0]++;
            } else if (step > lastStep) {
                lastStep = step;
            }
        }
        int stepCount = fixed > 0 ? fixed : Math.max(1, lastStep + 1);
        int[] start = new int[stepCount + 1];
        for (int k = 0; k < n; k++) {
            if (stepOf[k] >= 0) {
                start[stepOf[k] + 1]++;
            }
        }
        for (int t = 0; t < stepCount; t++) {
            start[t + 1] += start[t];
        }
        int kept = start[stepCount];
        int[] chans = new int[kept];
        int[] next = Arrays.copyOf(start, stepCount);
        for (int k = 0; k < n; k++) {
            if (stepOf[k] >= 0) {
                chans[next[stepOf[k]]++] = units[k] / group;
            }
        }
        int m = 0;
        int[] steps = new int[kept];
        for (int t = 0; t < stepCount; t++) {
            int from = start[t];
            int to = start[t + 1];
            Arrays.sort(chans, from, to);
            int previous = -1;
            for (int k = from; k < to; k++) {
                int c = chans[k];
                if (!binary || c != previous) {
                    chans[m] = c;
                    steps[m++] = t;
                }
                previous = c;
            }
        }
        return new SpikeEvents(stepCount, channels(), m == kept ? steps : Arrays.copyOf(steps, m),
                m == kept ? chans : Arrays.copyOf(chans, m));
    }
}
