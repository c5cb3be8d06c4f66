package org.myelin.runtime.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.PluginKind;
import org.myelin.api.PluginUnavailableException;
import org.myelin.api.registry.RunRecord;
import org.myelin.api.registry.RunStatus;
import org.myelin.runtime.internal.catalog.PluginCatalog;
import org.myelin.runtime.internal.spec.ExperimentSpec;
import org.myelin.runtime.internal.spec.SpecException;
import org.myelin.runtime.internal.spec.SpecOverrides;
import org.myelin.runtime.internal.spec.SpecParser;
import org.myelin.runtime.internal.spec.SpecReader;
import org.myelin.runtime.internal.spec.SpecNode;

/** Orchestration against in-memory plugins and registry: what is recorded, when, and how runs end. */
class ExperimentRunnerTest {

    @TempDir
    Path dir;

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final FakePlugins.Toy toy = new FakePlugins.Toy();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private ExperimentRunner runner;

    private static final String SPEC = String.join("\n",
            "experiment: orchestration",
            "seed: 5",
            "data: { plugin: toy, params: { n: 6, dir: ../data } }",
            "model:",
            "  layers:",
            "    - { name: hidden, size: 4, neuron: lif, params: { beta: 0.8 } }",
            "train: { rule: fit, params: { mode: ok } }",
            "compare: [ { metric: rows, a: hidden, b: hidden, params: { scale: 2 } } ]",
            "");

    @BeforeEach
    void setUp() {
        FakeHost host = new FakeHost().register(PluginKind.DATASET, toy).register(PluginKind.NEURON, new FakePlugins.Neuron())
                .register(PluginKind.LEARNING, new FakePlugins.Rule()).register(PluginKind.METRIC, new FakePlugins.Rows());
        runner = new ExperimentRunner(host.context(), new PluginCatalog(host.context(), 0), registry,
                new PrintStream(log, true, StandardCharsets.UTF_8), false, cancelled);
    }

    private ExperimentSpec spec(String text, String... sets) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("specs"));
        Path f = sub.resolve("s.yaml");
        Files.writeString(f, text);
        SpecNode root = SpecParser.parseFile(f);
        SpecOverrides.apply(root, List.of(sets));
        return SpecReader.read(f, root);
    }

    @Test
    void finishedRunRecordsCanonicalSpecParamsMetricsInputsAndComparisons() throws IOException {
        AtomicReference<RunRecord> started = new AtomicReference<>();
        RunOutcome o = runner.run(spec(SPEC), 0, started::set);
        assertEquals(RunStatus.FINISHED, o.status());
        assertEquals(0, o.exitCode());
        RunRecord r = registry.findRun(o.runId()).orElseThrow();
        assertNotNull(started.get(), "the start listener fires once the run is recorded");
        assertEquals(RunStatus.FINISHED, r.status());
        assertEquals(ExperimentRunner.sha256(r.specText()), r.specHash());
        assertEquals(o.specHash(), r.specHash());
        assertEquals(5, r.seed());
        assertEquals(SeedStreams.seed(5, "model"), r.seeds().get("model"));
        assertEquals("0.8", r.params().get("model.layers[0].params.beta"));
        assertEquals("ok", r.params().get("train.params.mode"));
        assertEquals("6", r.params().get("data.params.n"));
        assertEquals(dir.resolve("data").toString(), toy.openedDir, "PATH params resolve against the spec's folder");
        assertEquals(0.875, r.latestMetrics().get("test_accuracy"));
        assertEquals(0.75, r.latestMetrics().get("train_accuracy"));
        assertEquals(12.0, r.latestMetrics().get("compare.rows(hidden,hidden)"));
        assertEquals("ab".repeat(32), r.inputs().get("toy.bin"));
        assertTrue(registry.files.get(o.runId()).containsKey("representations/hidden.npy"));
        assertTrue(registry.files.get(o.runId()).containsKey("compare/0-rows.json"));
        assertTrue(r.specText().contains("\"beta\":0.8"), r.specText());
        assertEquals(org.myelin.core.linalg.Blas.backend(), r.tags().get("myelin.dense_backend"),
                "the run records which dense backend its plugins computed with");
    }

    @Test
    void sameSpecAndOverridesGiveTheSameHash() throws IOException {
        RunOutcome a = runner.run(spec(SPEC), 0, r -> { });
        RunOutcome b = runner.run(spec(SPEC.replace("beta: 0.8", "beta: 0.9"), "model.layers.0.params.beta=0.8"), 0, r -> { });
        RunOutcome c = runner.run(spec(SPEC, "model.layers.0.params.beta=0.7"), 0, r -> { });
        assertEquals(a.specHash(), b.specHash());
        assertTrue(!a.specHash().equals(c.specHash()));
    }

    @Test
    void outOfRangeParameterFailsBeforeAnythingIsRecordedNamingFileAndLine() {
        SpecException e = assertThrows(SpecException.class, () -> runner.run(spec(SPEC.replace("beta: 0.8", "beta: 1.5")), 0, r -> { }));
        assertTrue(e.getMessage().contains("s.yaml:6:"), e.getMessage());
        assertTrue(e.getMessage().contains("model.layers[0].params.beta"), e.getMessage());
        assertTrue(registry.runs.isEmpty(), "nothing is recorded for an invalid spec");
    }

    @Test
    void unknownParameterListsTheValidOnes() {
        SpecException e = assertThrows(SpecException.class, () -> runner.run(spec(SPEC, "train.params.lr=0.1"), 0, r -> { }));
        assertTrue(e.getMessage().contains("unknown parameter 'lr'") && e.getMessage().contains("valid parameters: mode"),
                e.getMessage());
        assertTrue(registry.runs.isEmpty());
    }

    @Test
    void unknownNeuronListsAvailableIdsAndRecordsNothing() {
        PluginUnavailableException e = assertThrows(PluginUnavailableException.class,
                () -> runner.run(spec(SPEC.replace("neuron: lif", "neuron: lfi")), 0, r -> { }));
        assertTrue(e.getMessage().contains("unknown neuron plugin 'lfi'; available neuron plugins: lif"), e.getMessage());
        assertTrue(registry.runs.isEmpty());
    }

    @Test
    void failingRuleIsRecordedFailedWithItsError() throws IOException {
        RunOutcome o = runner.run(spec(SPEC, "train.params.mode=fail"), 0, r -> { });
        assertEquals(RunStatus.FAILED, o.status());
        assertEquals(1, o.exitCode());
        RunRecord r = registry.findRun(o.runId()).orElseThrow();
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.error().contains("diverged at epoch 3"), r.error());
        assertNotNull(r.endedAt());
    }

    @Test
    void cancellationEndsTheRunKilledWithExit130() throws Exception {
        Thread canceller = new Thread(() -> {
            while (registry.runs.isEmpty()) {
                Thread.onSpinWait();
            }
            cancelled.set(true);
        });
        canceller.start();
        RunOutcome o = runner.run(spec(SPEC, "train.params.mode=spin"), 0, r -> { });
        canceller.join(5000);
        assertEquals(RunStatus.KILLED, o.status());
        assertEquals(130, o.exitCode());
        assertEquals(RunStatus.KILLED, registry.findRun(o.runId()).orElseThrow().status());
    }

    @Test
    void comparisonWithAMissingRepresentationFailsTheRunNamingWhatExists() throws IOException {
        RunOutcome o = runner.run(spec(SPEC.replace("b: hidden", "b: output")), 0, r -> { });
        assertEquals(RunStatus.FAILED, o.status());
        assertEquals(3, o.exitCode());
        assertTrue(o.error().contains("no representation 'output'") && o.error().contains("available: hidden"), o.error());
    }

    @Test
    void comparisonAgainstARecordedRunReadsItsArtifact() throws IOException {
        RunOutcome first = runner.run(spec(SPEC), 0, r -> { });
        RunOutcome second = runner.run(spec(SPEC.replace("b: hidden", "b: \"run:" + first.runId() + "/hidden\"")), 0, r -> { });
        assertEquals(RunStatus.FINISHED, second.status(), String.valueOf(second.error()));
        assertEquals(12.0, second.metrics().get("compare.rows(hidden,run:" + first.runId() + "/hidden)"));
    }
}
