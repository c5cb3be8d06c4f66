package org.myelin.core.snn;

import java.util.List;

import org.myelin.api.data.Sample;

/**
 * Turns dataset samples into an {@link InputBatch}. Encoders that draw random numbers do so from
 * the batch's per-row seeds ({@link InputBatch#rowSeeds()}, set before encoding), so a sample is
 * encoded the same way whichever batch it lands in.
 */
public interface InputEncoder {

    /**
     * Encodes a batch.
     *
     * @param samples the samples, one per batch row
     * @param rowSeeds one seed per sample (copied into the batch)
     * @param out the batch to refill
     * @throws org.myelin.api.InvalidInputException when a sample cannot be encoded this way
     */
    void encode(List<Sample> samples, long[] rowSeeds, InputBatch out);

    /** @return whether the encoded input is spikes */
    boolean spikes();

    /**
     * Direct current: the (scaled) values are the input current at every step; a static sample is
     * held for {@code steps} steps (and its first projection computed once), a sequence is fed step
     * by step (shorter sequences padded with zeros).
     *
     * @param steps steps for static samples
     * @param gain scale of the values
     * @return the encoder
     */
    static InputEncoder direct(int steps, double gain) {
        return new DirectCurrentEncoder(steps, (float) gain);
    }

    /**
     * Poisson (Bernoulli per step) rate coding: channel c spikes at step t with probability
     * {@code clamp(gain * x, 0, 1)} ({@code x} the static value or the sequence value at t).
     *
     * @param steps steps for static samples
     * @param gain scale of the values into probabilities
     * @return the encoder
     */
    static InputEncoder poisson(int steps, double gain) {
        return new PoissonEncoder(steps, gain);
    }

    /**
     * Latency coding of static samples: each channel with {@code v = clamp(gain * x, 0, 1) > 0}
     * spikes once, at step {@code round((1 - v) * (steps - 1))} (strong inputs first).
     *
     * @param steps time steps
     * @param gain scale of the values
     * @return the encoder
     */
    static InputEncoder latency(int steps, double gain) {
        return new LatencyEncoder(steps, gain);
    }

    /**
     * Spike events straight from an event dataset; the batch has as many steps as its longest sample.
     *
     * @return the encoder
     */
    static InputEncoder events() {
        return new SpikeEventEncoder();
    }

    /**
     * Copies seeds into a batch.
     *
     * @param rowSeeds the seeds
     * @param out the batch
     */
    static void copySeeds(long[] rowSeeds, InputBatch out) {
        System.arraycopy(rowSeeds, 0, out.rowSeeds(), 0, out.batch());
    }
}
