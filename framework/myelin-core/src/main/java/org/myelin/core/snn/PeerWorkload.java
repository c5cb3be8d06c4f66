package org.myelin.core.snn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.core.optim.Adam;
import org.myelin.core.parallel.ParallelRows;
import org.myelin.core.random.RandomStream;

/**
 * The peer benchmark workloads W1 and W2 of {@code peers/README.md} ({@code peers/_snn_common.py}):
 * 700 Bernoulli(0.05) input channels, 256 LIF hidden units, 20 LIF outputs, T = 100 steps, both
 * layers affine with bias and {@code torch.nn.Linear} initialisation, beta = exp(-1/20),
 * threshold 1, reset by subtraction at the next step, readout {@code sum_t U2[t]}. W1 is the
 * forward pass of one batch; W2 one training step: forward, mean cross-entropy against labels
 * uniform in 0..19, BPTT with the fast-sigmoid surrogate (slope 25, reset detached) and one Adam
 * step (lr 1e-3, betas 0.9/0.999, eps 1e-8).
 *
 * <p>The neuron dynamics come from the caller (the {@code lif} plugin, with the parameters of
 * {@link #LIF_PARAMETERS}). Inputs are a pool of {@link #INPUT_POOL} batches generated up front and
 * cycled, as the peers do; weights, inputs and labels come from the child streams {@code model},
 * {@code data/inputs} and {@code data/labels} of the seed.
 */
public final class PeerWorkload {

    /** Input channels. */
    public static final int INPUTS = 700;
    /** Hidden LIF units. */
    public static final int HIDDEN = 256;
    /** Output LIF units (classes). */
    public static final int OUTPUTS = 20;
    /** Time steps. */
    public static final int STEPS = 100;
    /** Probability of an input spike per channel and step. */
    public static final double INPUT_RATE = 0.05;
    /** Membrane retention per step, {@code exp(-1/20)}. */
    public static final double BETA = Math.exp(-1.0 / 20.0);
    /** Firing threshold. */
    public static final double THRESHOLD = 1.0;
    /** Slope of the fast-sigmoid surrogate. */
    public static final double SURROGATE_SLOPE = 25.0;
    /** Adam learning rate. */
    public static final double LEARNING_RATE = 1e-3;
    /** Distinct input batches, cycled. */
    public static final int INPUT_POOL = 4;

    /**
     * The {@code lif} plugin parameters of both layers (snnTorch {@code Leaky}, subtract reset with
     * delay, {@code x > 0}, detached reset, fast sigmoid 25), as spec values.
     */
    public static final java.util.Map<String, Object> LIF_PARAMETERS = java.util.Map.of("beta", BETA, "threshold", THRESHOLD,
            "reset", "subtract", "reset_timing", "next_step", "fire", "gt", "detach_reset", true, "surrogate", "fast_sigmoid",
            "slope", SURROGATE_SLOPE);

    /** Which workload. */
    public enum Kind {
        /** Forward pass only (no gradients). */
        W1,
        /** One training step: forward, loss, BPTT, Adam. */
        W2
    }

    private final int batch;
    private final SnnNetwork network;
    private final SnnEngine engine;
    private final InputBatch[] inputs = new InputBatch[INPUT_POOL];
    private final Targets[] labels = new Targets[INPUT_POOL];
    private final Gradients gradients;
    private final Adam adam = Adam.of(LEARNING_RATE);
    private final float[][] parameterArrays;
    private final ParallelRows rows;
    private int next;

    private PeerWorkload(NeuronDynamics hidden, NeuronDynamics output, int batch, long seed, ParallelRows rows) {
        if (batch < 1) {
            throw new IllegalArgumentException("the batch needs at least 1 sample, got " + batch);
        }
        if (hidden.size() != HIDDEN || output.size() != OUTPUTS) {
            throw new IllegalArgumentException("W1/W2 need " + HIDDEN + " hidden and " + OUTPUTS + " output neurons, got "
                    + hidden.size() + " and " + output.size());
        }
        this.batch = batch;
        this.rows = rows;
        RandomStream root = RandomStream.of(seed);
        network = SnnNetwork.create(INPUTS, List.of(new LayerSpec("layer0", hidden, LayerOptions.DEFAULT),
                new LayerSpec("layer1", output, LayerOptions.DEFAULT)), root.child("model"));
        engine = SnnEngine.of(network, Readout.SUM_MEMBRANE, LossKind.CROSS_ENTROPY, rows);
        gradients = new Gradients(network);
        RandomStream in = root.child("data/inputs");
        RandomStream lab = root.child("data/labels");
        for (int p = 0; p < INPUT_POOL; p++) {
            InputBatch x = new InputBatch().resetSpikes(STEPS, batch, INPUTS);
            for (int r = 0; r < STEPS * batch; r++) {
                for (int c = 0; c < INPUTS; c++) {
                    if (in.nextDouble() < INPUT_RATE) {
                        x.addEvent(c, 1f);
                    }
                }
                x.endRow();
            }
            inputs[p] = x;
            int[] y = new int[batch];
            for (int b = 0; b < batch; b++) {
                y[b] = lab.nextInt(OUTPUTS);
            }
            labels[p] = Targets.ofLabels(y);
        }
        List<Parameter> params = network.parameters();
        parameterArrays = new float[params.size()][];
        for (int i = 0; i < parameterArrays.length; i++) {
            parameterArrays[i] = params.get(i).values();
        }
    }

    /**
     * Builds the network, the input pool and the labels.
     *
     * @param hidden dynamics of the 256 hidden units
     * @param output dynamics of the 20 output units
     * @param batch samples per batch
     * @param seed root seed of weights, inputs and labels
     * @param rows the engine's threads
     * @return the workload
     */
    public static PeerWorkload create(NeuronDynamics hidden, NeuronDynamics output, int batch, long seed, ParallelRows rows) {
        Objects.requireNonNull(hidden, "hidden");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(rows, "rows");
        return new PeerWorkload(hidden, output, batch, seed, rows);
    }

    /** @return samples per batch */
    public int batch() {
        return batch;
    }

    /** @return the network (its parameters change with every W2 step) */
    public SnnNetwork network() {
        return network;
    }

    /**
     * @param i pool index in {@code [0, INPUT_POOL)}
     * @return the input batch
     */
    public InputBatch input(int i) {
        return inputs[i];
    }

    /**
     * @param i pool index in {@code [0, INPUT_POOL)}
     * @return the labels of that batch
     */
    public int[] labels(int i) {
        return labels[i].labels();
    }

    /**
     * One call of the workload on the next batch of the pool: W1 = {@link SnnEngine#evaluate}, W2 =
     * gradients of the mean cross-entropy and one Adam step.
     *
     * @param kind the workload
     * @return the engine's result for that batch
     */
    public BatchResult step(Kind kind) {
        int i = next;
        next = (next + 1) % INPUT_POOL;
        if (kind == Kind.W1) {
            return engine.evaluate(inputs[i], null);
        }
        BatchResult r = engine.train(inputs[i], labels[i], gradients);
        adam.step(parameterArrays, gradients.arrays(), rows);
        network.refresh();
        return r;
    }

    /**
     * Loss, logits and gradients of pool batch {@code i} with the current parameters, without an
     * optimiser step (for equivalence checks).
     *
     * @param i pool index
     * @return the result; the gradients are in {@link #gradients()}
     */
    public BatchResult gradientsOf(int i) {
        return engine.train(inputs[i], labels[i], gradients);
    }

    /** @return the gradient buffers of the last W2 step or {@link #gradientsOf} */
    public Gradients gradients() {
        return gradients;
    }

    /**
     * Spike activity on pool batch 0, as the peers report it: input spikes per channel and step,
     * hidden and output spikes per neuron and step.
     *
     * @return {@code [input, hidden, output]}
     */
    public double[] activity() {
        BatchResult r = engine.evaluate(inputs[0], null);
        double inputRate = inputs[0].eventCount() / ((double) STEPS * batch * INPUTS);
        return new double[] {inputRate, r.rate(0), r.rate(1)};
    }

    /**
     * Writes pool batch 0 and the current parameters as a {@code myelin-bptt-fixture/1} folder
     * without the expected values ({@code fixtures/bptt/README.md}): {@code fixture.json},
     * {@code inputs.npy} float32 {@code [T, B, 700]}, {@code labels.npy} int64 {@code [B]},
     * {@code W0 b0 W1 b1} float32 in the PyTorch layout. A reference script adds the expected
     * logits, loss and gradients.
     *
     * @param dir the folder (created)
     * @throws IOException when a file cannot be written
     */
    public void writeFixture(Path dir) throws IOException {
        Files.createDirectories(dir);
        InputBatch x = inputs[0];
        float[] dense = new float[STEPS * batch * INPUTS];
        int[] rs = x.rowStart();
        for (int r = 0; r < STEPS * batch; r++) {
            for (int k = rs[r]; k < rs[r + 1]; k++) {
                dense[r * INPUTS + x.index()[k]] = x.value()[k];
            }
        }
        write(dir.resolve("inputs.npy"), new int[] {STEPS, batch, INPUTS}, dense);
        writeInt64(dir.resolve("labels.npy"), labels[0].labels());
        for (Parameter p : network.parameters()) {
            write(dir.resolve(p.name() + ".npy"), p.shape(), p.exported());
        }
        StringBuilder layer = new StringBuilder();
        layer.append("{\"model\": \"lif\", \"beta\": ").append(BETA).append(", \"threshold\": ").append(THRESHOLD)
                .append(", \"reset\": \"subtract\", \"reset_timing\": \"next_step\", \"fire\": \"gt\", \"detach_reset\": true, ")
                .append("\"surrogate\": {\"kind\": \"fast_sigmoid\", \"param\": ").append(SURROGATE_SLOPE).append("}}");
        String json = String.format(Locale.ROOT, "{\n \"format\": \"myelin-bptt-fixture/1\",\n \"input_size\": %d,\n"
                + " \"time_steps\": %d,\n \"batch\": %d,\n \"layers\": [\n  {\"size\": %d, \"neuron\": %s},\n"
                + "  {\"size\": %d, \"neuron\": %s}\n ],\n \"readout\": \"sum_membrane\",\n \"loss\": \"cross_entropy\",\n"
                + " \"arrays\": {\"inputs\": \"inputs.npy\", \"labels\": \"labels.npy\", \"W0\": \"W0.npy\", \"b0\": \"b0.npy\","
                + " \"W1\": \"W1.npy\", \"b1\": \"b1.npy\"},\n \"generated\": {\"by\": \"myelin bench snn --dump (pool batch 0)\"}\n}\n",
                INPUTS, STEPS, batch, HIDDEN, layer, OUTPUTS, layer);
        Files.writeString(dir.resolve("fixture.json"), json);
    }

    private static void write(Path file, int[] shape, float[] values) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            NpyArray.writeFloat32(shape, values, out);
        }
    }

    private static void writeInt64(Path file, int[] values) throws IOException {
        String dict = "{'descr': '<i8', 'fortran_order': False, 'shape': (" + values.length + ",), }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (int v : values) {
            buf.putLong(v);
        }
        Files.write(file, buf.array());
    }
}
