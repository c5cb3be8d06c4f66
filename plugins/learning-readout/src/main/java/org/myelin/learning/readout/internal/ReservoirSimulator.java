package org.myelin.learning.readout.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.myelin.api.InvalidInputException;
import org.myelin.api.data.DataSplit;
import org.myelin.api.data.Sample;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.run.ProgressReporter;
import org.myelin.api.run.RunContext;
import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.linalg.Gemm;
import org.myelin.core.parallel.ParallelRows;

/**
 * Drives the fixed reservoir over a split and extracts per-sample features.
 *
 * <p>Samples are simulated in batches of {@code batch_size}; each batch is cut into contiguous
 * row ranges, one per thread, and every thread advances its rows through all time steps on its
 * own (the {@link NeuronDynamics} contract allows disjoint row ranges in parallel). Each row's
 * arithmetic is the same whatever the cut, so the features are bit-identical for any thread
 * count. A row stops contributing after its own sample's length, which is how samples of
 * different lengths share a batch.
 *
 * <p>Per step and layer the input current is {@code bias + in W_in + out_prev W_rec}, where
 * {@code in} is the data (first layer) or the output of the layer below at the same step, and
 * {@code out_prev} the layer's own output one step earlier. Features per neuron, with each
 * sample cut into {@code bins} equal bins of its own length: the mean output (the spike rate,
 * spikes per step) and/or the mean membrane value per bin, then optionally the membrane value
 * at the last step. The membrane is the state variable named {@code v}, else the first one.
 */
final class ReservoirSimulator {

    private final List<ReservoirLayer> layers;
    private final int channels;
    private final int classes;
    private final ReadoutSettings settings;
    private final ParallelRows rows;
    private final int[] membraneIndex;
    private final int[] featureCount;

    /**
     * @param layers the reservoir, bottom to top
     * @param channels input channels of the data
     * @param classes number of classes
     * @param settings feature and batch settings
     * @param rows how to parallelise over batch rows
     */
    ReservoirSimulator(List<ReservoirLayer> layers, int channels, int classes, ReadoutSettings settings, ParallelRows rows) {
        this.layers = layers;
        this.channels = channels;
        this.classes = classes;
        this.settings = settings;
        this.rows = rows;
        this.membraneIndex = new int[layers.size()];
        this.featureCount = new int[layers.size()];
        int kinds = (settings.spikeFeatures() ? 1 : 0) + (settings.membraneFeatures() ? 1 : 0);
        for (int l = 0; l < layers.size(); l++) {
            List<String> names = layers.get(l).dynamics().stateNames();
            membraneIndex[l] = Math.max(0, names.indexOf("v"));
            featureCount[l] = Math.multiplyExact(Math.multiplyExact(kinds, settings.bins()), layers.get(l).size())
                    + (settings.finalState() ? layers.get(l).size() : 0);
        }
    }

    /** @return the number of features per sample, summed over layers */
    int totalFeatures() {
        return Arrays.stream(featureCount).sum();
    }

    /**
     * Simulates every sample of a split.
     *
     * @param split the samples
     * @param splitName {@code train} or {@code test}, for messages
     * @param context for cancellation
     * @param task advanced by the number of samples of each finished batch
     * @return the features
     * @throws InvalidInputException naming the split and sample when a sample does not fit the dataset's description
     * @throws org.myelin.api.RunCancelledException when the run is cancelled
     */
    ReservoirFeatures simulate(DataSplit split, String splitName, RunContext context, ProgressReporter.Task task) {
        int n = split.size();
        List<DoubleMatrix> features = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            features.add(DoubleMatrix.zeros(n, featureCount[l]));
        }
        int[] labels = new int[n];
        double[] spikes = new double[n];
        double neuronSteps = 0;
        int totalNeurons = layers.stream().mapToInt(ReservoirLayer::size).sum();
        int batch = Math.min(settings.batchSize(), Math.max(n, 1));
        Buffers buffers = new Buffers(batch);
        Sample[] samples = new Sample[batch];
        for (int start = 0; start < n; start += batch) {
            context.throwIfCancelled();
            int count = Math.min(batch, n - start);
            for (int r = 0; r < count; r++) {
                Sample s = split.get(start + r);
                check(s, splitName, start + r);
                samples[r] = s;
                labels[start + r] = s.label();
                neuronSteps += (double) s.length() * totalNeurons;
            }
            int offset = start;
            rows.forEach(count, (from, to) -> simulateRows(samples, offset, from, to, buffers, features, spikes, context));
            context.throwIfCancelled();
            task.advance(count);
        }
        double totalSpikes = 0;
        for (double s : spikes) {
            totalSpikes += s;
        }
        return new ReservoirFeatures(features, labels, totalSpikes, neuronSteps);
    }

    private void check(Sample s, String split, int index) {
        String where = split + " sample " + index;
        if (s.values() == null) {
            throw new InvalidInputException(where, "holds spike events", "the readout rule reads dense time series; use a dataset with dense samples");
        }
        if (s.channels() != channels) {
            throw new InvalidInputException(where, "has " + s.channels() + " channels, the dataset declares " + channels, null);
        }
        if (s.length() < 1) {
            throw new InvalidInputException(where, "has no time steps", "every sample needs at least one step");
        }
        if (s.label() < 0 || s.label() >= classes) {
            throw new InvalidInputException(where, "has label " + s.label() + ", outside the " + classes + " classes", null);
        }
        for (int i = 0; i < s.values().length; i++) {
            if (!Float.isFinite(s.values()[i])) {
                throw new InvalidInputException(where, "value at step " + (i / channels) + ", channel " + (i % channels) + " is "
                        + s.values()[i], "fill or drop missing values before training");
            }
        }
    }

    /** Batch-sized arrays shared by the threads of one split; each thread touches its own rows only. */
    private final class Buffers {
        final float[] data;
        final float[][][] stateA;
        final float[][][] stateB;
        final float[][] input;
        final float[][] outA;
        final float[][] outB;

        Buffers(int batch) {
            int layerCount = layers.size();
            data = new float[batch * channels];
            stateA = new float[layerCount][][];
            stateB = new float[layerCount][][];
            input = new float[layerCount][];
            outA = new float[layerCount][];
            outB = new float[layerCount][];
            for (int l = 0; l < layerCount; l++) {
                int size = layers.get(l).size();
                int vars = layers.get(l).dynamics().stateNames().size();
                stateA[l] = new float[vars][batch * size];
                stateB[l] = new float[vars][batch * size];
                input[l] = new float[batch * size];
                outA[l] = new float[batch * size];
                outB[l] = new float[batch * size];
            }
        }
    }

    private void simulateRows(Sample[] samples, int offset, int from, int to, Buffers b, List<DoubleMatrix> features,
            double[] spikes, RunContext context) {
        int layerCount = layers.size();
        int bins = settings.bins();
        boolean spikeFeatures = settings.spikeFeatures();
        boolean membraneFeatures = settings.membraneFeatures();
        int maxLength = 0;
        for (int r = from; r < to; r++) {
            maxLength = Math.max(maxLength, samples[r].length());
        }
        // step[l][0] reads state A and writes state B and output B; step[l][1] the other way round
        ForwardStep[][] steps = new ForwardStep[layerCount][2];
        for (int l = 0; l < layerCount; l++) {
            NeuronDynamics d = layers.get(l).dynamics();
            int size = d.size();
            d.initState(b.stateA[l], from, to);
            Arrays.fill(b.outA[l], from * size, to * size, 0f);
            steps[l][0] = new ForwardStep(b.input[l], b.stateA[l], b.stateB[l], b.outB[l], from, to);
            steps[l][1] = new ForwardStep(b.input[l], b.stateB[l], b.stateA[l], b.outA[l], from, to);
        }
        for (int t = 0; t < maxLength; t++) {
            if ((t & 31) == 0 && context.isCancelled()) {
                return;
            }
            for (int r = from; r < to; r++) {
                Sample s = samples[r];
                if (t < s.length()) {
                    System.arraycopy(s.values(), t * channels, b.data, r * channels, channels);
                } else {
                    Arrays.fill(b.data, r * channels, (r + 1) * channels, 0f);
                }
            }
            int parity = t & 1;
            for (int l = 0; l < layerCount; l++) {
                ReservoirLayer layer = layers.get(l);
                int size = layer.size();
                ForwardStep step = steps[l][parity];
                float[] previous = parity == 0 ? b.outA[l] : b.outB[l];
                float[] in = l == 0 ? b.data : steps[l - 1][parity].output();
                Arrays.fill(b.input[l], from * size, to * size, layer.bias());
                Gemm.multiplyRows(in, layer.inputWeights(), b.input[l], layer.inputSize(), size, from, to, true);
                if (layer.recurrentWeights() != null) {
                    Gemm.multiplyRows(previous, layer.recurrentWeights(), b.input[l], size, size, from, to, true);
                }
                layer.dynamics().forward(step);
                float[] out = step.output();
                float[] membrane = step.stateOut()[membraneIndex[l]];
                double[] f = features.get(l).data();
                int width = featureCount[l];
                int membraneBlock = spikeFeatures ? bins * size : 0;
                int finalBlock = membraneBlock + (membraneFeatures ? bins * size : 0);
                for (int r = from; r < to; r++) {
                    int length = samples[r].length();
                    if (t >= length) {
                        continue;
                    }
                    int bin = (int) ((long) t * bins / length);
                    int row = (offset + r) * width;
                    int o = r * size;
                    double sum = 0;
                    for (int j = 0; j < size; j++) {
                        sum += out[o + j];
                    }
                    spikes[offset + r] += sum;
                    if (spikeFeatures) {
                        int base = row + bin * size;
                        for (int j = 0; j < size; j++) {
                            f[base + j] += out[o + j];
                        }
                    }
                    if (membraneFeatures) {
                        int base = row + membraneBlock + bin * size;
                        for (int j = 0; j < size; j++) {
                            f[base + j] += membrane[o + j];
                        }
                    }
                    if (settings.finalState() && t == length - 1) {
                        int base = row + finalBlock;
                        for (int j = 0; j < size; j++) {
                            f[base + j] = membrane[o + j];
                        }
                    }
                }
            }
        }
        for (int r = from; r < to; r++) {
            int length = samples[r].length();
            int[] stepsPerBin = new int[bins];
            for (int t = 0; t < length; t++) {
                stepsPerBin[(int) ((long) t * bins / length)]++;
            }
            for (int l = 0; l < layerCount; l++) {
                int size = layers.get(l).size();
                double[] f = features.get(l).data();
                int row = (offset + r) * featureCount[l];
                int blocks = (spikeFeatures ? 1 : 0) + (membraneFeatures ? 1 : 0);
                for (int k = 0; k < blocks; k++) {
                    for (int bin = 0; bin < bins; bin++) {
                        if (stepsPerBin[bin] == 0) {
                            continue;
                        }
                        int base = row + (k * bins + bin) * size;
                        for (int j = 0; j < size; j++) {
                            f[base + j] /= stepsPerBin[bin];
                        }
                    }
                }
            }
        }
    }
}
