package org.myelin.runtime.internal.run;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.myelin.api.InvalidInputException;
import org.myelin.api.Plugin;
import org.myelin.api.PluginKind;
import org.myelin.api.RunCancelledException;
import org.myelin.api.array.Matrix;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.DatasetProvider;
import org.myelin.api.learning.LearningRule;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.learning.TrainingResult;
import org.myelin.api.learning.TrainingTask;
import org.myelin.api.network.Layer;
import org.myelin.api.network.NetworkDescription;
import org.myelin.api.neuron.NeuronModel;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.ParameterType;
import org.myelin.api.param.Parameters;
import org.myelin.api.registry.ExperimentRegistry;
import org.myelin.api.registry.RunRecord;
import org.myelin.api.registry.RunStart;
import org.myelin.api.registry.RunStatus;
import org.myelin.runtime.internal.catalog.PluginCatalog;
import org.myelin.runtime.internal.json.JsonOut;
import org.myelin.runtime.internal.matrix.NpyWriter;
import org.myelin.runtime.internal.spec.ExperimentSpec;
import org.myelin.runtime.internal.spec.SpecException;
import org.myelin.runtime.internal.spec.SpecNode;
import org.osgi.framework.BundleContext;

/**
 * Runs one experiment end to end: resolve plugins, validate every parameter, record the run,
 * open the data, train, record results. Nothing is written to the registry until the spec has
 * been validated completely.
 */
public final class ExperimentRunner {

    /** Exit codes, as documented in the README and {@code myelin --help}. */
    public static final int OK = 0;
    /** The run failed. */
    public static final int RUN_FAILED = 1;
    /** Invalid spec or input. */
    public static final int INVALID_INPUT = 3;
    /** Interrupted. */
    public static final int INTERRUPTED = 130;

    private final BundleContext context;
    private final PluginCatalog catalog;
    private final ExperimentRegistry registry;
    private final PrintStream err;
    private final boolean terminal;
    private final AtomicBoolean cancelled;
    private Long parentRunId;

    /**
     * @param context bundle context (for the bundle set)
     * @param catalog plugin lookup
     * @param registry the registry
     * @param err where progress and log lines go
     * @param terminal whether {@code err} is a terminal
     * @param cancelled set to ask the run to stop
     */
    public ExperimentRunner(BundleContext context, PluginCatalog catalog, ExperimentRegistry registry, PrintStream err, boolean terminal,
            AtomicBoolean cancelled) {
        this.context = context;
        this.catalog = catalog;
        this.registry = registry;
        this.err = err;
        this.terminal = terminal;
        this.cancelled = cancelled;
    }

    /** Reports when the run has been recorded. */
    public interface StartListener {
        /**
         * @param run the recorded run
         */
        void started(RunRecord run);
    }

    /**
     * Runs the experiment.
     *
     * @param spec the structurally checked spec
     * @param threadsOverride threads from the command line, or 0
     * @param onStart called once the run is recorded
     * @return how it ended
     * @throws SpecException, InvalidInputException, org.myelin.api.PluginUnavailableException before anything is recorded
     */
    public RunOutcome run(ExperimentSpec spec, int threadsOverride, StartListener onStart) {
        return run(spec, threadsOverride, null, onStart);
    }

    /**
     * Runs the experiment as the child of another run (a reproduction, a sweep member).
     *
     * @param spec the structurally checked spec
     * @param threadsOverride threads from the command line, or 0
     * @param parentRunId the parent run, or {@code null}
     * @param onStart called once the run is recorded
     * @return how it ended
     */
    public RunOutcome run(ExperimentSpec spec, int threadsOverride, Long parentRunId, StartListener onStart) {
        this.parentRunId = parentRunId;
        Path baseDir = spec.file().toAbsolutePath().getParent();
        try (PluginCatalog.Lease<DatasetProvider> data = catalog.acquire(PluginKind.DATASET, spec.data().id(), DatasetProvider.class);
                PluginCatalog.Lease<LearningRule> rule = catalog.acquire(PluginKind.LEARNING, spec.train().id(), LearningRule.class)) {
            List<PluginCatalog.Lease<NeuronModel>> neuronLeases = new ArrayList<>();
            List<PluginCatalog.Lease<SimilarityMetric>> metricLeases = new ArrayList<>();
            try {
                Parameters dataParams = resolve(data.service(), spec.data(), baseDir);
                Parameters ruleParams = resolve(rule.service(), spec.train(), baseDir);
                List<Layer> layers = new ArrayList<>();
                for (ExperimentSpec.LayerRef l : spec.layers()) {
                    PluginCatalog.Lease<NeuronModel> n = catalog.acquire(PluginKind.NEURON, l.neuron().id(), NeuronModel.class);
                    neuronLeases.add(n);
                    Parameters np = resolve(n.service(), l.neuron(), baseDir);
                    layers.add(new Layer(l.name(), l.size(), l.neuron().id(), n.service(), np, l.options()));
                }
                List<PreparedComparison> comparisons = new ArrayList<>();
                for (ExperimentSpec.CompareRef c : spec.compare()) {
                    PluginCatalog.Lease<SimilarityMetric> m = catalog.acquire(PluginKind.METRIC, c.metric().id(), SimilarityMetric.class);
                    metricLeases.add(m);
                    comparisons.add(new PreparedComparison(c, m.service(), resolve(m.service(), c.metric(), baseDir)));
                }
                int threads = threadsOverride > 0 ? threadsOverride
                        : spec.threads() > 0 ? spec.threads() : Runtime.getRuntime().availableProcessors();
                NetworkDescription network = new NetworkDescription(layers, spec.dtMs());
                Map<String, Object> canonical = canonical(spec, dataParams, layers, ruleParams, threads);
                String canonicalText = JsonOut.write(canonical, false);
                String hash = sha256(canonicalText);
                return execute(spec, data.service(), dataParams, rule.service(), ruleParams, network, threads, canonical,
                        canonicalText, hash, comparisons, onStart);
            } finally {
                neuronLeases.forEach(PluginCatalog.Lease::close);
                metricLeases.forEach(PluginCatalog.Lease::close);
            }
        }
    }

    private RunOutcome execute(ExperimentSpec spec, DatasetProvider dataProvider, Parameters dataParams, LearningRule rule,
            Parameters ruleParams, NetworkDescription network, int threads, Map<String, Object> canonical, String canonicalText,
            String hash, List<PreparedComparison> comparisons, StartListener onStart) {
        Map<String, String> tags = new LinkedHashMap<>(spec.tags());
        tags.put("myelin.spec_file", spec.file().toAbsolutePath().toString());
        tags.put("myelin.dense_backend", denseBackend());
        if (!spec.description().isEmpty()) {
            tags.put("myelin.description", spec.description());
        }
        RunRecord run = registry.startRun(new RunStart(spec.experiment(), canonicalText, hash, spec.seed(),
                SeedStreams.standard(spec.seed()), BundleSet.of(context), parentRunId, tags));
        long started = System.nanoTime();
        registry.logParams(run.id(), flatten(canonical));
        onStart.started(run);
        TrackedRunContext ctx = new TrackedRunContext(registry, run.id(), spec.seed(), threads, new TerminalProgress(err, terminal),
                err, cancelled);
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                ctx.log("opening dataset with plugin '" + spec.data().id() + "'");
                Dataset dataset = dataProvider.open(dataParams);
                registry.recordInputs(run.id(), dataset.digests());
                ctx.log("dataset " + dataset.name() + ": " + dataset.train().size() + " train / " + dataset.test().size()
                        + " test samples, " + dataset.info().classCount() + " classes");
                ctx.throwIfCancelled();
                result.set(rule.train(new TrainingTask(network, dataset, ruleParams), ctx));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "myelin-run-" + run.id());
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join(200);
            } catch (InterruptedException e) {
                interrupted = true;
                cancelled.set(true);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Throwable t = failure.get();
        if (t == null && cancelled.get()) {
            t = new RunCancelledException("cancelled");
        }
        if (t != null) {
            return fail(run, spec, hash, seconds, t);
        }
        TrainingResult r = result.get();
        Map<String, Double> metrics = new TreeMap<>(r.metrics());
        try {
            logFinalMetrics(run.id(), metrics);
            for (Map.Entry<String, Matrix> rep : r.representations().entrySet()) {
                registry.artifacts(run.id()).write("representations/" + rep.getKey() + ".npy", "application/x-npy",
                        out -> NpyWriter.write(rep.getValue(), out));
            }
            metrics.putAll(new Comparisons(registry, run.id(), ctx).compute(comparisons, r.representations()));
        } catch (Exception e) {
            return fail(run, spec, hash, seconds, e);
        }
        registry.finishRun(run.id(), RunStatus.FINISHED, null, null);
        return new RunOutcome(run.id(), run.uid(), spec.experiment(), RunStatus.FINISHED, null, OK, seconds, metrics, hash);
    }

    /** The dense linear-algebra backend plugins compute with (OpenBLAS or the Java fallback), for the record. */
    private static String denseBackend() {
        try {
            return org.myelin.core.linalg.Blas.backend();
        } catch (RuntimeException | LinkageError e) {
            return "unavailable: " + e.getMessage();
        }
    }

    private void logFinalMetrics(long runId, Map<String, Double> metrics) {
        registry.flush();
        Map<String, Double> latest = registry.findRun(runId).map(RunRecord::latestMetrics).orElse(Map.of());
        Map<String, Double> missing = new LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            Double have = latest.get(k);
            if (have == null || Double.compare(have, v) != 0) {
                missing.put(k, v);
            }
        });
        if (!missing.isEmpty()) {
            registry.logMetrics(runId, 0, missing);
        }
        registry.flush();
    }

    private RunOutcome fail(RunRecord run, ExperimentSpec spec, String hash, double seconds, Throwable t) {
        RunStatus status;
        String reason;
        int code;
        if (t instanceof RunCancelledException) {
            status = RunStatus.KILLED;
            reason = "cancelled";
            code = INTERRUPTED;
        } else if (t instanceof InvalidInputException) {
            status = RunStatus.FAILED;
            reason = "invalid-input";
            code = INVALID_INPUT;
        } else {
            status = RunStatus.FAILED;
            reason = "error";
            code = RUN_FAILED;
        }
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        if (code == RUN_FAILED) {
            err.println("[run " + run.id() + "] failed: " + t);
            for (StackTraceElement e : t.getStackTrace()) {
                err.println("    at " + e);
                if (e.getClassName().startsWith("java.lang.Thread")) {
                    break;
                }
            }
            message = t.toString();
        }
        try {
            registry.flush();
        } catch (RuntimeException ignored) {
            // finishing the run matters more than the last metrics
        }
        registry.finishRun(run.id(), status, reason, status == RunStatus.KILLED ? null : message);
        return new RunOutcome(run.id(), run.uid(), spec.experiment(), status, message, code, seconds, Map.of(), hash);
    }

    private static Parameters resolve(Plugin plugin, ExperimentSpec.PluginRef ref, Path baseDir) {
        List<ParameterSpec> specs = plugin.parameters();
        SpecNode paramsNode = ref.params();
        Map<String, Object> raw = new LinkedHashMap<>();
        if (paramsNode != null) {
            paramsNode.entries().forEach((k, v) -> raw.put(k, v.toPlain()));
        }
        for (ParameterSpec p : specs) {
            Object v = raw.get(p.name());
            if (p.type() == ParameterType.PATH && v instanceof String && !((String) v).isEmpty()) {
                raw.put(p.name(), baseDir.resolve((String) v).normalize().toString());
            }
        }
        try {
            return Parameters.resolve(ref.path() + ".params", specs, raw);
        } catch (InvalidParameterException e) {
            String key = e.input().substring(e.input().lastIndexOf('.') + 1);
            SpecNode at = paramsNode == null ? null : paramsNode.get(key);
            String loc = at != null ? at.location() : paramsNode != null ? paramsNode.location() : ref.location();
            throw new SpecException(loc, e.getMessage(), null);
        }
    }

    private static Map<String, Object> canonical(ExperimentSpec spec, Parameters data, List<Layer> layers, Parameters rule,
            int threads) {
        Map<String, Object> root = new TreeMap<>();
        root.put("experiment", spec.experiment());
        root.put("seed", spec.seed());
        root.put("threads", threads);
        if (!spec.tags().isEmpty()) {
            root.put("tags", new TreeMap<>(spec.tags()));
        }
        root.put("data", Map.of("plugin", spec.data().id(), "params", new TreeMap<>(data.values())));
        List<Object> ls = new ArrayList<>();
        for (Layer l : layers) {
            Map<String, Object> m = new TreeMap<>(l.options());
            m.put("name", l.name());
            m.put("size", l.size());
            m.put("neuron", l.neuronId());
            m.put("params", new TreeMap<>(l.neuronParameters().values()));
            ls.add(m);
        }
        root.put("model", Map.of("dt_ms", spec.dtMs(), "layers", ls));
        root.put("train", Map.of("rule", spec.train().id(), "params", new TreeMap<>(rule.values())));
        if (!spec.evaluate().isEmpty()) {
            root.put("evaluate", spec.evaluate());
        }
        if (!spec.compare().isEmpty()) {
            List<Object> cs = new ArrayList<>();
            for (ExperimentSpec.CompareRef c : spec.compare()) {
                cs.add(Map.of("metric", c.metric().id(), "a", c.a(), "b", c.b(),
                        "params", c.metric().params() == null ? Map.of() : c.metric().params().toPlain()));
            }
            root.put("compare", cs);
        }
        return sortDeep(root);
    }

    @SuppressWarnings("unchecked")
    private static <T> T sortDeep(T v) {
        if (v instanceof Map) {
            TreeMap<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) v).forEach((k, x) -> out.put(k, sortDeep(x)));
            return (T) out;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<Object>) v) {
                out.add(sortDeep(o));
            }
            return (T) out;
        }
        return v;
    }

    /**
     * Flattens the canonical spec into dotted param names ({@code train.params.lr}).
     *
     * @param canonical the canonical spec
     * @return params as text
     */
    static Map<String, String> flatten(Map<String, Object> canonical) {
        Map<String, String> out = new TreeMap<>();
        flatten("", canonical, out);
        return out;
    }

    private static void flatten(String prefix, Object v, Map<String, String> out) {
        if (v instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                flatten(prefix.isEmpty() ? e.getKey().toString() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (v instanceof List && ((List<?>) v).stream().anyMatch(x -> x instanceof Map)) {
            List<?> l = (List<?>) v;
            for (int i = 0; i < l.size(); i++) {
                flatten(prefix + "[" + i + "]", l.get(i), out);
            }
        } else if (v instanceof List) {
            out.put(prefix, JsonOut.write(v, false));
        } else {
            out.put(prefix, String.valueOf(v));
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
