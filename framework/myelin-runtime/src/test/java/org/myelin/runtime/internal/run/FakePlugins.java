package org.myelin.runtime.internal.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.myelin.api.RunCancelledException;
import org.myelin.api.array.Matrix;
import org.myelin.api.data.DataSplit;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.DatasetInfo;
import org.myelin.api.data.DatasetProvider;
import org.myelin.api.data.Sample;
import org.myelin.api.data.SampleKind;
import org.myelin.api.learning.LearningRule;
import org.myelin.api.learning.TrainingResult;
import org.myelin.api.learning.TrainingTask;
import org.myelin.api.metric.MetricTraits;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronConventions;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.neuron.NeuronModel;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.myelin.api.run.RunContext;

/** Minimal plugins for orchestration tests. */
final class FakePlugins {

    private FakePlugins() {
    }

    static final class Toy implements DatasetProvider {
        String openedDir;

        @Override
        public String id() {
            return "toy";
        }

        @Override
        public String description() {
            return "two classes, constant series";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.ofInt("n", 8L, "", 1L, 1000L, "samples per split"),
                    ParameterSpec.ofPath("dir", ".", "folder the data would come from"));
        }

        @Override
        public Dataset open(Parameters params) {
            openedDir = params.getString("dir");
            int n = params.getInt("n");
            DataSplit split = new DataSplit() {
                @Override
                public int size() {
                    return n;
                }

                @Override
                public Sample get(int i) {
                    return new Sample(i % 2, 1, 1, new float[] {i % 2}, null);
                }
            };
            return new Dataset() {
                @Override
                public String name() {
                    return "toy";
                }

                @Override
                public DatasetInfo info() {
                    return new DatasetInfo(SampleKind.STATIC, 1, 1, true, List.of("a", "b"), Map.of());
                }

                @Override
                public DataSplit train() {
                    return split;
                }

                @Override
                public DataSplit test() {
                    return split;
                }

                @Override
                public Map<String, String> digests() {
                    return Map.of("toy.bin", "ab".repeat(32));
                }
            };
        }
    }

    static final class Neuron implements NeuronModel {
        @Override
        public String id() {
            return "lif";
        }

        @Override
        public String description() {
            return "stand-in";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.ofDouble("beta", 0.9, "", 0.0, 1.0, "membrane decay per step"));
        }

        @Override
        public NeuronDynamics create(Parameters params, int size, double dtMs) {
            return new NeuronDynamics() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public List<String> stateNames() {
                    return List.of("v");
                }

                @Override
                public boolean spiking() {
                    return false;
                }

                @Override
                public Optional<NeuronConventions> conventions() {
                    return Optional.empty();
                }

                @Override
                public void initState(float[][] state, int fromRow, int toRow) {
                }

                @Override
                public void forward(ForwardStep step) {
                }

                @Override
                public void backward(BackwardStep step) {
                }
            };
        }
    }

    static final class Rule implements LearningRule {
        @Override
        public String id() {
            return "fit";
        }

        @Override
        public String description() {
            return "stand-in";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.ofEnum("mode", "ok", "what to do", "ok", "fail", "spin"));
        }

        @Override
        public TrainingResult train(TrainingTask task, RunContext context) {
            String mode = task.params().getString("mode");
            if (mode.equals("fail")) {
                throw new IllegalStateException("diverged at epoch 3");
            }
            while (mode.equals("spin")) {
                context.throwIfCancelled();
                Thread.onSpinWait();
            }
            context.logMetrics(1, Map.of("train_loss", 0.5, "train_accuracy", 0.75));
            int n = task.data().test().size();
            double[] rep = new double[n * 3];
            for (int i = 0; i < rep.length; i++) {
                rep[i] = Math.sin(i);
            }
            return new TrainingResult(Map.of("test_accuracy", 0.875, "train_loss", 0.5),
                    Map.of(task.network().layers().get(0).name(), new Matrix(n, 3, rep)));
        }
    }

    static final class Rows implements SimilarityMetric {
        @Override
        public String id() {
            return "rows";
        }

        @Override
        public String description() {
            return "number of stimuli";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.ofDouble("scale", 1.0, "", 0.0, null, "multiplier"));
        }

        @Override
        public MetricTraits traits() {
            return new MetricTraits(true, false, 0);
        }

        @Override
        public SimilarityResult compare(Matrix x, Matrix y, Parameters params) {
            return new SimilarityResult(x.rows() * params.getDouble("scale"), Map.of("n", x.rows()));
        }
    }

    static RunCancelledException cancelled() {
        return new RunCancelledException("test");
    }
}
