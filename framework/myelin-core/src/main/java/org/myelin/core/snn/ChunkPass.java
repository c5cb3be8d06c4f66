package org.myelin.core.snn;

import java.util.Arrays;
import java.util.List;

import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.core.random.RandomStream;

/**
 * Forward and backward pass of one fixed chunk of batch rows, with all buffers it needs.
 *
 * <p>Every per-step array is time-major over the chunk: row {@code t * c + b} holds step
 * {@code t} of chunk row {@code b} ({@code c} rows in the chunk). The neuron dynamics are called
 * with the row range {@code [t c, t c + c)} of these arrays, so one call advances the chunk by one
 * step and the recorded values stay in place for the backward pass. Feed-forward currents are
 * computed for all steps at once after the layer below has run; recurrent currents step by step.
 * The chunk's parameter gradients go to its own {@link Gradients}, which the engine sums in chunk
 * order. Buffers grow when a batch needs more steps and are reused otherwise.
 */
final class ChunkPass {

    /**
     * Unused elements after the small arrays that every event writes ({@link #acc}, the counting
     * sort's counters): chunks run on different cores, and without the gap the heap may place one
     * chunk's array in the same cache line as another chunk's (false sharing). A guard; on this
     * shared machine its effect was within the run-to-run noise.
     */
    private static final int PAD = 32;

    /**
     * Bytes of current-gradient rows per block of the by-channel input weight gradient: 512 KB,
     * half the L2 cache of one core of the machine the engine was tuned on (512 rows of 256).
     */
    private static final int GRADIENT_BLOCK_BYTES = 512 * 1024;

    private final SnnNetwork net;
    private final SpikeKernels kernels;
    private final Readout readout;
    private final LossKind lossKind;
    private final int layers;
    private final int cap;
    private final int[] n;
    private final int[] stateCount;
    private final boolean[] spiking;
    private final NeuronDynamics[] dyn;
    final Gradients grads;
    private final float[][][] gradParams;
    private final float[][] gradW;
    private final float[][] gradB;
    private final float[][] gradV;
    private final float[][][] gradWRows;
    private final float[] acc;
    private int[] channelStart;
    private int[] channelFill;
    private int[] eventRow;
    private float[] eventValue;
    private float[][] gradRows;

    private int tCap;
    private float[][] cur;
    private float[][] out;
    private float[][] gOut;
    private float[][] gCur;
    private float[][][] before;
    private float[][][] after;
    private float[][][] gsOut;
    private float[][][] gsIn;
    private int[][] actStart;
    private int[][] actIdx;
    private float[][] actVal;
    private float[][] streamCur;
    private float[][] streamOut;
    private float[][][] streamA;
    private float[][][] streamB;
    private boolean streamed0;
    private float[][] upRows;
    private int[] upIndex;
    private float[] stepGradOut;
    private float[] stepGradCur;
    private float[][] stepGradA;
    private float[][] stepGradB;
    private float[] xbuf;
    private float[] gsum;
    private float[] dz;
    private int[] argmax;
    private ForwardStep[][] fwd;
    private BackwardStep[][] bwd;
    private int cachedRows = -1;
    private int cachedSteps = -1;
    final double[] spikes;

    ChunkPass(SnnNetwork net, SpikeKernels kernels, Readout readout, LossKind lossKind, int cap) {
        this.net = net;
        this.kernels = kernels;
        this.readout = readout;
        this.lossKind = lossKind;
        this.cap = cap;
        List<LayerSpec> specs = net.layers();
        layers = specs.size();
        n = new int[layers];
        stateCount = new int[layers];
        spiking = new boolean[layers];
        dyn = new NeuronDynamics[layers];
        grads = new Gradients(net);
        gradParams = new float[layers][][];
        gradW = new float[layers][];
        gradB = new float[layers][];
        gradV = new float[layers][];
        spikes = new double[layers];
        gradWRows = new float[layers][][];
        for (int l = 0; l < layers; l++) {
            dyn[l] = specs.get(l).dynamics();
            n[l] = dyn[l].size();
            stateCount[l] = dyn[l].stateNames().size();
            spiking[l] = dyn[l].spiking();
            List<String> names = dyn[l].trainableParameters();
            gradParams[l] = new float[names.size()][];
            for (int k = 0; k < names.size(); k++) {
                gradParams[l][k] = grads.of(net.parameter(names.get(k) + l));
            }
            gradW[l] = grads.of(net.feedForward(l).weight);
            gradB[l] = net.bias(l) == null ? null : grads.of(net.bias(l));
            gradV[l] = net.recurrent(l) == null ? null : grads.of(net.recurrent(l).weight);
        }
        int widest = 1;
        for (int l = 0; l < layers; l++) {
            widest = Math.max(widest, n[l]);
            if (kernels == SpikeKernels.EVENTS && l > 0) {
                gradWRows[l] = new float[net.feedForward(l).in][n[l]];
            }
        }
        acc = new float[widest + PAD];
    }

    private void ensure(int steps, int inputChannels) {
        if (steps <= tCap && xbuf != null && xbuf.length >= steps * cap * inputChannels) {
            return;
        }
        tCap = Math.max(steps, tCap);
        int rows = tCap * cap;
        cur = new float[layers][];
        out = new float[layers][];
        gOut = new float[layers][];
        gCur = new float[layers][];
        before = new float[layers][][];
        after = new float[layers][][];
        gsOut = new float[layers][][];
        gsIn = new float[layers][][];
        actStart = new int[layers][];
        actIdx = new int[layers][];
        actVal = new float[layers][];
        int maxN = 0;
        for (int l = 0; l < layers; l++) {
            int size = rows * n[l];
            cur[l] = new float[size];
            out[l] = new float[size];
            gOut[l] = new float[size];
            gCur[l] = new float[size];
            before[l] = new float[stateCount[l]][size];
            after[l] = new float[stateCount[l]][size];
            gsOut[l] = new float[stateCount[l]][size];
            gsIn[l] = new float[stateCount[l]][size];
            actStart[l] = new int[rows + 1];
            actIdx[l] = new int[spiking[l] ? size : 0];
            actVal[l] = new float[spiking[l] ? size : 0];
            maxN = Math.max(maxN, n[l]);
        }
        xbuf = new float[rows * inputChannels];
        gsum = new float[cap * Math.max(maxN, 1)];
        int k = n[layers - 1];
        dz = new float[rows * k];
        argmax = new int[cap * k];
        cachedRows = -1;
    }

    private void steps(int c, int steps) {
        if (c == cachedRows && steps == cachedSteps) {
            return;
        }
        fwd = new ForwardStep[layers][steps];
        bwd = new BackwardStep[layers][steps];
        for (int l = 0; l < layers; l++) {
            for (int t = 0; t < steps; t++) {
                fwd[l][t] = new ForwardStep(cur[l], before[l], after[l], out[l], t * c, t * c + c);
                bwd[l][t] = new BackwardStep(cur[l], before[l], out[l], gOut[l], gsOut[l], gCur[l], gsIn[l], gradParams[l],
                        t * c, t * c + c);
            }
        }
        cachedRows = c;
        cachedSteps = steps;
    }

    /**
     * Runs the chunk's rows {@code [r0, r0 + c)} of a batch.
     *
     * @param in the batch input
     * @param r0 first batch row
     * @param c rows in the chunk
     * @param targets targets, or {@code null} for outputs only
     * @param norm the loss divisor (sum of weights over the batch, times outputs for MSE)
     * @param backward whether to compute gradients (into {@link #grads}, zeroed first)
     * @param result where outputs, row losses and activity go
     * @param recording where states go, or {@code null}
     */
    void run(InputBatch in, int r0, int c, Targets targets, double norm, boolean backward, BatchResult result,
            StateRecording recording) {
        int steps = in.steps();
        ensure(steps, in.channels());
        steps(c, steps);
        Arrays.fill(spikes, 0.0);
        streamed0 = recording == null && streams(0, in);
        for (int l = 0; l < layers; l++) {
            if (l == 0 && streamed0) {
                forwardStreaming(l, in, r0, c, steps, backward);
            } else {
                forwardLayer(l, in, r0, c, steps);
            }
            collect(l, r0, c, steps, result, recording, in.batch());
        }
        readoutAndLoss(in.batch(), r0, c, steps, targets, norm, backward, result);
        if (!backward) {
            return;
        }
        boolean byChannel = byChannel(in);
        float[][] g = grads.arrays();
        for (float[] a : g) {
            // dW0 by channel overwrites every row itself
            if (!(byChannel && a == gradW[0])) {
                Arrays.fill(a, 0f);
            }
        }
        for (int l = layers - 1; l >= 0; l--) {
            if (l == 0 && streamed0) {
                backwardStreaming(in, r0, c, steps);
            } else {
                backwardLayer(l, in, r0, c, steps);
            }
        }
    }

    /**
     * Whether layer {@code l} runs on one step's buffers instead of arrays over all steps: a
     * spiking layer below the last, without recurrence, fed by spike input with event kernels and
     * no noise, and no state recording. The layer above reads its spike lists and the activity
     * its spike values, so forward the state ping-pongs between two one-step arrays and only the
     * input current and the state before each step are kept for BPTT; backward
     * ({@link #backwardStreaming}) works on one step's buffers as well. The current, state, output
     * and gradients of a step stay in the L1/L2 cache instead of streaming some 15 MB per chunk
     * through the L3 that the cores share.
     */
    private boolean streams(int l, InputBatch in) {
        return l == 0 && l < layers - 1 && spiking[l] && net.recurrent(l) == null && kernels == SpikeKernels.EVENTS
                && in.form() == InputBatch.Form.SPIKES && net.layers().get(l).options().noiseStd() == 0;
    }

    /**
     * The forward pass of a layer that {@link #streams}: per step the same operations as
     * {@link #forwardLayer} (currents by {@link #inputStep}, the neurons, the spike list), on
     * buffers of one step, so the results are the same bits. With {@code keep}, each step's
     * current and state before the step are copied into the all-steps arrays for the backward pass.
     */
    private void forwardStreaming(int l, InputBatch in, int r0, int c, int steps, boolean keep) {
        int nl = n[l];
        int sc = stateCount[l];
        if (streamCur == null) {
            streamCur = new float[layers][];
            streamOut = new float[layers][];
            streamA = new float[layers][][];
            streamB = new float[layers][][];
        }
        if (streamCur[l] == null) {
            streamCur[l] = new float[cap * nl];
            streamOut[l] = new float[cap * nl];
            streamA[l] = new float[sc][cap * nl];
            streamB[l] = new float[sc][cap * nl];
        }
        float[] current = streamCur[l];
        float[] o = streamOut[l];
        ForwardStep even = new ForwardStep(current, streamA[l], streamB[l], o, 0, c);
        ForwardStep odd = new ForwardStep(current, streamB[l], streamA[l], o, 0, c);
        NeuronDynamics d = dyn[l];
        d.initState(streamA[l], 0, c);
        Projection w = net.feedForward(l);
        Parameter bias = net.bias(l);
        int[] start = actStart[l];
        int[] idx = actIdx[l];
        float[] val = actVal[l];
        start[0] = 0;
        int ptr = 0;
        for (int t = 0; t < steps; t++) {
            inputStep(in, r0, c, t, w, bias, current, 0);
            if (keep) {
                int block = c * nl;
                float[][] stateIn = t % 2 == 0 ? streamA[l] : streamB[l];
                System.arraycopy(current, 0, cur[l], t * block, block);
                for (int s = 0; s < sc; s++) {
                    System.arraycopy(stateIn[s], 0, before[l][s], t * block, block);
                }
            }
            d.forward(t % 2 == 0 ? even : odd);
            for (int b = 0; b < c; b++) {
                int ro = b * nl;
                for (int j = 0; j < nl; j++) {
                    if (o[ro + j] != 0f) {
                        idx[ptr] = j;
                        val[ptr++] = o[ro + j];
                    }
                }
                start[t * c + b + 1] = ptr;
            }
        }
    }

    private void forwardLayer(int l, InputBatch in, int r0, int c, int steps) {
        int nl = n[l];
        int rows = steps * c;
        float[] current = cur[l];
        Projection w = net.feedForward(l);
        Parameter bias = net.bias(l);
        double noise = net.layers().get(l).options().noiseStd();
        // spike input without noise: each step's currents are made right before the neurons read
        // them (still in cache), with the same operations per element as the all-steps path
        boolean perStep = l == 0 && in.form() == InputBatch.Form.SPIKES && kernels == SpikeKernels.EVENTS && noise == 0;
        if (perStep) {
            // nothing to prepare
        } else if (bias == null) {
            Arrays.fill(current, 0, rows * nl, 0f);
        } else {
            float[] bv = bias.values();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(bv, 0, current, r * nl, nl);
            }
        }
        if (perStep) {
            // see the time loop
        } else if (l == 0) {
            inputCurrents(in, r0, c, steps, w, current);
        } else if (spiking[l - 1] && kernels == SpikeKernels.EVENTS) {
            int[] start = actStart[l - 1];
            int[] idx = actIdx[l - 1];
            float[][] wr = w.rows();
            for (int r = 0; r < rows; r++) {
                int ro = r * nl;
                if (start[r + 1] > start[r]) {
                    System.arraycopy(current, ro, acc, 0, nl);
                    EventKernels.gatherOnes(wr, idx, start[r], start[r + 1], acc, nl);
                    System.arraycopy(acc, 0, current, ro, nl);
                }
            }
        } else {
            DenseProducts.sgemm(false, false, rows, nl, n[l - 1], 1f, out[l - 1], 0, n[l - 1], w.effective, 0, nl, 1f, current, 0, nl);
        }
        if (noise > 0) {
            long[] seeds = in.rowSeeds();
            for (int b = 0; b < c; b++) {
                RandomStream rs = RandomStream.of(seeds[r0 + b]).child("noise/layer" + l);
                for (int t = 0; t < steps; t++) {
                    int ro = (t * c + b) * nl;
                    for (int j = 0; j < nl; j++) {
                        current[ro + j] += (float) (noise * rs.nextGaussian());
                    }
                }
            }
        }
        Projection v = net.recurrent(l);
        NeuronDynamics d = dyn[l];
        int sc = stateCount[l];
        d.initState(before[l], 0, c);
        int block = c * nl;
        int[] start = actStart[l];
        int[] idx = actIdx[l];
        float[] val = actVal[l];
        start[0] = 0;
        int ptr = 0;
        float[] o = out[l];
        for (int t = 0; t < steps; t++) {
            if (perStep) {
                inputStep(in, r0, c, t, w, bias, current, t * c);
            }
            if (v != null && t > 0) {
                if (spiking[l] && kernels == SpikeKernels.EVENTS) {
                    for (int b = 0; b < c; b++) {
                        int prev = (t - 1) * c + b;
                        int ro = (t * c + b) * nl;
                        for (int k = start[prev], e = start[prev + 1]; k < e; k++) {
                            DenseProducts.axpy(1f, v.effective, idx[k] * nl, current, ro, nl);
                        }
                    }
                } else {
                    DenseProducts.sgemm(false, false, c, nl, nl, 1f, o, (t - 1) * block, nl, v.effective, 0, nl, 1f, current,
                            t * block, nl);
                }
            }
            d.forward(fwd[l][t]);
            if (t + 1 < steps) {
                for (int s = 0; s < sc; s++) {
                    System.arraycopy(after[l][s], t * block, before[l][s], (t + 1) * block, block);
                }
            }
            if (spiking[l]) {
                for (int b = 0; b < c; b++) {
                    int r = t * c + b;
                    int ro = r * nl;
                    for (int j = 0; j < nl; j++) {
                        if (o[ro + j] != 0f) {
                            idx[ptr] = j;
                            val[ptr++] = o[ro + j];
                        }
                    }
                    start[r + 1] = ptr;
                }
            }
        }
    }

    /**
     * Step {@code t} of the spike input's currents: bias, then the events in order, as
     * {@link #inputCurrents} does; chunk row {@code b} goes to row {@code firstRow + b} of {@code current}.
     */
    private void inputStep(InputBatch in, int r0, int c, int t, Projection w, Parameter bias, float[] current, int firstRow) {
        int nl = n[0];
        int batch = in.batch();
        int[] rs = in.rowStart();
        int[] idx = in.index();
        float[] val = in.value();
        float[][] wr = w.rows();
        for (int b = 0; b < c; b++) {
            int row = t * batch + r0 + b;
            if (bias == null) {
                Arrays.fill(acc, 0, nl, 0f);
            } else {
                System.arraycopy(bias.values(), 0, acc, 0, nl);
            }
            EventKernels.gather(wr, idx, val, rs[row], rs[row + 1], acc, nl);
            System.arraycopy(acc, 0, current, (firstRow + b) * nl, nl);
        }
    }

    private void inputCurrents(InputBatch in, int r0, int c, int steps, Projection w, float[] current) {
        int nl = n[0];
        int ch = in.channels();
        int batch = in.batch();
        float[] we = w.effective;
        switch (in.form()) {
            case CONSTANT: {
                DenseProducts.sgemm(false, false, c, nl, ch, 1f, in.dense(), r0 * ch, ch, we, 0, nl, 1f, current, 0, nl);
                for (int t = 1; t < steps; t++) {
                    System.arraycopy(current, 0, current, t * c * nl, c * nl);
                }
                break;
            }
            case DENSE: {
                for (int t = 0; t < steps; t++) {
                    System.arraycopy(in.dense(), (t * batch + r0) * ch, xbuf, t * c * ch, c * ch);
                }
                DenseProducts.sgemm(false, false, steps * c, nl, ch, 1f, xbuf, 0, ch, we, 0, nl, 1f, current, 0, nl);
                break;
            }
            default: {
                int[] rs = in.rowStart();
                int[] idx = in.index();
                float[] val = in.value();
                if (kernels == SpikeKernels.EVENTS) {
                    float[][] wr = w.rows();
                    for (int t = 0; t < steps; t++) {
                        for (int b = 0; b < c; b++) {
                            int row = t * batch + r0 + b;
                            int ro = (t * c + b) * nl;
                            if (rs[row + 1] > rs[row]) {
                                System.arraycopy(current, ro, acc, 0, nl);
                                EventKernels.gather(wr, idx, val, rs[row], rs[row + 1], acc, nl);
                                System.arraycopy(acc, 0, current, ro, nl);
                            }
                        }
                    }
                } else {
                    densifyInput(in, r0, c, steps);
                    DenseProducts.sgemm(false, false, steps * c, nl, ch, 1f, xbuf, 0, ch, we, 0, nl, 1f, current, 0, nl);
                }
            }
        }
    }

    private void densifyInput(InputBatch in, int r0, int c, int steps) {
        int ch = in.channels();
        int batch = in.batch();
        Arrays.fill(xbuf, 0, steps * c * ch, 0f);
        int[] rs = in.rowStart();
        int[] idx = in.index();
        float[] val = in.value();
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < c; b++) {
                int row = t * batch + r0 + b;
                int ro = (t * c + b) * ch;
                for (int k = rs[row], e = rs[row + 1]; k < e; k++) {
                    xbuf[ro + idx[k]] += val[k];
                }
            }
        }
    }

    private void collect(int l, int r0, int c, int steps, BatchResult result, StateRecording recording, int batch) {
        int nl = n[l];
        float[] o = out[l];
        float[] act = result.activity[l];
        float invT = 1f / steps;
        double total = 0;
        int[] start = actStart[l];
        int[] idx = actIdx[l];
        float[] val = actVal[l];
        for (int b = 0; b < c; b++) {
            int ao = (r0 + b) * nl;
            Arrays.fill(acc, 0, nl, 0f);
            for (int t = 0; t < steps; t++) {
                int r = t * c + b;
                int ro = r * nl;
                if (spiking[l]) {
                    // only the nonzero outputs (kept beside the spike list): adding the zeros would not change the sums
                    for (int k = start[r], e = start[r + 1]; k < e; k++) {
                        acc[idx[k]] += val[k];
                    }
                } else {
                    for (int j = 0; j < nl; j++) {
                        acc[j] += o[ro + j];
                    }
                }
            }
            for (int j = 0; j < nl; j++) {
                act[ao + j] = acc[j] * invT;
                total += acc[j];
            }
        }
        spikes[l] = total;
        if (recording != null) {
            float[] mem = after[l][0];
            for (int t = 0; t < steps; t++) {
                System.arraycopy(mem, t * c * nl, recording.membrane(l), (t * batch + r0) * nl, c * nl);
                System.arraycopy(o, t * c * nl, recording.output(l), (t * batch + r0) * nl, c * nl);
            }
        }
    }

    private void readoutAndLoss(int batch, int r0, int c, int steps, Targets targets, double norm, boolean backward,
            BatchResult result) {
        int last = layers - 1;
        int k = n[last];
        float[] mem = after[last][0];
        float[] spk = out[last];
        float[] logits = result.logits;
        if (readout.perStep()) {
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < c; b++) {
                    System.arraycopy(mem, (t * c + b) * k, logits, (t * batch + r0 + b) * k, k);
                }
            }
        } else {
            for (int b = 0; b < c; b++) {
                int lo = (r0 + b) * k;
                for (int j = 0; j < k; j++) {
                    float z;
                    switch (readout) {
                        case SUM_MEMBRANE:
                        case MEAN_MEMBRANE: {
                            float s = 0f;
                            for (int t = 0; t < steps; t++) {
                                s += mem[(t * c + b) * k + j];
                            }
                            z = readout == Readout.MEAN_MEMBRANE ? s / steps : s;
                            break;
                        }
                        case MAX_MEMBRANE: {
                            int best = 0;
                            float m = mem[b * k + j];
                            for (int t = 1; t < steps; t++) {
                                float u = mem[(t * c + b) * k + j];
                                if (u > m) {
                                    m = u;
                                    best = t;
                                }
                            }
                            argmax[b * k + j] = best;
                            z = m;
                            break;
                        }
                        case SPIKE_COUNT: {
                            float s = 0f;
                            for (int t = 0; t < steps; t++) {
                                s += spk[(t * c + b) * k + j];
                            }
                            z = s;
                            break;
                        }
                        default:
                            z = mem[((steps - 1) * c + b) * k + j];
                    }
                    logits[lo + j] = z;
                }
            }
        }
        if (targets == null) {
            return;
        }
        int perRow = readout.perStep() ? steps : 1;
        for (int t = 0; t < perRow; t++) {
            for (int b = 0; b < c; b++) {
                int row = t * batch + r0 + b;
                int local = (t * c + b) * k;
                lossOfRow(row, local, logits, row * k, k, targets, norm, result);
            }
        }
    }

    private void lossOfRow(int row, int local, float[] logits, int lo, int k, Targets targets, double norm, BatchResult result) {
        float w = targets.weight(row);
        int label = targets.labels() == null ? -1 : targets.labels()[row];
        if (label >= k) {
            throw new IllegalArgumentException("label " + label + " of output row " + row + " is outside [0, " + k + ")");
        }
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (logits[lo + j] > logits[lo + best]) {
                best = j;
            }
        }
        result.correct[row] = w > 0 && label >= 0 && best == label;
        double loss = 0;
        if (lossKind == LossKind.CROSS_ENTROPY) {
            if (label < 0) {
                throw new IllegalArgumentException("cross-entropy needs class labels, output row " + row + " has none");
            }
            double m = logits[lo + best];
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(logits[lo + j] - m);
            }
            double lse = m + Math.log(sum);
            loss = lse - logits[lo + label];
            for (int j = 0; j < k; j++) {
                double p = Math.exp(logits[lo + j] - lse);
                dz[local + j] = (float) (w * (p - (j == label ? 1 : 0)) / norm);
            }
        } else {
            for (int j = 0; j < k; j++) {
                double y = targets.values() != null ? targets.values()[row * k + j] : (j == label ? 1 : 0);
                double e = logits[lo + j] - y;
                loss += e * e;
                dz[local + j] = (float) (2 * w * e / norm);
            }
        }
        result.rowLoss[row] = w * loss / norm;
    }

    /** Whether the input weight gradient is summed by channel ({@link #inputGradientByChannel}). */
    private boolean byChannel(InputBatch in) {
        return kernels == SpikeKernels.EVENTS && in.form() == InputBatch.Form.SPIKES;
    }

    private void backwardLayer(int l, InputBatch in, int r0, int c, int steps) {
        int nl = n[l];
        int rows = steps * c;
        int block = c * nl;
        int sc = stateCount[l];
        float[] go = gOut[l];
        float[] gc = gCur[l];
        // below the last layer the state gradient of step t - 1 is the one step t hands back, a
        // copy (only the last step's is zero); the last layer adds it to the readout's gradient
        boolean top = l == layers - 1;
        for (int s = 0; s < sc; s++) {
            if (top) {
                Arrays.fill(gsOut[l][s], 0, rows * nl, 0f);
            } else {
                Arrays.fill(gsOut[l][s], (steps - 1) * block, rows * nl, 0f);
            }
        }
        if (top) {
            Arrays.fill(go, 0, rows * nl, 0f);
            readoutGradient(c, steps);
        }
        Projection v = net.recurrent(l);
        NeuronDynamics d = dyn[l];
        // layer 0 with spike input: each step's current gradient rows go to the offset-0 rows of
        // the by-channel sum right after the neurons wrote them (still in cache), and the bias
        // gradient adds them from there; otherwise the bias adds them through the scratch row
        float[][] gRows = l == 0 && byChannel(in) ? gradRows(nl) : null;
        float[] gb = gradB[l];
        for (int t = steps - 1; t >= 0; t--) {
            if (v != null && t < steps - 1) {
                DenseProducts.sgemm(false, true, c, nl, nl, 1f, gc, (t + 1) * block, nl, v.effective, 0, nl, 1f, go, t * block, nl);
            }
            d.backward(bwd[l][t]);
            for (int b = 0; b < c && (gRows != null || gb != null); b++) {
                int r = t * c + b;
                float[] row = gRows != null ? gRows[r] : acc;
                System.arraycopy(gc, r * nl, row, 0, nl);
                if (gb != null) {
                    EventKernels.add(1f, row, gb, nl);
                }
            }
            if (t > 0) {
                for (int s = 0; s < sc; s++) {
                    if (top) {
                        DenseProducts.axpy(1f, gsIn[l][s], t * block, gsOut[l][s], (t - 1) * block, block);
                    } else {
                        System.arraycopy(gsIn[l][s], t * block, gsOut[l][s], (t - 1) * block, block);
                    }
                }
            }
        }
        weightGradient(l, in, r0, c, steps);
        if (v != null && steps > 1) {
            float[] gv = gradV[l];
            if (spiking[l] && kernels == SpikeKernels.EVENTS) {
                int[] start = actStart[l];
                int[] idx = actIdx[l];
                for (int r = c; r < rows; r++) {
                    int prev = r - c;
                    for (int k = start[prev], e = start[prev + 1]; k < e; k++) {
                        DenseProducts.axpy(1f, gc, r * nl, gv, idx[k] * nl, nl);
                    }
                }
            } else {
                DenseProducts.sgemm(true, false, nl, nl, rows - c, 1f, out[l], 0, nl, gc, block, nl, 1f, gv, 0, nl);
            }
        }
        if (l > 0 && !(l == 1 && streamed0)) {
            DenseProducts.sgemm(false, true, rows, n[l - 1], nl, 1f, gc, 0, nl, net.feedForward(l).effective, 0, nl, 0f,
                    gOut[l - 1], 0, n[l - 1]);
        }
    }

    /**
     * BPTT through layer 0 when it {@link #streams}: step by step from the last, on one step's
     * buffers at offset 0: the kept current and state, the output rebuilt from the spike list,
     * {@code dL/dS = dI1 W1^T} of this step (summed over the layer above's units in order, as
     * fused row gathers of the transposed weights), and the state gradient handed from step to
     * step by swapping two arrays. Each step's current gradient goes to the by-channel rows and
     * the bias gradient as in {@link #backwardLayer}; the result does not depend on the threads.
     */
    private void backwardStreaming(InputBatch in, int r0, int c, int steps) {
        int nl = n[0];
        int up = n[1];
        int sc = stateCount[0];
        int block = c * nl;
        if (stepGradOut == null) {
            stepGradOut = new float[cap * nl];
            stepGradCur = new float[cap * nl];
            stepGradA = new float[sc][cap * nl];
            stepGradB = new float[sc][cap * nl];
            upRows = new float[up][nl];
        }
        if (upIndex == null || upIndex.length < tCap * cap * up) {
            upIndex = new int[tCap * cap * up];
            for (int k = 0; k < upIndex.length; k++) {
                upIndex[k] = k % up;
            }
        }
        float[] w1 = net.feedForward(1).effective;
        for (int i = 0; i < nl; i++) {
            for (int j = 0; j < up; j++) {
                upRows[j][i] = w1[i * up + j];
            }
        }
        float[] stepIn = streamCur[0];
        float[][] stepState = streamA[0];
        float[] stepOut = streamOut[0];
        BackwardStep even = new BackwardStep(stepIn, stepState, stepOut, stepGradOut, stepGradA, stepGradCur, stepGradB,
                gradParams[0], 0, c);
        BackwardStep odd = new BackwardStep(stepIn, stepState, stepOut, stepGradOut, stepGradB, stepGradCur, stepGradA,
                gradParams[0], 0, c);
        for (int s = 0; s < sc; s++) {
            Arrays.fill(stepGradA[s], 0, block, 0f);
        }
        float[][] gRows = byChannel(in) ? gradRows(nl) : null;
        float[] gb = gradB[0];
        float[] gcUp = gCur[1];
        int[] start = actStart[0];
        int[] idx = actIdx[0];
        float[] val = actVal[0];
        NeuronDynamics d = dyn[0];
        for (int t = steps - 1, q = 0; t >= 0; t--, q++) {
            System.arraycopy(cur[0], t * block, stepIn, 0, block);
            for (int s = 0; s < sc; s++) {
                System.arraycopy(before[0][s], t * block, stepState[s], 0, block);
            }
            Arrays.fill(stepOut, 0, block, 0f);
            for (int b = 0; b < c; b++) {
                int r = t * c + b;
                for (int k = start[r], e = start[r + 1]; k < e; k++) {
                    stepOut[b * nl + idx[k]] = val[k];
                }
                int ro = r * up;
                Arrays.fill(acc, 0, nl, 0f);
                EventKernels.gather(upRows, upIndex, gcUp, ro, ro + up, acc, nl);
                System.arraycopy(acc, 0, stepGradOut, b * nl, nl);
            }
            d.backward(q % 2 == 0 ? even : odd);
            for (int b = 0; b < c; b++) {
                float[] row = gRows != null ? gRows[t * c + b] : acc;
                System.arraycopy(stepGradCur, b * nl, row, 0, nl);
                if (gb != null) {
                    EventKernels.add(1f, row, gb, nl);
                }
            }
        }
        weightGradient(0, in, r0, c, steps);
    }

    private void weightGradient(int l, InputBatch in, int r0, int c, int steps) {
        int nl = n[l];
        int rows = steps * c;
        float[] gc = gCur[l];
        float[] gw = gradW[l];
        if (l > 0) {
            if (spiking[l - 1] && kernels == SpikeKernels.EVENTS) {
                int[] start = actStart[l - 1];
                int[] idx = actIdx[l - 1];
                float[][] gr = zeroedRows(l);
                for (int r = 0; r < rows; r++) {
                    if (start[r + 1] > start[r]) {
                        System.arraycopy(gc, r * nl, acc, 0, nl);
                        EventKernels.scatter(acc, gr, idx, null, start[r], start[r + 1], nl);
                    }
                }
                addRows(gr, gw, nl);
            } else {
                DenseProducts.sgemm(true, false, n[l - 1], nl, rows, 1f, out[l - 1], 0, n[l - 1], gc, 0, nl, 1f, gw, 0, nl);
            }
            return;
        }
        int ch = in.channels();
        int batch = in.batch();
        switch (in.form()) {
            case CONSTANT: {
                Arrays.fill(gsum, 0, c * nl, 0f);
                for (int t = 0; t < steps; t++) {
                    DenseProducts.axpy(1f, gc, t * c * nl, gsum, 0, c * nl);
                }
                DenseProducts.sgemm(true, false, ch, nl, c, 1f, in.dense(), r0 * ch, ch, gsum, 0, nl, 1f, gw, 0, nl);
                break;
            }
            case DENSE:
                DenseProducts.sgemm(true, false, ch, nl, rows, 1f, xbuf, 0, ch, gc, 0, nl, 1f, gw, 0, nl);
                break;
            default:
                if (kernels == SpikeKernels.EVENTS) {
                    int[] rs = in.rowStart();
                    int[] idx = in.index();
                    float[] val = in.value();
                    inputGradientByChannel(rs, idx, val, r0, c, steps, batch, ch, nl, gw);
                } else {
                    DenseProducts.sgemm(true, false, ch, nl, rows, 1f, xbuf, 0, ch, gc, 0, nl, 1f, gw, 0, nl);
                }
        }
    }

    /**
     * {@code dW0 = sum over input events of value x dI[row]}, one input channel at a time: the
     * chunk's events are sorted by channel (a counting sort that keeps rows ascending), the current
     * gradient rows are in row arrays ({@link #backwardLayer} copied them there step by step), and
     * each channel's weight-gradient row is summed in the L1 cache with the fused gather instead
     * of being read and written once per event. The rows are taken in blocks of
     * {@link #GRADIENT_BLOCK_BYTES} (so that the gather's random row reads hit
     * the core's own L2 instead of the shared L3): the sort key is (block, channel), and a
     * channel's partial sum is stored in {@code gw} between blocks and continued from there. Every
     * element still adds its events one by one in ascending row order, as the per-event loop did,
     * so the blocks change no bit. Every row of {@code gw} is written, zero for a channel without
     * events.
     */
    private void inputGradientByChannel(int[] rs, int[] idx, float[] val, int r0, int c, int steps, int batch, int ch, int nl,
            float[] gw) {
        int rows = steps * c;
        int blockRows = Math.max(1, GRADIENT_BLOCK_BYTES / (Float.BYTES * nl));
        int blocks = (rows + blockRows - 1) / blockRows;
        int keys = blocks * ch;
        if (channelStart == null || channelStart.length < keys + 1) {
            channelStart = new int[keys + 1 + PAD];
        }
        int[] cs = channelStart;
        Arrays.fill(cs, 0, keys + 1, 0);
        int events = 0;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < c; b++) {
                int row = t * batch + r0 + b;
                int base = (t * c + b) / blockRows * ch + 1;
                for (int k = rs[row], e = rs[row + 1]; k < e; k++) {
                    cs[base + idx[k]]++;
                }
                events += rs[row + 1] - rs[row];
            }
        }
        for (int i = 0; i < keys; i++) {
            cs[i + 1] += cs[i];
        }
        if (eventRow == null || eventRow.length < events) {
            eventRow = new int[Math.max(events, 1024)];
            eventValue = new float[eventRow.length];
        }
        float[][] gradRows = gradRows(nl);
        int[] fill = channelFill(keys);
        System.arraycopy(cs, 0, fill, 0, keys);
        boolean ones = true;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < c; b++) {
                int row = t * batch + r0 + b;
                int r = t * c + b;
                int base = r / blockRows * ch;
                for (int k = rs[row], e = rs[row + 1]; k < e; k++) {
                    int p = fill[base + idx[k]]++;
                    eventRow[p] = r;
                    eventValue[p] = val[k];
                    ones &= val[k] == 1f;
                }
            }
        }
        for (int blk = 0; blk < blocks; blk++) {
            for (int i = 0; i < ch; i++) {
                int from = cs[blk * ch + i];
                int to = cs[blk * ch + i + 1];
                if (from == to) {
                    if (blk == 0) {
                        // dW0 is not zeroed before (see run): the first block writes every row
                        Arrays.fill(gw, i * nl, (i + 1) * nl, 0f);
                    }
                    continue;
                }
                if (blk == 0) {
                    Arrays.fill(acc, 0, nl, 0f);
                } else {
                    System.arraycopy(gw, i * nl, acc, 0, nl);
                }
                if (ones) {
                    EventKernels.gatherOnes(gradRows, eventRow, from, to, acc, nl);
                } else {
                    EventKernels.gather(gradRows, eventRow, eventValue, from, to, acc, nl);
                }
                System.arraycopy(acc, 0, gw, i * nl, nl);
            }
        }
    }

    /** The current gradient rows at offset 0 for {@link #inputGradientByChannel}, filled by {@link #backwardLayer}. */
    private float[][] gradRows(int nl) {
        if (gradRows == null || gradRows.length < tCap * cap || gradRows[0].length != nl) {
            gradRows = new float[tCap * cap][nl];
        }
        return gradRows;
    }

    private int[] channelFill(int ch) {
        if (channelFill == null || channelFill.length < ch) {
            channelFill = new int[ch + PAD];
        }
        return channelFill;
    }

    private float[][] zeroedRows(int l) {
        float[][] gr = gradWRows[l];
        for (float[] row : gr) {
            Arrays.fill(row, 0f);
        }
        return gr;
    }

    /** {@code flat += rows} (flat is {@code [rows.length][n]}); the flat gradient is zero here, so this is a copy in effect. */
    private static void addRows(float[][] rows, float[] flat, int n) {
        for (int i = 0; i < rows.length; i++) {
            float[] r = rows[i];
            int o = i * n;
            for (int j = 0; j < n; j++) {
                flat[o + j] += r[j];
            }
        }
    }

    private void readoutGradient(int c, int steps) {
        int last = layers - 1;
        int k = n[last];
        float[] gs = gsOut[last][0];
        float[] go = gOut[last];
        switch (readout) {
            case MEMBRANE_PER_STEP:
                System.arraycopy(dz, 0, gs, 0, steps * c * k);
                break;
            case SUM_MEMBRANE:
            case MEAN_MEMBRANE: {
                float scale = readout == Readout.MEAN_MEMBRANE ? 1f / steps : 1f;
                for (int t = 0; t < steps; t++) {
                    DenseProducts.axpy(scale, dz, 0, gs, t * c * k, c * k);
                }
                break;
            }
            case SPIKE_COUNT:
                for (int t = 0; t < steps; t++) {
                    DenseProducts.axpy(1f, dz, 0, go, t * c * k, c * k);
                }
                break;
            case MAX_MEMBRANE:
                for (int b = 0; b < c; b++) {
                    for (int j = 0; j < k; j++) {
                        gs[(argmax[b * k + j] * c + b) * k + j] += dz[b * k + j];
                    }
                }
                break;
            default:
                DenseProducts.axpy(1f, dz, 0, gs, (steps - 1) * c * k, c * k);
        }
    }
}
