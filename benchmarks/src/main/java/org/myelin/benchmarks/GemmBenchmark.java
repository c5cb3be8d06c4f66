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
 * {@code C = A B} for square n x n row-major arrays in float32 and float64, as
 * {@code peers/w4_machine.py} times {@code numpy.matmul(A, B, out=C)}: GFLOP/s = 2 n^3 / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GemmBenchmark {

    /** Matrix order. */
    @Param({"256", "512", "1024", "2048"})
    public int n;

    /** {@code java} or {@code openblas}. */
    @Param({"java", "openblas"})
    public String backend;

    /** Threads of the backend. */
    @Param({"1", "2"})
    public int threads;

    private DenseBackend blas;
    private float[] af;
    private float[] bf;
    private float[] cf;
    private double[] ad;
    private double[] bd;
    private double[] cd;

    /** Chooses the backend and fills the operands. */
    @Setup(Level.Trial)
    public void setUp() {
        blas = BackendChoice.choose(backend, threads);
        blas.setThreads(threads);
        af = Operands.floats(n * n, 1);
        bf = Operands.floats(n * n, 2);
        cf = new float[n * n];
        ad = Operands.doubles(n * n, 1);
        bd = Operands.doubles(n * n, 2);
        cd = new double[n * n];
    }

    /** @return C (so the work is not dead code) */
    @Benchmark
    public float[] sgemm() {
        blas.sgemm(false, false, n, n, n, 1f, af, 0, n, bf, 0, n, 0f, cf, 0, n);
        return cf;
    }

    /** @return C */
    @Benchmark
    public double[] dgemm() {
        blas.dgemm(false, false, n, n, n, 1.0, ad, 0, n, bd, 0, n, 0.0, cd, 0, n);
        return cd;
    }
}
