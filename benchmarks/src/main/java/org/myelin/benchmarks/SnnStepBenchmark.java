package org.myelin.benchmarks;

import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;

import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.param.Parameters;
import org.myelin.core.linalg.Blas;
import org.myelin.core.parallel.ParallelRows;
import org.myelin.core.snn.BatchResult;
import org.myelin.core.snn.PeerWorkload;
import org.myelin.neuron.lif.internal.LifNeuronModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One call of the SNN engine on the peer workloads of {@code peers/README.md}, without the CLI
 * and the OSGi framework: {@code w2} is one BPTT training step with Adam (forward, mean
 * cross-entropy, backward, optimiser), {@code w1} the forward pass, both on the 700-256-20 LIF
 * network with T = 100 and the {@code lif} plugin's dynamics ({@link PeerWorkload#LIF_PARAMETERS}),
 * at 1 and 2 engine threads with OpenBLAS pinned to 1 thread, as {@code myelin bench snn} runs
 * them. Samples per second = batch / (ms per call / 1000). The JMH fork runs with
 * {@code -XX:+UseParallelGC}, the launcher's collector, so that profiles (e.g.
 * {@code -prof jfr}, {@code -prof gc}) match the CLI's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class SnnStepBenchmark {

    /** {@code w1} (forward) or {@code w2} (training step). */
    @Param({"w2"})
    public String workload;

    /** Samples per batch. */
    @Param({"32"})
    public int batch;

    /** Engine threads. */
    @Param({"1", "2"})
    public int threads;

    private ParallelRows rows;
    private PeerWorkload work;
    private PeerWorkload.Kind kind;
    private int blasBefore;

    /** Builds the workload (seed 1234, the bench's default) and the engine threads. */
    @Setup(Level.Trial)
    public void setUp() {
        blasBefore = Blas.threads();
        Blas.setThreads(1);
        kind = PeerWorkload.Kind.valueOf(workload.toUpperCase(java.util.Locale.ROOT));
        rows = ParallelRows.withThreads(threads);
        LifNeuronModel lif = new LifNeuronModel();
        work = PeerWorkload.create(lif(lif, PeerWorkload.HIDDEN), lif(lif, PeerWorkload.OUTPUTS), batch, 1234L, rows);
    }

    private static NeuronDynamics lif(LifNeuronModel lif, int size) {
        Parameters p = Parameters.resolve("SnnStepBenchmark: lif", lif.parameters(), new LinkedHashMap<>(PeerWorkload.LIF_PARAMETERS));
        return lif.create(p, size, 1.0);
    }

    /** Stops the engine threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        rows.close();
        Blas.setThreads(blasBefore);
    }

    /** @return the engine's result (so the work is not dead code) */
    @Benchmark
    public BatchResult step() {
        return work.step(kind);
    }
}
