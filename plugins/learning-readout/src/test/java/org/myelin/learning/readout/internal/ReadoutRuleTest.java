package org.myelin.learning.readout.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.myelin.api.InvalidInputException;
import org.myelin.api.RunCancelledException;
import org.myelin.api.array.Matrix;
import org.myelin.api.array.SpikeEvents;
import org.myelin.api.data.Sample;
import org.myelin.api.learning.TrainingResult;
import org.myelin.api.learning.TrainingTask;
import org.myelin.api.network.Layer;
import org.myelin.api.network.NetworkDescription;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.Parameters;

class ReadoutRuleTest {

    private final ReadoutRule rule = new ReadoutRule();

    private static Layer lif(String name, int size, Map<String, Object> options) {
        return new Layer(name, size, "test-lif", TestLif.INSTANCE, TestLif.INSTANCE.params(0.9, 1.0), options);
    }

    private static NetworkDescription network(Layer... layers) {
        return new NetworkDescription(List.of(layers), 1.0);
    }

    private Parameters params(Object... keyValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Parameters.resolve("train.params", rule.parameters(), raw);
    }

    private TrainingResult train(NetworkDescription net, InMemoryDataset data, Parameters p, RecordingContext ctx) {
        return rule.train(new TrainingTask(net, data, p), ctx);
    }

    @Test
    void declaresEveryParameterWithDocAndDefault() {
        assertEquals("readout", rule.id());
        assertEquals(List.of("readout", "epochs", "lr", "l2", "bins", "features", "final_state", "input_scale", "recurrent_scale",
                "connectivity", "bias", "batch_size"), rule.parameters().stream().map(s -> s.name()).toList());
        rule.parameters().forEach(s -> {
            assertTrue(!s.doc().isEmpty(), s.name());
            assertTrue(!s.required(), s.name());
        });
    }

    @Test
    void softmaxReadoutSeparatesNoisySinesOfUnequalLength() {
        InMemoryDataset data = InMemoryDataset.sines(60, 60, 7);
        RecordingContext ctx = new RecordingContext(42, 1);
        TrainingResult r = train(network(lif("reservoir", 60, Map.of())), data, params("epochs", 200, "bins", 4), ctx);
        // chance is 0.5; slow and fast sines give clearly different binned rates
        assertTrue(r.metrics().get("test_accuracy") >= 0.9, r.metrics().toString());
        assertTrue(r.metrics().get("train_accuracy") >= 0.95, r.metrics().toString());
        assertEquals(200, ctx.series("train_loss").size());
        assertEquals(200, ctx.series("train_accuracy").size());
        List<Double> loss = ctx.series("train_loss");
        // zero weights give exactly ln 2 for two classes
        assertEquals(Math.log(2), loss.get(0), 1e-12);
        assertTrue(loss.get(loss.size() - 1) < 0.2 * loss.get(0), loss.get(loss.size() - 1) + " vs " + loss.get(0));
        assertEquals(60L, ctx.progress.get("simulate train"));
        assertEquals(60L, ctx.progress.get("simulate test"));
        assertEquals(200L, ctx.progress.get("readout"));
        double rate = r.metrics().get("spike_rate");
        assertTrue(rate > 0.01 && rate < 0.9, "spike rate " + rate);
        // 60 neurons x 4 bins x (spikes + membrane)
        assertEquals(480.0, r.metrics().get("features"));
        Matrix rep = r.representations().get("reservoir");
        assertEquals(60, rep.rows());
        assertEquals(480, rep.cols());
    }

    @Test
    void ridgeReadoutSeparatesNoisySinesAndLogsOneStep() {
        InMemoryDataset data = InMemoryDataset.sines(60, 60, 8);
        RecordingContext ctx = new RecordingContext(42, 1);
        TrainingResult r = train(network(lif("reservoir", 60, Map.of())), data, params("readout", "ridge", "bins", 4, "l2", 1.0), ctx);
        assertTrue(r.metrics().get("test_accuracy") >= 0.9, r.metrics().toString());
        assertEquals(1, ctx.series("train_loss").size());
        assertEquals(r.metrics().get("train_loss"), ctx.series("train_loss").get(0));
    }

    @Test
    void resultsAreIdenticalForOneAndTwoThreads() {
        InMemoryDataset data = InMemoryDataset.sines(30, 30, 9);
        NetworkDescription net = network(lif("reservoir", 40, Map.of("recurrent_scale", 0.8)));
        // batches of 7 do not divide 30, so the thread cut and the batch cut both vary
        Parameters p = params("epochs", 30, "batch_size", 7, "final_state", true);
        TrainingResult one = train(net, data, p, new RecordingContext(5, 1));
        TrainingResult two = train(net, data, p, new RecordingContext(5, 2));
        TrainingResult three = train(net, data, p, new RecordingContext(5, 3));
        assertEquals(one.metrics(), two.metrics());
        assertEquals(one.metrics(), three.metrics());
        assertArrayEquals(one.representations().get("reservoir").data(), two.representations().get("reservoir").data());
        assertArrayEquals(one.representations().get("reservoir").data(), three.representations().get("reservoir").data());
    }

    @Test
    void anotherModelSeedDrawsAnotherReservoir() {
        InMemoryDataset data = InMemoryDataset.sines(20, 20, 9);
        NetworkDescription net = network(lif("reservoir", 30, Map.of()));
        Parameters p = params("epochs", 5);
        TrainingResult a = train(net, data, p, new RecordingContext(5, 1));
        TrainingResult b = train(net, data, p, new RecordingContext(6, 1));
        assertTrue(!java.util.Arrays.equals(a.representations().get("reservoir").data(), b.representations().get("reservoir").data()));
    }

    @Test
    void stackedLayersFeedEachOtherAndEachGivesARepresentation() {
        InMemoryDataset data = InMemoryDataset.sines(40, 40, 10);
        NetworkDescription net = network(lif("low", 40, Map.of()), lif("high", 20, Map.of("input_scale", 3.0)));
        RecordingContext ctx = new RecordingContext(1, 2);
        TrainingResult r = train(net, data, params("epochs", 100, "features", "spikes", "bins", 3), ctx);
        assertEquals(40 * 3, r.representations().get("low").cols());
        assertEquals(20 * 3, r.representations().get("high").cols());
        assertEquals(180.0, r.metrics().get("features"));
        // the upper layer is driven only by the lower layer's spikes, so it must spike too
        double upper = 0;
        for (double v : r.representations().get("high").data()) {
            upper += v;
        }
        assertTrue(upper > 0, "the upper layer never spiked");
        assertTrue(r.metrics().get("test_accuracy") >= 0.8, r.metrics().toString());
    }

    @Test
    void cancellationBetweenEpochsStopsTheRun() {
        InMemoryDataset data = InMemoryDataset.sines(20, 20, 11);
        RecordingContext ctx = new RecordingContext(1, 2, step -> step == 3);
        assertThrows(RunCancelledException.class, () -> train(network(lif("r", 20, Map.of())), data, params("epochs", 100), ctx));
        assertEquals(3, ctx.series("train_loss").size());
    }

    @Test
    void cancellationBeforeSimulationStopsAtOnce() {
        InMemoryDataset data = InMemoryDataset.sines(20, 20, 11);
        RecordingContext ctx = new RecordingContext(1, 2);
        ctx.cancel();
        assertThrows(RunCancelledException.class, () -> train(network(lif("r", 20, Map.of())), data, params(), ctx));
        assertTrue(ctx.metrics.isEmpty());
    }

    @Test
    void rejectsAnUnknownLayerOptionNamingTheField() {
        InMemoryDataset data = InMemoryDataset.sines(10, 10, 12);
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> train(network(lif("r", 10, Map.of("recurent_scale", 0.5))), data, params(), new RecordingContext(1, 1)));
        assertEquals("model.layers[0].recurent_scale", e.input());
        assertTrue(e.getMessage().contains("recurrent_scale"), e.getMessage());
    }

    @Test
    void rejectsAnOutOfRangeLayerOptionNamingTheField() {
        InMemoryDataset data = InMemoryDataset.sines(10, 10, 12);
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> train(network(lif("a", 10, Map.of()), lif("b", 10, Map.of("connectivity", 1.5))), data, params(),
                        new RecordingContext(1, 1)));
        assertEquals("model.layers[1].connectivity", e.input());
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
    }

    @Test
    void rejectsAnOutOfRangeTrainParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> params("bins", 0));
        assertEquals("train.params.bins", e.input());
    }

    @Test
    void rejectsANetworkWithoutLayers() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> train(network(), InMemoryDataset.sines(10, 10, 1), params(), new RecordingContext(1, 1)));
        assertEquals("model.layers", e.input());
    }

    @Test
    void rejectsEventSamplesNamingTheSample() {
        List<Sample> train = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            train.add(new Sample(i % 2, 5, 2, new float[10], null));
        }
        train.add(new Sample(1, 5, 2, null, new SpikeEvents(5, 2, new int[0], new int[0])));
        InMemoryDataset data = new InMemoryDataset("mixed", 2, List.of("a", "b"), train, List.of());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> train(network(lif("r", 5, Map.of())), data, params(), new RecordingContext(1, 1)));
        assertEquals("train sample 3", e.input());
    }

    @Test
    void rejectsNonFiniteInputNamingStepAndChannel() {
        float[] v = new float[10];
        v[7] = Float.NaN;
        List<Sample> train = List.of(new Sample(0, 5, 2, new float[10], null), new Sample(1, 5, 2, v, null));
        InMemoryDataset data = new InMemoryDataset("nan", 2, List.of("a", "b"), train, List.of());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> train(network(lif("r", 5, Map.of())), data, params(), new RecordingContext(1, 1)));
        assertEquals("train sample 1", e.input());
        assertTrue(e.getMessage().contains("step 3, channel 1"), e.getMessage());
    }

    @Test
    void quickstartSettingsReachTheTargetOnGunPoint() throws Exception {
        Path dir = Path.of("../../examples/data/GunPoint");
        InMemoryDataset data = InMemoryDataset.ucr(dir, "GunPoint");
        assertEquals(50, data.train().size());
        assertEquals(150, data.test().size());
        Parameters p = params("bins", 5, "recurrent_scale", 0.5, "connectivity", 0.1, "epochs", 300, "lr", 0.01, "l2", 0.1);
        TrainingResult r = train(network(lif("reservoir", 300, Map.of())), data, p, new RecordingContext(42, 2));
        assertTrue(r.metrics().get("test_accuracy") >= 0.85, r.metrics().toString());
        assertEquals(150, r.representations().get("reservoir").rows());
    }
}
