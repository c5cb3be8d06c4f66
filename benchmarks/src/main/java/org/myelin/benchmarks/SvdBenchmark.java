package org.myelin.benchmarks;

import java.util.concurrent.TimeUnit;

import org.myelin.core.linalg.Svd;
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
 * The thin SVD (U, s, Vt) of a 1024 x 1024 float64 matrix: LAPACK {@code dgesdd} under OpenBLAS,
 * one-sided Jacobi in Java (serial, so its thread count does not matter). Timed per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class SvdBenchmark {

    /** Matrix order. */
    @Param({"1024"})
    public int n;

    /** {@code java} or {@code openblas}. */
    @Param({"java", "openblas"})
    public String backend;

    /** Threads of the backend. */
    @Param({"1", "2"})
    public int threads;

    private DenseBackend lapack;
    private double[] a;

    /** Chooses the backend and fills A. */
    @Setup(Level.Trial)
    public void setUp() {
        lapack = BackendChoice.choose(backend, threads);
        lapack.setThreads(threads);
        a = Operands.doubles(n * n, 4);
    }

    /** @return the decomposition */
    @Benchmark
    public Svd svd() {
        return lapack.svd(a, n, n);
    }
}
