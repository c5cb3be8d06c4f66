package org.myelin.learning.readout.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.myelin.api.InvalidInputException;
import org.myelin.api.PluginProperties;
import org.myelin.api.array.Matrix;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.DatasetInfo;
import org.myelin.api.learning.LearningRule;
import org.myelin.api.learning.TrainingResult;
import org.myelin.api.learning.TrainingTask;
import org.myelin.api.network.Layer;
import org.myelin.api.network.NetworkDescription;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.run.ProgressReporter;
import org.myelin.api.run.RunContext;
import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.parallel.ParallelRows;
import org.myelin.core.random.RandomStream;
import org.myelin.core.readout.EpochListener;
import org.myelin.core.readout.Evaluation;
import org.myelin.core.readout.LinearReadout;
import org.myelin.core.readout.RidgeRegression;
import org.myelin.core.readout.SoftmaxRegression;
import org.myelin.core.readout.Standardizer;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code readout} learning rule: reservoir computing with spiking neurons. The network's
 * layers form a fixed random reservoir (stacked bottom to top, each with its own neuron model);
 * only a linear readout on the reservoir's features is trained.
 *
 * <p>Steps: draw the weights from the run's {@code model} stream; simulate the train and test
 * splits ({@link ReservoirSimulator}); z-score the features of all layers with the training
 * statistics; fit a softmax or ridge readout ({@code org.myelin.core.readout}); evaluate on both
 * splits. Logs {@code train_loss} and {@code train_accuracy} per epoch and returns
 * {@code train_loss}, {@code train_accuracy}, {@code test_loss}, {@code test_accuracy},
 * {@code spike_rate} (spikes per neuron per step over both splits) and {@code features}, with the
 * raw test-set features of every layer as a representation named after the layer.
 */
@Component(service = LearningRule.class, property = {PluginProperties.ID + "=readout", PluginProperties.KIND + "=learning"})
public final class ReadoutRule implements LearningRule {

    /** Creates the rule; it holds no state between runs. */
    public ReadoutRule() {
        // DS needs a public no-argument constructor
    }

    @Override
    public String id() {
        return "readout";
    }

    @Override
    public String description() {
        return "Fixed random spiking reservoir (the network's layers) with a trained softmax or ridge readout on binned spike/membrane features";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return ReadoutSettings.SPECS;
    }

    @Override
    public TrainingResult train(TrainingTask task, RunContext context) {
        ReadoutSettings settings = ReadoutSettings.of(task.params());
        Dataset data = task.data();
        DatasetInfo info = data.info();
        if (info.classCount() < 2) {
            throw new InvalidInputException("data", "dataset " + data.name() + " has " + info.classCount() + " classes",
                    "a readout needs at least 2 classes");
        }
        if (data.train().size() == 0) {
            throw new InvalidInputException("data", "dataset " + data.name() + " has no training samples", null);
        }
        if (info.channels() < 1) {
            throw new InvalidInputException("data", "dataset " + data.name() + " declares " + info.channels() + " channels",
                    "the readout rule reads dense time series with at least one channel");
        }
        List<ReservoirLayer> layers = buildReservoir(task.network(), info.channels(), settings, RandomStream.of(context.seed("model")));
        try (ParallelRows rows = ParallelRows.withThreads(context.parallelism())) {
            ReservoirSimulator simulator = new ReservoirSimulator(layers, info.channels(), info.classCount(), settings, rows);
            context.log(String.format(Locale.ROOT, "reservoir: %s; %d features per sample, %s readout, %d thread(s)",
                    describe(layers), simulator.totalFeatures(), settings.readout(), rows.parallelism()));
            ReservoirFeatures train = simulate(simulator, data.train(), "train", context);
            ReservoirFeatures test = simulate(simulator, data.test(), "test", context);
            Standardizer standardizer = standardizer(train.concatenated(), layers);
            DoubleMatrix xTrain = standardizer.apply(train.concatenated());
            DoubleMatrix xTest = standardizer.apply(test.concatenated());
            LinearReadout readout = fit(settings, xTrain, train.labels(), info.classCount(), context, rows);
            Evaluation onTrain = readout.evaluate(xTrain, train.labels(), rows);
            Evaluation onTest = test.labels().length == 0 ? new Evaluation(Double.NaN, Double.NaN)
                    : readout.evaluate(xTest, test.labels(), rows);
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("train_loss", onTrain.loss());
            metrics.put("train_accuracy", onTrain.accuracy());
            metrics.put("test_loss", onTest.loss());
            metrics.put("test_accuracy", onTest.accuracy());
            double neuronSteps = train.neuronSteps() + test.neuronSteps();
            metrics.put("spike_rate", neuronSteps == 0 ? 0.0 : (train.spikes() + test.spikes()) / neuronSteps);
            metrics.put("features", (double) xTrain.cols());
            Map<String, Matrix> representations = new LinkedHashMap<>();
            for (int l = 0; l < layers.size(); l++) {
                representations.put(layers.get(l).name(), test.perLayer().get(l).toMatrix());
            }
            context.log(String.format(Locale.ROOT, "readout: train accuracy %.4f, test accuracy %.4f, spike rate %.4f per neuron per step",
                    onTrain.accuracy(), onTest.accuracy(), metrics.get("spike_rate")));
            return new TrainingResult(metrics, representations);
        }
    }

    /**
     * Draws the reservoir: layer {@code i}'s weights come from the child stream {@code layer<i>}
     * of the model stream, so renaming a layer or changing the readout never changes them.
     *
     * @param network the network
     * @param channels input channels
     * @param settings the rule's settings (reservoir defaults)
     * @param model the model stream
     * @return the layers, bottom to top
     * @throws InvalidInputException when the network has no layer or a layer option is bad
     */
    static List<ReservoirLayer> buildReservoir(NetworkDescription network, int channels, ReadoutSettings settings, RandomStream model) {
        if (network.layers().isEmpty()) {
            throw new InvalidInputException("model.layers", "the network has no layer",
                    "give at least one layer: the reservoir, e.g. { name: reservoir, size: 300, neuron: lif }");
        }
        List<ReservoirLayer> layers = new ArrayList<>();
        int inputSize = channels;
        for (int i = 0; i < network.layers().size(); i++) {
            Layer layer = network.layers().get(i);
            ReservoirSettings rs = settings.reservoir().forLayer(layer, i);
            NeuronDynamics dynamics = layer.model().create(layer.neuronParameters(), layer.size(), network.dtMs());
            if (dynamics.size() != layer.size()) {
                throw new IllegalStateException("neuron model '" + layer.neuronId() + "' made a population of " + dynamics.size()
                        + " neurons for layer '" + layer.name() + "' of size " + layer.size());
            }
            if (dynamics.stateNames().isEmpty()) {
                throw new InvalidInputException("model.layers[" + i + "].neuron", "neuron model '" + layer.neuronId()
                        + "' has no state variable", "the readout reads the membrane state; use a model with state, e.g. lif");
            }
            layers.add(ReservoirLayer.draw(layer.name(), dynamics, inputSize, rs, model.child("layer" + i)));
            inputSize = layer.size();
        }
        return layers;
    }

    private static String describe(List<ReservoirLayer> layers) {
        StringBuilder sb = new StringBuilder();
        for (ReservoirLayer l : layers) {
            if (sb.length() > 0) {
                sb.append(" -> ");
            }
            sb.append(l.name()).append(" (").append(l.size()).append(l.recurrentWeights() == null ? ", feed-forward)" : ", recurrent)");
        }
        return sb.toString();
    }

    private static ReservoirFeatures simulate(ReservoirSimulator simulator, org.myelin.api.data.DataSplit split, String name,
            RunContext context) {
        try (ProgressReporter.Task task = context.progress().begin("simulate " + name, split.size(), "samples")) {
            return simulator.simulate(split, name, context, task);
        }
    }

    private static Standardizer standardizer(DoubleMatrix train, List<ReservoirLayer> layers) {
        int[] bad = train.firstNonFinite();
        if (bad != null) {
            throw new IllegalStateException("reservoir feature " + bad[1] + " of train sample " + bad[0] + " is "
                    + train.get(bad[0], bad[1]) + "; the neuron dynamics diverged (lower input_scale or recurrent_scale)");
        }
        return Standardizer.fit(train);
    }

    private static LinearReadout fit(ReadoutSettings s, DoubleMatrix x, int[] labels, int classes, RunContext context,
            ParallelRows rows) {
        if (s.readout().equals(ReadoutSettings.RIDGE)) {
            LinearReadout r = RidgeRegression.fit(x, labels, classes, s.l2(), rows);
            Evaluation e = r.evaluate(x, labels, rows);
            context.logMetrics(1, Map.of("train_loss", e.loss(), "train_accuracy", e.accuracy()));
            return r;
        }
        try (ProgressReporter.Task task = context.progress().begin("readout", s.epochs(), "epochs")) {
            EpochListener listener = (epoch, train) -> {
                context.logMetrics(epoch, Map.of("train_loss", train.loss(), "train_accuracy", train.accuracy()));
                task.advance(1);
                if (epoch % 10 == 0) {
                    task.status(String.format(Locale.ROOT, "loss %.4f", train.loss()));
                }
                context.throwIfCancelled();
            };
            return new SoftmaxRegression(s.epochs(), s.learningRate(), s.l2()).fit(x, labels, classes, listener, rows);
        }
    }
}
