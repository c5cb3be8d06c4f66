package org.myelin.benchmarks;

import java.util.concurrent.TimeUnit;

import org.myelin.core.linalg.internal.BackendChoice;
import org.myelin.core.linalg.internal.DenseBackend;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The feature Gram matrix {@code X^T X} of a 5000 x 1024 float64 X (samples x features, as the
 * linear CKA and ridge paths form it) by {@code dsyrk}, both triangles written. GFLOP/s counted
 * as BLAS does for syrk: {@code k n (n + 1)} = 5000 * 1024 * 1025.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GramBenchmark {

    /** Samples (rows of X). */
    public static final int SAMPLES = 5000;
    /** Features (columns of X, order of the Gram matrix). */
    public static final int FEATURES = 1024;

    /** {@code java} or {@code openblas}. */
    @Param({"java", "openblas"})
    public String backend;

    /** Threads of the backend. */
    @Param({"1", "2"})
    public int threads;

    private DenseBackend blas;
    private double[] x;
    private double[] gram;

    /** Chooses the backend and fills X. */
    @Setup(Level.Trial)
    public void setUp() {
        blas = BackendChoice.choose(backend, threads);
        blas.setThreads(threads);
        x = Operands.doubles(SAMPLES * FEATURES, 3);
        gram = new double[FEATURES * FEATURES];
    }

    /** @return the Gram matrix */
    @Benchmark
    public double[] dsyrk() {
        blas.dsyrk(true, FEATURES, SAMPLES, 1.0, x, 0, FEATURES, 0.0, gram, 0, FEATURES);
        return gram;
    }
}
