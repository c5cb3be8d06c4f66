package org.myelin.core.snn;

import java.util.List;

import org.myelin.api.InvalidInputException;
import org.myelin.api.data.Sample;

/** Latency coding of static samples; see {@link InputEncoder#latency}. */
final class LatencyEncoder implements InputEncoder {

    private final int steps;
    private final double gain;

    LatencyEncoder(int steps, double gain) {
        if (steps < 1) {
            throw new IllegalArgumentException("latency coding needs at least 1 step, got " + steps);
        }
        this.steps = steps;
        this.gain = gain;
    }

    @Override
    public boolean spikes() {
        return true;
    }

    @Override
    public void encode(List<Sample> samples, long[] rowSeeds, InputBatch out) {
        int batch = samples.size();
        int ch = samples.get(0).channels();
        for (Sample s : samples) {
            if (s.values() == null || s.length() != 1) {
                throw new InvalidInputException("train.params.encoder", "latency coding needs static samples (one vector each)",
                        "use encoder: direct or rate for time series, events for event data");
            }
        }
        out.resetSpikes(steps, batch, ch);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                float[] v = samples.get(b).values();
                for (int c = 0; c < ch; c++) {
                    double x = Math.min(1, gain * v[c]);
                    if (x > 0 && Math.round((1 - x) * (steps - 1)) == t) {
                        out.addEvent(c, 1f);
                    }
                }
                out.endRow();
            }
        }
        InputEncoder.copySeeds(rowSeeds, out);
    }
}
