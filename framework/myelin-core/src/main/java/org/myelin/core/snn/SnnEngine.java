package org.myelin.core.snn;

import java.util.Objects;

import org.myelin.core.parallel.ParallelRows;

/**
 * Runs an {@link SnnNetwork} on batches: the forward pass, and full backpropagation through time
 * with the neuron models' surrogate gradients (fixtures/bptt/README.md gives the semantics).
 *
 * <p>Parallelism: the batch is cut into chunks of {@link #chunkRows()} rows, a size that does not
 * depend on the thread count. Each chunk runs forward and backward on its own buffers and
 * gradient partial, the chunks are spread over the {@link ParallelRows} threads, and the partials
 * are summed in chunk order; so results are bit-identical for a fixed input whatever the number
 * of threads. Buffers are allocated on the first batch (and when a batch needs more rows or
 * steps) and reused afterwards.
 *
 * <p>Not thread-safe: one engine runs one batch at a time.
 */
public final class SnnEngine {

    /** Default rows per chunk. */
    public static final int DEFAULT_CHUNK_ROWS = 16;

    private final SnnNetwork network;
    private final Readout readout;
    private final LossKind loss;
    private final SpikeKernels kernels;
    private final int chunkRows;
    private final ParallelRows rows;
    private final BatchResult result;
    private ChunkPass[] chunks = new ChunkPass[0];

    /**
     * @param network the network (its parameters are read at every batch)
     * @param readout how the last layer becomes the output
     * @param loss the loss
     * @param kernels how spike projections are computed
     * @param chunkRows rows per chunk (at least 1); part of the numerical result, keep it fixed for reproducibility
     * @param rows the threads to use
     */
    public SnnEngine(SnnNetwork network, Readout readout, LossKind loss, SpikeKernels kernels, int chunkRows, ParallelRows rows) {
        this.network = Objects.requireNonNull(network, "network");
        this.readout = Objects.requireNonNull(readout, "readout");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.kernels = Objects.requireNonNull(kernels, "kernels");
        this.rows = Objects.requireNonNull(rows, "rows");
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunk rows must be at least 1, got " + chunkRows);
        }
        this.chunkRows = chunkRows;
        int[] sizes = new int[network.layers().size()];
        for (int l = 0; l < sizes.length; l++) {
            sizes[l] = network.layers().get(l).size();
        }
        this.result = new BatchResult(sizes);
    }

    /**
     * An engine with the default chunk size and event-driven spike kernels.
     *
     * @param network the network
     * @param readout the readout
     * @param loss the loss
     * @param rows the threads
     * @return the engine
     */
    public static SnnEngine of(SnnNetwork network, Readout readout, LossKind loss, ParallelRows rows) {
        return new SnnEngine(network, readout, loss, SpikeKernels.EVENTS, DEFAULT_CHUNK_ROWS, rows);
    }

    /** @return the network */
    public SnnNetwork network() {
        return network;
    }

    /** @return rows per chunk */
    public int chunkRows() {
        return chunkRows;
    }

    /** @return the readout */
    public Readout readout() {
        return readout;
    }

    /**
     * Forward pass only.
     *
     * @param input the batch
     * @param targets targets for the loss and accuracy, or {@code null}
     * @return the engine's result object, refilled
     */
    public BatchResult evaluate(InputBatch input, Targets targets) {
        return run(input, targets, null, null);
    }

    /**
     * Forward pass and BPTT: the loss and its gradient with respect to every parameter.
     *
     * @param input the batch
     * @param targets the targets
     * @param gradients overwritten with dL/d(parameter) (raw values, engine layout)
     * @return the engine's result object, refilled
     */
    public BatchResult train(InputBatch input, Targets targets, Gradients gradients) {
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(gradients, "gradients");
        return run(input, targets, gradients, null);
    }

    /**
     * Forward pass that keeps every layer's membrane and output at every step.
     *
     * @param input the batch
     * @return the recorded states (a new object)
     */
    public StateRecording record(InputBatch input) {
        int[] sizes = new int[network.layers().size()];
        for (int l = 0; l < sizes.length; l++) {
            sizes[l] = network.layers().get(l).size();
        }
        StateRecording rec = new StateRecording(input.steps(), input.batch(), sizes);
        run(input, null, null, rec);
        return rec;
    }

    private BatchResult run(InputBatch input, Targets targets, Gradients gradients, StateRecording recording) {
        if (input.channels() != network.inputSize()) {
            throw new IllegalArgumentException("the batch has " + input.channels() + " input channels, the network expects "
                    + network.inputSize());
        }
        input.checkComplete();
        int batch = input.batch();
        int steps = input.steps();
        int k = network.outputSize();
        int outputRows = readout.perStep() ? steps * batch : batch;
        result.reset(batch, steps, outputRows, k);
        double norm = 0;
        if (targets != null) {
            if (targets.labels() != null && targets.labels().length < outputRows) {
                throw new IllegalArgumentException(outputRows + " output rows but " + targets.labels().length + " labels");
            }
            if (targets.values() != null && targets.values().length < outputRows * k) {
                throw new IllegalArgumentException(outputRows + " x " + k + " outputs but " + targets.values().length + " target values");
            }
            for (int r = 0; r < outputRows; r++) {
                norm += targets.weight(r);
            }
            if (loss == LossKind.MSE) {
                norm *= k;
            }
            if (!(norm > 0)) {
                throw new IllegalArgumentException("every target weight is 0; nothing to learn from");
            }
        }
        int chunkCount = (batch + chunkRows - 1) / chunkRows;
        if (chunks.length < chunkCount) {
            ChunkPass[] grown = new ChunkPass[chunkCount];
            System.arraycopy(chunks, 0, grown, 0, chunks.length);
            for (int i = chunks.length; i < chunkCount; i++) {
                grown[i] = new ChunkPass(network, kernels, readout, loss, chunkRows);
            }
            chunks = grown;
        }
        if (kernels == SpikeKernels.EVENTS) {
            for (int l = 0; l < network.layers().size(); l++) {
                // serial: a hand-off to the pool costs more than the copy (measured with W1, 2 threads)
                Projection p = network.feedForward(l);
                p.syncRows(0, p.in);
            }
        }
        final double divisor = norm;
        final boolean backward = gradients != null;
        rows.forEach(chunkCount, (from, to) -> {
            for (int ch = from; ch < to; ch++) {
                int r0 = ch * chunkRows;
                int c = Math.min(chunkRows, batch - r0);
                chunks[ch].run(input, r0, c, targets, divisor, backward, result, recording);
            }
        });
        for (int ch = 0; ch < chunkCount; ch++) {
            for (int l = 0; l < result.spikes.length; l++) {
                result.spikes[l] += chunks[ch].spikes[l];
            }
        }
        if (targets != null) {
            double total = 0;
            for (int r = 0; r < outputRows; r++) {
                total += result.rowLoss[r];
            }
            result.loss = total;
        }
        if (backward) {
            reduce(gradients, chunkCount);
            network.chainMasks(gradients);
        }
        return result;
    }

    private void reduce(Gradients gradients, int chunkCount) {
        float[][] dst = gradients.arrays();
        if (chunkCount == 1) {
            // one chunk: a copy, and no hand-off to the pool (batch 1 with 2 threads was slower than 1 thread)
            for (int p = 0; p < dst.length; p++) {
                System.arraycopy(chunks[0].grads.arrays()[p], 0, dst[p], 0, dst[p].length);
            }
            return;
        }
        // all parameters as one element range, one hand-off to the pool; each element adds the
        // chunks' partials in chunk order, whatever piece of the range it falls in
        int total = 0;
        for (float[] d : dst) {
            total += d.length;
        }
        rows.forEach(total, (from, to) -> {
            int offset = 0;
            for (int p = 0; p < dst.length && offset < to; p++) {
                int len = dst[p].length;
                int lo = Math.max(from, offset) - offset;
                int hi = Math.min(to, offset + len) - offset;
                if (lo < hi) {
                    sumChunks(dst[p], p, lo, hi, chunkCount);
                }
                offset += len;
            }
        });
    }

    /** {@code out[lo, hi) = sum over chunks, in chunk order, of the chunk's partial of parameter p}. */
    private void sumChunks(float[] out, int p, int lo, int hi, int chunkCount) {
        System.arraycopy(chunks[0].grads.arrays()[p], lo, out, lo, hi - lo);
        for (int ch = 1; ch < chunkCount; ch++) {
            float[] src = chunks[ch].grads.arrays()[p];
            for (int i = lo; i < hi; i++) {
                out[i] += src[i];
            }
        }
    }
}
