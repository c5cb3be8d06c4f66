package org.myelin.core.snn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.myelin.api.InvalidInputException;
import org.myelin.api.data.Sample;
import org.myelin.core.parallel.ParallelRows;
import org.myelin.core.random.RandomStream;

/** The engine's gradients, kernels and determinism. */
class SnnEngineTest {

    private static InputBatch denseBatch(int steps, int batch, int ch, long seed) {
        InputBatch in = new InputBatch().resetDense(InputBatch.Form.DENSE, steps, batch, ch);
        RandomStream rs = RandomStream.of(seed);
        for (int i = 0; i < steps * batch * ch; i++) {
            in.dense()[i] = (float) rs.nextGaussian();
        }
        for (int b = 0; b < batch; b++) {
            in.rowSeeds()[b] = 1000 + b;
        }
        return in;
    }

    private static SnnNetwork smoothNetwork() {
        LayerOptions hidden = new LayerOptions(true, true, 0.6, 0.7, 0.8, 0, 1, 1);
        return SnnNetwork.create(3, List.of(new LayerSpec("h", new SmoothUnits(5, 0.8), hidden),
                new LayerSpec("o", new SmoothUnits(3, 0.7), LayerOptions.DEFAULT)), RandomStream.of(7));
    }

    /** Central differences in double of the engine's float32 loss, with Dale signs and masks on. */
    private static void checkFiniteDifferences(Readout readout, LossKind loss) {
        SnnNetwork net = smoothNetwork();
        SnnEngine engine = new SnnEngine(net, readout, loss, SpikeKernels.EVENTS, 2, ParallelRows.serial());
        InputBatch in = denseBatch(6, 5, 3, 11);
        Targets y = Targets.ofLabels(new int[] {0, 2, 1, 1, 0, 2, 2, 1, 0, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2});
        Gradients g = new Gradients(net);
        engine.train(in, y, g);
        RandomStream pick = RandomStream.of(3);
        int checked = 0;
        for (Parameter p : net.parameters()) {
            float[] grad = g.of(p);
            for (int n = 0; n < 6; n++) {
                int i = pick.nextInt(p.size());
                float old = p.values()[i];
                // max is piecewise smooth: a small step keeps the arg-max step in place
                double eps = readout == Readout.MAX_MEMBRANE ? 1e-3 : 1e-2;
                p.values()[i] = (float) (old + eps);
                net.refresh();
                double up = engine.evaluate(in, y).loss();
                p.values()[i] = (float) (old - eps);
                net.refresh();
                double down = engine.evaluate(in, y).loss();
                p.values()[i] = old;
                net.refresh();
                double fd = (up - down) / (2 * eps);
                assertEquals(fd, grad[i], 2e-3 + 2e-2 * Math.abs(fd), readout + "/" + loss + " " + p.name() + "[" + i + "]");
                checked++;
            }
        }
        assertEquals(6 * 5, checked);
    }

    @Test
    void weightGradientsMatchFiniteDifferencesForEveryReadout() {
        for (Readout r : List.of(Readout.SUM_MEMBRANE, Readout.MEAN_MEMBRANE, Readout.LAST_MEMBRANE, Readout.MAX_MEMBRANE,
                Readout.MEMBRANE_PER_STEP)) {
            checkFiniteDifferences(r, LossKind.CROSS_ENTROPY);
        }
        checkFiniteDifferences(Readout.MEAN_MEMBRANE, LossKind.MSE);
    }

    private static SnnNetwork spikingNetwork(double noise) {
        LayerOptions rec = new LayerOptions(true, true, 0, 1, 1, noise, 3, 1);
        return SnnNetwork.create(30, List.of(new LayerSpec("h", ReferenceLif.snnTorch(24, 0.9), rec),
                new LayerSpec("o", ReferenceLif.snnTorch(4, 0.9), new LayerOptions(false, true, 0, 1, 1, 0, 3, 1))),
                RandomStream.of(5));
    }

    private static InputBatch poissonBatch(int batch) {
        List<Sample> samples = new ArrayList<>();
        long[] seeds = new long[batch];
        RandomStream rs = RandomStream.of(9);
        for (int b = 0; b < batch; b++) {
            float[] v = new float[30];
            for (int c = 0; c < 30; c++) {
                v[c] = (float) rs.nextDouble();
            }
            samples.add(new Sample(b % 4, 1, 30, v, null));
            seeds[b] = 77 + b;
        }
        InputBatch in = new InputBatch();
        InputEncoder.poisson(20, 0.5).encode(samples, seeds, in);
        return in;
    }

    private static int[] labels(int batch) {
        int[] y = new int[batch];
        for (int b = 0; b < batch; b++) {
            y[b] = b % 4;
        }
        return y;
    }

    @Test
    void eventDrivenAndDenseKernelsAgree() {
        SnnNetwork net = spikingNetwork(0);
        InputBatch in = poissonBatch(20);
        Gradients ge = new Gradients(net);
        Gradients gd = new Gradients(net);
        SnnEngine events = new SnnEngine(net, Readout.SUM_MEMBRANE, LossKind.CROSS_ENTROPY, SpikeKernels.EVENTS, 8, ParallelRows.serial());
        SnnEngine dense = new SnnEngine(net, Readout.SUM_MEMBRANE, LossKind.CROSS_ENTROPY, SpikeKernels.DENSE, 8, ParallelRows.serial());
        StateRecording re = events.record(in);
        StateRecording rd = dense.record(in);
        assertArrayEquals(re.output(0), rd.output(0), "identical hidden spike trains");
        assertArrayEquals(re.output(1), rd.output(1), "identical output spike trains");
        double le = events.train(in, Targets.ofLabels(labels(20)), ge).loss();
        double spikes = events.evaluate(in, null).spikes(0);
        double ld = dense.train(in, Targets.ofLabels(labels(20)), gd).loss();
        assertTrue(spikes > 100, "the hidden layer is active: " + spikes);
        assertEquals(le, ld, 1e-5 * Math.abs(le));
        for (int p = 0; p < ge.arrays().length; p++) {
            float[] a = ge.arrays()[p];
            float[] b = gd.arrays()[p];
            double max = 0;
            for (float x : a) {
                max = Math.max(max, Math.abs(x));
            }
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-5 * max + 1e-7, net.parameters().get(p).name() + "[" + i + "]");
            }
        }
    }

    @Test
    void resultsAreBitIdenticalForOneTwoAndThreeThreads() {
        float[][] first = null;
        double firstLoss = 0;
        for (int threads = 1; threads <= 3; threads++) {
            SnnNetwork net = spikingNetwork(0.3);
            try (ParallelRows rows = ParallelRows.withThreads(threads)) {
                SnnEngine e = SnnEngine.of(net, Readout.SUM_MEMBRANE, LossKind.CROSS_ENTROPY, rows);
                Gradients g = new Gradients(net);
                double loss = e.train(poissonBatch(40), Targets.ofLabels(labels(40)), g).loss();
                if (first == null) {
                    first = g.arrays();
                    firstLoss = loss;
                } else {
                    assertEquals(firstLoss, loss, 0.0);
                    for (int p = 0; p < first.length; p++) {
                        assertArrayEquals(first[p], g.arrays()[p], "parameter " + p + " with " + threads + " threads");
                    }
                }
            }
        }
    }

    /**
     * A forward-only pass runs the feed-forward spiking hidden layer on one step's buffers
     * (ChunkPass.forwardStreaming); the training pass keeps every step. Both must give the same
     * bits for the logits, the loss, the spike counts and the per-neuron activity (the reference
     * is the training pass, whose gradients the other tests check), at 1 and 2 threads.
     */
    @Test
    void forwardOnlyPassGivesTheSameBitsAsTheTrainingPass() {
        for (int threads = 1; threads <= 2; threads++) {
            SnnNetwork net = SnnNetwork.create(30, List.of(new LayerSpec("h", ReferenceLif.snnTorch(24, 0.9), LayerOptions.DEFAULT),
                    new LayerSpec("o", ReferenceLif.snnTorch(4, 0.9), LayerOptions.DEFAULT)), RandomStream.of(5));
            try (ParallelRows rows = ParallelRows.withThreads(threads)) {
                SnnEngine e = SnnEngine.of(net, Readout.SUM_MEMBRANE, LossKind.CROSS_ENTROPY, rows);
                InputBatch in = poissonBatch(40);
                Targets y = Targets.ofLabels(labels(40));
                BatchResult trained = e.train(in, y, new Gradients(net));
                float[] logits = trained.logits().clone();
                double loss = trained.loss();
                double[] spikes = {trained.spikes(0), trained.spikes(1)};
                float[][] activity = {trained.activity(0).clone(), trained.activity(1).clone()};
                assertTrue(spikes[0] > 0, "the hidden layer spikes");
                BatchResult evaluated = e.evaluate(in, y);
                assertArrayEquals(logits, evaluated.logits(), threads + " threads");
                assertEquals(loss, evaluated.loss(), 0.0);
                for (int l = 0; l < 2; l++) {
                    assertEquals(spikes[l], evaluated.spikes(l), 0.0, "spikes of layer " + l);
                    assertArrayEquals(activity[l], evaluated.activity(l), "activity of layer " + l);
                }
            }
        }
    }

    @Test
    void sumMembraneReadoutIsTheSumOfTheRecordedMembrane() {
        SnnNetwork net = spikingNetwork(0);
        SnnEngine e = SnnEngine.of(net, Readout.SUM_MEMBRANE, LossKind.CROSS_ENTROPY, ParallelRows.serial());
        InputBatch in = poissonBatch(3);
        StateRecording rec = e.record(in);
        BatchResult r = e.evaluate(in, null);
        for (int b = 0; b < 3; b++) {
            for (int k = 0; k < 4; k++) {
                float s = 0;
                for (int t = 0; t < 20; t++) {
                    s += rec.membrane(1)[(t * 3 + b) * 4 + k];
                }
                assertEquals(s, r.logits()[b * 4 + k], 1e-4f);
            }
        }
    }

    @Test
    void badLayerOptionsNameTheLayerAndOption() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LayerOptions.parse(Map.of("noise_std", -1), 1));
        assertTrue(e.getMessage().startsWith("model.layers[1].noise_std"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> LayerOptions.parse(Map.of("recurent", true), 0));
        assertTrue(e.getMessage().contains("model.layers[0].recurent") && e.getMessage().contains("recurrent"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> LayerOptions.parse(Map.of("dale", 1.5), 2));
        assertTrue(e.getMessage().startsWith("model.layers[2].dale"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> LayerOptions.parse(Map.of("recurrent_gain", 2), 0));
        assertTrue(e.getMessage().contains("not recurrent"), e.getMessage());
        LayerOptions ok = LayerOptions.parse(Map.of("recurrent", true, "dale", 0.8, "noise_std", 0.1), 0);
        assertTrue(ok.recurrent());
        assertEquals(0.8, ok.daleExcitatory());
    }

    @Test
    void daleSignsHoldAfterAnyRawValues() {
        SnnNetwork net = smoothNetwork();
        Parameter w1 = net.parameter("W1");
        for (int i = 0; i < w1.size(); i++) {
            w1.values()[i] = (i % 2 == 0 ? 1 : -1) * 0.5f;
        }
        net.refresh();
        float[] eff = net.feedForward(1).effective;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 3; j++) {
                float v = eff[i * 3 + j];
                assertTrue(i < 3 ? v >= 0 : v <= 0, "presynaptic unit " + i + " of 5 with 60 % excitatory: " + v);
            }
        }
    }
}
