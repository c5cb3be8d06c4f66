package org.myelin.core.snn;

import java.util.List;

import org.myelin.api.InvalidInputException;
import org.myelin.api.data.Sample;

/** Direct-current coding; see {@link InputEncoder#direct}. */
final class DirectCurrentEncoder implements InputEncoder {

    private final int steps;
    private final float gain;

    DirectCurrentEncoder(int steps, float gain) {
        if (steps < 1) {
            throw new IllegalArgumentException("direct coding needs at least 1 step, got " + steps);
        }
        this.steps = steps;
        this.gain = gain;
    }

    @Override
    public boolean spikes() {
        return false;
    }

    @Override
    public void encode(List<Sample> samples, long[] rowSeeds, InputBatch out) {
        int batch = samples.size();
        Sample first = samples.get(0);
        int ch = first.channels();
        boolean sequence = false;
        int longest = 1;
        for (Sample s : samples) {
            if (s.values() == null) {
                throw new InvalidInputException("train.params.encoder", "direct coding needs dense samples, got spike events",
                        "use encoder: events for event data");
            }
            sequence |= s.length() > 1;
            longest = Math.max(longest, s.length());
        }
        if (!sequence) {
            out.resetDense(InputBatch.Form.CONSTANT, steps, batch, ch);
            float[] d = out.dense();
            for (int b = 0; b < batch; b++) {
                float[] v = samples.get(b).values();
                for (int c = 0; c < ch; c++) {
                    d[b * ch + c] = gain * v[c];
                }
            }
        } else {
            out.resetDense(InputBatch.Form.DENSE, longest, batch, ch);
            float[] d = out.dense();
            for (int b = 0; b < batch; b++) {
                Sample s = samples.get(b);
                float[] v = s.values();
                for (int t = 0; t < s.length(); t++) {
                    for (int c = 0; c < ch; c++) {
                        d[(t * batch + b) * ch + c] = gain * v[t * ch + c];
                    }
                }
            }
        }
        InputEncoder.copySeeds(rowSeeds, out);
    }
}
