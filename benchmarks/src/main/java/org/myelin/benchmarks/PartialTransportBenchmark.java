package org.myelin.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.myelin.core.linalg.Blas;
import org.myelin.metric.softmatching.internal.ot.ExactTransport;
import org.myelin.metric.softmatching.internal.ot.PartialTransportPath;
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
 * The exact partial transport solvers of {@code partial-soft-matching} on the correlation costs
 * {@code 1 - r(x_i, y_j)} between the units of two 2000-stimulus representations, the benchmark
 * pair of issue 4 ({@code noisy}: Y = X + N(0, 1), near-diagonal optimum) or unrelated ones
 * ({@code unrelated}: Y independent of X): the whole mass family with every unit's entry mass
 * ({@link PartialTransportPath#trace}), the plan of m = 0.6 alone ({@link PartialTransportPath#plans}),
 * and for comparison one network-simplex solve of m = 0.6 ({@link ExactTransport#partial}).
 * The cost matrix is made once per trial; only the solvers are timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PartialTransportBenchmark {

    /** Stimuli (rows of X and Y). */
    public static final int STIMULI = 2000;

    /** Units of each side. */
    @Param({"512"})
    public int units;

    /** {@code noisy} (Y = X + noise) or {@code unrelated}. */
    @Param({"noisy", "unrelated"})
    public String data;

    private double[] cost;

    /** Builds the correlation costs of centred, unit-norm tuning curves. */
    @Setup(Level.Trial)
    public void setUp() {
        int n = STIMULI;
        int p = units;
        SplittableRandom r = new SplittableRandom(7);
        double[] x = new double[n * p];
        double[] y = new double[n * p];
        boolean noisy = "noisy".equals(data);
        for (int k = 0; k < x.length; k++) {
            x[k] = r.nextGaussian();
            y[k] = (noisy ? x[k] : 0.0) + r.nextGaussian();
        }
        normaliseColumns(x, n, p);
        normaliseColumns(y, n, p);
        cost = new double[p * p];
        Blas.dgemm(true, false, p, p, n, 1.0, x, 0, p, y, 0, p, 0.0, cost, 0, p);
        for (int k = 0; k < cost.length; k++) {
            cost[k] = Math.min(2.0, Math.max(0.0, 1.0 - cost[k]));
        }
    }

    private static void normaliseColumns(double[] a, int n, int p) {
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += a[i * p + j];
            }
            mean /= n;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                a[i * p + j] -= mean;
                norm += a[i * p + j] * a[i * p + j];
            }
            double s = 1.0 / Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                a[i * p + j] *= s;
            }
        }
    }

    /** @return the whole family: entry masses, cost curve and the plan of m = 0.6 */
    @Benchmark
    public PartialTransportPath.Trace family() {
        return PartialTransportPath.trace(cost, units, units, 0.6);
    }

    /** @return the plan of m = 0.6 alone (the run stops there) */
    @Benchmark
    public PartialTransportPath.Trace planOnly() {
        return PartialTransportPath.plans(cost, units, units, 0.6);
    }

    /** @return one network-simplex solve of m = 0.6, POT's reduction (the previous solver) */
    @Benchmark
    public Object simplex() {
        return new ExactTransport(cost, units, units).partial(0.6);
    }
}
