package org.myelin.learning.bptt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.InvalidInputException;
import org.myelin.api.RunCancelledException;
import org.myelin.api.data.DataSplit;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.DatasetInfo;
import org.myelin.api.data.Sample;
import org.myelin.api.data.SampleKind;
import org.myelin.api.learning.TrainingResult;
import org.myelin.api.learning.TrainingTask;
import org.myelin.api.network.Layer;
import org.myelin.api.network.NetworkDescription;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.neuron.NeuronModel;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.myelin.core.random.RandomStream;
import org.myelin.core.snn.NpyArray;

/**
 * The rule on a synthetic two-class problem (class = which half of 8 channels carries the
 * current), with a smooth test population standing in for a neuron plugin.
 */
class BpttRuleTest {

    /** Leaky units with a logistic output; enough for the rule's plumbing, smooth for learning. */
    static final class LeakyModel implements NeuronModel {
        @Override
        public String id() {
            return "leaky-test";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public NeuronDynamics create(Parameters params, int size, double dtMs) {
            return new LeakyUnits(size);
        }
    }

    static Dataset twoHalves(int perSplit) {
        RandomStream rs = RandomStream.of(1);
        List<Sample> train = new ArrayList<>();
        List<Sample> test = new ArrayList<>();
        for (int i = 0; i < 2 * perSplit; i++) {
            int label = i % 2;
            float[] v = new float[8];
            for (int c = 0; c < 8; c++) {
                v[c] = (float) (0.3 * rs.nextGaussian() + ((c < 4) == (label == 0) ? 1 : 0));
            }
            (i < perSplit ? train : test).add(new Sample(label, 1, 8, v, null));
        }
        DatasetInfo info = new DatasetInfo(SampleKind.STATIC, 8, 1, true, List.of("left", "right"), Map.of());
        return new Dataset() {
            @Override
            public String name() {
                return "halves";
            }

            @Override
            public DatasetInfo info() {
                return info;
            }

            @Override
            public DataSplit train() {
                return split(train);
            }

            @Override
            public DataSplit test() {
                return split(test);
            }

            @Override
            public Map<String, String> digests() {
                return Map.of();
            }
        };
    }

    static DataSplit split(List<Sample> s) {
        return new DataSplit() {
            @Override
            public int size() {
                return s.size();
            }

            @Override
            public Sample get(int index) {
                return s.get(index);
            }
        };
    }

    static TrainingTask task(Map<String, Object> params, Map<String, Object> hiddenOptions) {
        LeakyModel m = new LeakyModel();
        NetworkDescription net = new NetworkDescription(List.of(
                new Layer("hidden", 16, m.id(), m, Parameters.EMPTY, hiddenOptions),
                new Layer("out", 2, m.id(), m, Parameters.EMPTY, Map.of())), 1.0);
        return new TrainingTask(net, twoHalves(64), Parameters.resolve("train.params", BpttSettings.SPECS, params));
    }

    @Test
    void learnsTheSyntheticProblemAndReturnsTheHiddenRepresentation(@TempDir Path dir) throws Exception {
        Map<String, Object> p = new HashMap<>(Map.of("epochs", 15, "batch_size", 16, "lr", 0.05, "steps", 4,
                "readout", "mean_membrane"));
        TestRun run = new TestRun(dir, 5, 2, Integer.MAX_VALUE);
        TrainingResult r = new BpttRule().train(task(p, Map.of("noise_std", 0.05)), run);
        assertTrue(r.metrics().get("test_accuracy") >= 0.95, "test accuracy " + r.metrics());
        assertEquals(15, run.metrics.get("train_loss").size());
        assertTrue(run.metrics.get("train_loss").get(14) < run.metrics.get("train_loss").get(0), run.metrics.get("train_loss").toString());
        assertEquals(64, r.representations().get("hidden").rows());
        assertEquals(16, r.representations().get("hidden").cols());
        for (String f : List.of("weights/best/W0.npy", "weights/best/b0.npy", "weights/last/W1.npy", "weights/last/b1.npy")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertArrayEquals(new int[] {16, 8}, NpyArray.read(dir.resolve("weights/last/W0.npy")).shape());
    }

    @Test
    void initFromReloadsSavedWeightsAndSameSeedRepeatsBitForBit(@TempDir Path dir) throws Exception {
        Map<String, Object> p = new HashMap<>(Map.of("epochs", 3, "batch_size", 16, "lr", 0.05, "steps", 4));
        TestRun a = new TestRun(dir.resolve("a"), 5, 1, Integer.MAX_VALUE);
        TrainingResult ra = new BpttRule().train(task(p, Map.of()), a);
        TestRun b = new TestRun(dir.resolve("b"), 5, 3, Integer.MAX_VALUE);
        TrainingResult rb = new BpttRule().train(task(p, Map.of()), b);
        assertEquals(ra.metrics().get("test_loss"), rb.metrics().get("test_loss"), 0.0, "1 and 3 threads, same seed");
        p.put("init_from", dir.resolve("a/weights/last").toString());
        p.put("epochs", 1);
        p.put("lr", 0.0);
        TestRun c = new TestRun(dir.resolve("c"), 9, 1, Integer.MAX_VALUE);
        TrainingResult rc = new BpttRule().train(task(p, Map.of()), c);
        assertEquals(ra.metrics().get("test_loss"), rc.metrics().get("test_loss"), 1e-12, "lr 0 keeps the loaded weights");
    }

    @Test
    void stopsBetweenBatchesWhenCancelled(@TempDir Path dir) {
        Map<String, Object> p = new HashMap<>(Map.of("epochs", 50, "batch_size", 8, "steps", 2));
        TestRun run = new TestRun(dir, 5, 1, 3);
        assertThrows(RunCancelledException.class, () -> new BpttRule().train(task(p, Map.of()), run));
        assertEquals(3, run.advanced.get(), "no batch after the cancelling one");
        assertTrue(run.metrics.isEmpty(), "no epoch completed");
    }

    @Test
    void badOptionsNameTheInput(@TempDir Path dir) {
        TestRun run = new TestRun(dir, 5, 1, Integer.MAX_VALUE);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new BpttRule().train(task(Map.of(), Map.of("connectivity", 2)), run));
        assertTrue(e.getMessage().startsWith("model.layers[0].connectivity"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> new BpttRule().train(task(Map.of("encoder", "events"), Map.of()), run));
        assertTrue(e.getMessage().startsWith("train.params.encoder"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> new BpttRule().train(task(Map.of("nesterov", true), Map.of()), run));
        assertTrue(e.getMessage().startsWith("train.params.nesterov"), e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> new BpttRule().train(task(Map.of("init_from", dir.resolve("nothing").toString()), Map.of()), run));
        assertTrue(e.getMessage().startsWith("train.params.init_from"), e.getMessage());
    }
}
