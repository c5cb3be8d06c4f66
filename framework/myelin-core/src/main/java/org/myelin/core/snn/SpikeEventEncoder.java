package org.myelin.core.snn;

import java.util.List;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.SpikeEvents;
import org.myelin.api.data.Sample;

/** Spike events straight from the dataset; see {@link InputEncoder#events}. */
final class SpikeEventEncoder implements InputEncoder {

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
            if (s.events() == null) {
                throw new InvalidInputException("train.params.encoder", "encoder events needs spike-event samples, got dense values",
                        "use encoder: direct, rate or latency for dense data");
            }
            longest = Math.max(longest, s.events().stepCount());
        }
        int[] next = new int[batch];
        out.resetSpikes(longest, batch, ch);
        for (int t = 0; t < longest; t++) {
            for (int b = 0; b < batch; b++) {
                SpikeEvents e = samples.get(b).events();
                int k = next[b];
                while (k < e.size() && e.steps()[k] == t) {
                    out.addEvent(e.channels()[k], 1f);
                    k++;
                }
                next[b] = k;
                out.endRow();
            }
        }
        InputEncoder.copySeeds(rowSeeds, out);
    }
}
