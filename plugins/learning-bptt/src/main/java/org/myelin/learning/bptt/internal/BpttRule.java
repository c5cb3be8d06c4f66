package org.myelin.learning.bptt.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.myelin.api.InvalidInputException;
import org.myelin.api.PluginProperties;
import org.myelin.api.array.Matrix;
import org.myelin.api.data.DataSplit;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.DatasetInfo;
import org.myelin.api.data.Sample;
import org.myelin.api.data.SampleKind;
import org.myelin.api.learning.LearningRule;
import org.myelin.api.learning.TrainingResult;
import org.myelin.api.learning.TrainingTask;
import org.myelin.api.network.Layer;
import org.myelin.api.network.NetworkDescription;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.run.ProgressReporter;
import org.myelin.api.run.RunContext;
import org.myelin.core.optim.Adam;
import org.myelin.core.optim.GradientClipping;
import org.myelin.core.optim.LearningRateSchedule;
import org.myelin.core.optim.Optimizer;
import org.myelin.core.optim.Sgd;
import org.myelin.core.parallel.ParallelRows;
import org.myelin.core.random.RandomStream;
import org.myelin.core.snn.BatchResult;
import org.myelin.core.snn.Gradients;
import org.myelin.core.snn.InputBatch;
import org.myelin.core.snn.InputEncoder;
import org.myelin.core.snn.LayerOptions;
import org.myelin.core.snn.LayerSpec;
import org.myelin.core.snn.SnnEngine;
import org.myelin.core.snn.SnnNetwork;
import org.myelin.core.snn.Targets;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code bptt} learning rule: trains the spec's network end to end with surrogate-gradient
 * backpropagation through time ({@code org.myelin.core.snn.SnnEngine}) and a PyTorch-style
 * optimiser ({@code org.myelin.core.optim}).
 *
 * <p>Per epoch it shuffles the training split from the run's {@code data} stream, steps the
 * optimiser once per batch (checking for cancellation between batches), evaluates the test split
 * and logs {@code train_loss}, {@code train_accuracy} (running over the epoch's batches),
 * {@code test_loss}, {@code test_accuracy}, {@code lr} and {@code rate_layer<l>} (outputs per
 * neuron per step on the test split). Weights of the best epoch (by test accuracy, or training
 * loss without a test split) and of the last one go to the artifacts {@code weights/best/} and
 * {@code weights/last/} as {@code .npy} files that {@code init_from} reloads. Returns the metrics
 * of the last epoch and, for compare blocks, the last hidden layer's mean output per unit on the
 * test split under that layer's name.
 */
@Component(service = LearningRule.class, property = {PluginProperties.ID + "=bptt", PluginProperties.KIND + "=learning"})
public final class BpttRule implements LearningRule {

    /** Creates the rule; it holds no state between runs. */
    public BpttRule() {
        // DS needs a public no-argument constructor
    }

    @Override
    public String id() {
        return "bptt";
    }

    @Override
    public String description() {
        return "Surrogate-gradient backpropagation through time for spiking and rate networks (Adam/AdamW/SGD, schedules, clipping)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return BpttSettings.SPECS;
    }

    @Override
    public TrainingResult train(TrainingTask task, RunContext context) throws Exception {
        BpttSettings s = BpttSettings.of(task.params());
        Dataset data = task.data();
        DatasetInfo info = data.info();
        if (info.classCount() < 2) {
            throw new InvalidInputException("data", "dataset " + data.name() + " has " + info.classCount() + " classes",
                    "bptt trains a classifier: it needs at least 2 classes");
        }
        DataSplit train = data.train();
        int trainCount = s.trainLimit() > 0 ? Math.min(s.trainLimit(), train.size()) : train.size();
        DataSplit test = data.test();
        int testCount = s.testLimit() > 0 ? Math.min(s.testLimit(), test.size()) : test.size();
        if (trainCount == 0) {
            throw new InvalidInputException("data", "dataset " + data.name() + " has no training samples", null);
        }
        SnnNetwork net = build(task.network(), info, context);
        if (net.outputSize() != info.classCount()) {
            throw new InvalidInputException("model.layers[" + (task.network().layers().size() - 1) + "].size",
                    "the last layer has " + net.outputSize() + " neurons but " + data.name() + " has " + info.classCount() + " classes",
                    "make the last layer's size " + info.classCount());
        }
        if (!s.initFrom().isBlank()) {
            SavedWeights.load(Path.of(s.initFrom()), net);
            context.log("bptt: weights loaded from " + s.initFrom());
        }
        InputEncoder encoder = encoder(s, info);
        long dataSeed = context.seed("data");
        try (ParallelRows rows = ParallelRows.withThreads(context.parallelism())) {
            SnnEngine engine = SnnEngine.of(net, s.readout(), s.loss(), rows);
            Gradients grads = new Gradients(net);
            float[][] params = new float[net.parameters().size()][];
            for (int i = 0; i < params.length; i++) {
                params[i] = net.parameters().get(i).values();
            }
            int batchesPerEpoch = (trainCount + s.batchSize() - 1) / s.batchSize();
            Optimizer opt = optimizer(s);
            LearningRateSchedule schedule = schedule(s, (long) batchesPerEpoch * s.epochs());
            context.log(String.format(Locale.ROOT, "bptt: %s, %d parameters, %s encoder, %s readout, %s, %d train / %d test samples, "
                    + "%d thread(s)", describe(net), net.parameterCount(), s.encoder(), s.readout().word(), s.optimizer(), trainCount,
                    testCount, rows.parallelism()));
            InputBatch batch = new InputBatch();
            Map<String, Double> last = new LinkedHashMap<>();
            SavedWeights best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            long batchStep = 0;
            float[] testActivity = null;
            int repLayer = Math.max(0, net.layers().size() - 2);
            for (int epoch = 0; epoch < s.epochs(); epoch++) {
                int[] order = shuffled(trainCount, RandomStream.of(dataSeed).child("shuffle/epoch" + epoch));
                if (!s.schedule().equals("one_cycle")) {
                    schedule.apply(opt, epoch);
                }
                double lossSum = 0;
                long correct = 0;
                long t0 = System.nanoTime();
                try (ProgressReporter.Task progress = context.progress().begin("epoch " + (epoch + 1) + "/" + s.epochs(),
                        batchesPerEpoch, "batches")) {
                    for (int start = 0; start < trainCount; start += s.batchSize()) {
                        context.throwIfCancelled();
                        int n = Math.min(s.batchSize(), trainCount - start);
                        int[] labels = fill(train, order, start, n, encoder, batch, dataSeed, "train/epoch" + epoch);
                        if (s.schedule().equals("one_cycle")) {
                            schedule.apply(opt, batchStep);
                        }
                        BatchResult r = engine.train(batch, Targets.ofLabels(labels), grads);
                        if (!Double.isFinite(r.loss())) {
                            throw new IllegalStateException("the training loss became " + r.loss() + " in epoch " + (epoch + 1)
                                    + "; lower lr or input_gain, or add clip");
                        }
                        lossSum += r.loss() * n;
                        correct += r.correctCount();
                        if (s.clip() > 0) {
                            GradientClipping.clipByGlobalNorm(grads.arrays(), s.clip());
                        }
                        opt.step(params, grads.arrays(), rows);
                        net.refresh();
                        batchStep++;
                        progress.advance(1);
                        progress.status(String.format(Locale.ROOT, "loss %.4f", r.loss()));
                    }
                }
                double trainSeconds = (System.nanoTime() - t0) / 1e9;
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("train_loss", lossSum / trainCount);
                m.put("train_accuracy", (double) correct / trainCount);
                m.put("lr", opt.learningRate());
                m.put("epoch_seconds", trainSeconds);
                if (testCount > 0) {
                    Evaluation ev = evaluate(engine, test, testCount, encoder, batch, s.batchSize(), dataSeed, net, repLayer, context);
                    m.put("test_loss", ev.loss);
                    m.put("test_accuracy", ev.accuracy);
                    for (int l = 0; l < net.layers().size(); l++) {
                        m.put("rate_layer" + l, ev.rates[l]);
                    }
                    testActivity = ev.activity;
                }
                context.logMetrics(epoch + 1, m);
                context.log(String.format(Locale.ROOT, "bptt: epoch %d/%d train loss %.4f accuracy %.4f%s (%.1f s)", epoch + 1,
                        s.epochs(), m.get("train_loss"), m.get("train_accuracy"),
                        testCount > 0 ? String.format(Locale.ROOT, ", test loss %.4f accuracy %.4f", m.get("test_loss"),
                                m.get("test_accuracy")) : "", trainSeconds));
                double score = testCount > 0 ? m.get("test_accuracy") : -m.get("train_loss");
                if (score > bestScore) {
                    bestScore = score;
                    best = SavedWeights.of(net);
                }
                last = m;
            }
            best.write(context.artifacts(), "weights/best");
            SavedWeights.of(net).write(context.artifacts(), "weights/last");
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("train_loss", last.get("train_loss"));
            metrics.put("train_accuracy", last.get("train_accuracy"));
            metrics.put("test_loss", last.getOrDefault("test_loss", Double.NaN));
            metrics.put("test_accuracy", last.getOrDefault("test_accuracy", Double.NaN));
            metrics.put("best_test_accuracy", testCount > 0 ? bestScore : Double.NaN);
            metrics.put("parameters", (double) net.parameterCount());
            Map<String, Matrix> reps = new LinkedHashMap<>();
            if (testActivity != null) {
                int size = net.layers().get(repLayer).size();
                double[] d = new double[testCount * size];
                for (int i = 0; i < d.length; i++) {
                    d[i] = testActivity[i];
                }
                reps.put(net.layers().get(repLayer).name(), new Matrix(testCount, size, d));
            }
            return new TrainingResult(metrics, reps);
        }
    }

    private static final class Evaluation {
        double loss;
        double accuracy;
        double[] rates;
        float[] activity;
    }

    private static Evaluation evaluate(SnnEngine engine, DataSplit split, int count, InputEncoder encoder, InputBatch batch,
            int batchSize, long dataSeed, SnnNetwork net, int repLayer, RunContext context) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        int layers = net.layers().size();
        double loss = 0;
        long correct = 0;
        double[] spikes = new double[layers];
        double[] neuronSteps = new double[layers];
        int size = net.layers().get(repLayer).size();
        float[] activity = new float[count * size];
        for (int start = 0; start < count; start += batchSize) {
            context.throwIfCancelled();
            int n = Math.min(batchSize, count - start);
            int[] labels = fill(split, order, start, n, encoder, batch, dataSeed, "test");
            BatchResult r = engine.evaluate(batch, Targets.ofLabels(labels));
            loss += r.loss() * n;
            correct += r.correctCount();
            for (int l = 0; l < layers; l++) {
                spikes[l] += r.spikes(l);
                neuronSteps[l] += (double) n * r.steps() * net.layers().get(l).size();
            }
            System.arraycopy(r.activity(repLayer), 0, activity, start * size, n * size);
        }
        Evaluation e = new Evaluation();
        e.loss = loss / count;
        e.accuracy = (double) correct / count;
        e.rates = new double[layers];
        for (int l = 0; l < layers; l++) {
            e.rates[l] = spikes[l] / neuronSteps[l];
        }
        e.activity = activity;
        return e;
    }

    private static int[] fill(DataSplit split, int[] order, int start, int n, InputEncoder encoder, InputBatch batch, long dataSeed,
            String purpose) {
        List<Sample> samples = new ArrayList<>(n);
        long[] seeds = new long[n];
        int[] labels = new int[n];
        long base = RandomStream.of(dataSeed).child("encode/" + purpose).seed();
        for (int i = 0; i < n; i++) {
            int index = order[start + i];
            Sample sample = split.get(index);
            samples.add(sample);
            labels[i] = sample.label();
            seeds[i] = new SplittableRandom(base ^ (index * 0x9E3779B97F4A7C15L)).nextLong();
        }
        encoder.encode(samples, seeds, batch);
        return labels;
    }

    private static int[] shuffled(int n, RandomStream rs) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rs.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    static SnnNetwork build(NetworkDescription network, DatasetInfo info, RunContext context) {
        if (network.layers().isEmpty()) {
            throw new InvalidInputException("model.layers", "the network has no layer",
                    "give at least one layer, the last one with one neuron per class");
        }
        List<LayerSpec> specs = new ArrayList<>();
        for (int i = 0; i < network.layers().size(); i++) {
            Layer layer = network.layers().get(i);
            LayerOptions options = LayerOptions.parse(layer.options(), i);
            NeuronDynamics d = layer.model().create(layer.neuronParameters(), layer.size(), network.dtMs());
            if (d.size() != layer.size()) {
                throw new IllegalStateException("neuron model '" + layer.neuronId() + "' made " + d.size() + " neurons for layer '"
                        + layer.name() + "' of size " + layer.size());
            }
            if (d.stateNames().isEmpty()) {
                throw new InvalidInputException("model.layers[" + i + "].neuron", "neuron model '" + layer.neuronId()
                        + "' has no state variable", "bptt reads the first state variable as the membrane; use e.g. lif");
            }
            specs.add(new LayerSpec(layer.name(), d, options));
        }
        return SnnNetwork.create(info.channels(), specs, RandomStream.of(context.seed("model")));
    }

    private static String describe(SnnNetwork net) {
        StringBuilder sb = new StringBuilder().append(net.inputSize());
        for (LayerSpec l : net.layers()) {
            sb.append(" -> ").append(l.name()).append(' ').append(l.size()).append(l.options().recurrent() ? " (recurrent)" : "");
        }
        return sb.toString();
    }

    private static InputEncoder encoder(BpttSettings s, DatasetInfo info) {
        String e = s.encoder();
        if (e.equals("auto")) {
            e = info.kind() == SampleKind.EVENTS ? "events" : "direct";
        }
        if (info.kind() == SampleKind.EVENTS && !e.equals("events")) {
            throw new InvalidInputException("train.params.encoder", "the dataset holds spike events; encoder " + e + " needs dense values",
                    "use encoder: events (or auto)");
        }
        if (info.kind() != SampleKind.EVENTS && e.equals("events")) {
            throw new InvalidInputException("train.params.encoder", "encoder events needs an event dataset, this one is " + info.kind(),
                    "use encoder: direct, rate or latency");
        }
        if (e.equals("latency") && info.kind() != SampleKind.STATIC) {
            throw new InvalidInputException("train.params.encoder", "latency coding needs static samples, this dataset is "
                    + info.kind(), "use encoder: direct or rate for time series");
        }
        switch (e) {
            case "rate": return InputEncoder.poisson(s.steps(), s.inputGain());
            case "latency": return InputEncoder.latency(s.steps(), s.inputGain());
            case "events": return InputEncoder.events();
            default: return InputEncoder.direct(s.steps(), s.inputGain());
        }
    }

    private static Optimizer optimizer(BpttSettings s) {
        switch (s.optimizer()) {
            case "sgd": return new Sgd(s.lr(), s.momentum(), s.weightDecay(), s.nesterov());
            case "adamw": return new Adam(s.lr(), 0.9, 0.999, 1e-8, s.weightDecay(), true);
            default: return new Adam(s.lr(), 0.9, 0.999, 1e-8, s.weightDecay(), false);
        }
    }

    private static LearningRateSchedule schedule(BpttSettings s, long totalBatches) {
        switch (s.schedule()) {
            case "step": return LearningRateSchedule.step(s.lr(), s.stepSize(), s.gamma());
            case "cosine": return LearningRateSchedule.cosine(s.lr(), s.epochs(), 0);
            case "one_cycle":
                if (totalBatches < 2) {
                    throw new InvalidInputException("train.params.schedule", "one_cycle needs at least 2 batches in total",
                            "raise epochs or lower batch_size");
                }
                return LearningRateSchedule.oneCycle(s.lr(), totalBatches);
            default: return LearningRateSchedule.constant(s.lr());
        }
    }
}
