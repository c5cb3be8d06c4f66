package org.myelin.core.snn;

import java.util.List;

import org.myelin.api.InvalidInputException;
import org.myelin.api.data.Sample;
import org.myelin.core.random.RandomStream;

/** Poisson (Bernoulli per step) rate coding; see {@link InputEncoder#poisson}. */
final class PoissonEncoder implements InputEncoder {

    private final int steps;
    private final double gain;

    PoissonEncoder(int steps, double gain) {
        if (steps < 1) {
            throw new IllegalArgumentException("rate coding needs at least 1 step, got " + steps);
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
        int longest = 1;
        for (Sample s : samples) {
            if (s.values() == null) {
                throw new InvalidInputException("train.params.encoder", "rate coding needs dense samples, got spike events",
                        "use encoder: events for event data");
            }
            longest = Math.max(longest, s.length());
        }
        int t0 = longest > 1 ? longest : steps;
        RandomStream[] streams = new RandomStream[batch];
        for (int b = 0; b < batch; b++) {
            streams[b] = RandomStream.of(rowSeeds[b]).child("poisson");
        }
        out.resetSpikes(t0, batch, ch);
        for (int t = 0; t < t0; t++) {
            for (int b = 0; b < batch; b++) {
                Sample s = samples.get(b);
                if (s.length() > 1 && t >= s.length()) {
                    out.endRow();
                    continue;
                }
                float[] v = s.values();
                int off = s.length() > 1 ? t * ch : 0;
                RandomStream rs = streams[b];
                for (int c = 0; c < ch; c++) {
                    double p = gain * v[off + c];
                    if (p > 0 && rs.nextDouble() < p) {
                        out.addEvent(c, 1f);
                    }
                }
                out.endRow();
            }
        }
        InputEncoder.copySeeds(rowSeeds, out);
    }
}
