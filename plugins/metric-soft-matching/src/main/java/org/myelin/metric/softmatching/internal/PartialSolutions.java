package org.myelin.metric.softmatching.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.myelin.core.linalg.Blas;
import org.myelin.metric.softmatching.internal.ot.EntropicPartialTransport;
import org.myelin.metric.softmatching.internal.ot.PartialTransportPath;
import org.myelin.metric.softmatching.internal.ot.TransportPlan;

/**
 * Partial transport plans of one cost matrix for any number of masses, with the chosen solver.
 * Plans are remembered by mass, so a mass asked for twice (the given mass and the same point of
 * the L-curve) is solved once.
 *
 * <p>Exact plans come from {@link PartialTransportPath}: one run of successive shortest paths
 * passes through the optimal plan of every mass, so all masses asked for together (an L-curve,
 * the given mass) cost one run, and a run to {@code m = 1} also gives every unit's entry mass
 * for the ranking ({@link #entries}). Entropic plans are solved per mass, the masses of a sweep in
 * parallel on up to {@link Blas#threads()} threads; each plan is computed exactly as a single
 * {@link #plan} call would, so the results do not depend on the thread count.
 */
final class PartialSolutions {

    private final double[] cost;
    private final int p;
    private final int q;
    private final MatchingSettings settings;
    private final Map<Double, TransportPlan> plans = new HashMap<>();
    private PartialTransportPath.Trace family;

    /**
     * @param cost row-major p x q costs
     * @param p source units
     * @param q target units
     * @param settings solver choice and Sinkhorn settings
     */
    PartialSolutions(double[] cost, int p, int q, MatchingSettings settings) {
        this.cost = cost;
        this.p = p;
        this.q = q;
        this.settings = settings;
    }

    /**
     * @param mass total mass in [0, 1]
     * @return the optimal (or entropic) partial plan for that mass
     */
    TransportPlan plan(double mass) {
        TransportPlan t = plans.get(mass);
        if (t == null) {
            solveAll(mass);
            t = plans.get(mass);
        }
        return t;
    }

    /**
     * Solves every mass not solved yet; later {@link #plan} calls for these masses return at once.
     *
     * @param masses masses in [0, 1], in any order, repeats allowed
     */
    void solveAll(double... masses) {
        double[] unsolved = unsolved(masses);
        if (unsolved.length == 0) {
            return;
        }
        if (!settings.sinkhorn()) {
            // a run that reaches m = 1 anyway is kept for the ranking
            boolean whole = family == null && unsolved[unsolved.length - 1] == 1.0;
            PartialTransportPath.Trace t = whole ? PartialTransportPath.trace(cost, p, q, unsolved)
                    : PartialTransportPath.plans(cost, p, q, unsolved);
            if (whole) {
                family = t;
            }
            for (int k = 0; k < unsolved.length; k++) {
                plans.put(unsolved[k], t.plans()[k]);
            }
            return;
        }
        solveEntropic(unsolved);
    }

    /**
     * The exact family of partial plans of this cost matrix (entry masses, cost curve), whatever
     * the solver of the plans; run once, with the plans of {@code masses} kept on the way when the
     * solver is exact.
     *
     * @param masses masses whose plans are wanted as well
     * @return the whole-family trace
     */
    PartialTransportPath.Trace entries(double... masses) {
        if (family == null) {
            double[] unsolved = settings.sinkhorn() ? new double[0]
                    : unsolved(masses);
            family = PartialTransportPath.trace(cost, p, q, unsolved);
            for (int k = 0; k < unsolved.length; k++) {
                plans.put(unsolved[k], family.plans()[k]);
            }
        }
        solveAll(masses);
        return family;
    }

    /** @return the distinct masses without a plan yet, ascending */
    private double[] unsolved(double[] masses) {
        return Arrays.stream(masses).filter(m -> !plans.containsKey(m)).distinct().sorted().toArray();
    }

    private void solveEntropic(double[] unsolved) {
        int threads = Math.min(unsolved.length, Math.max(1, Blas.threads()));
        if (threads <= 1) {
            for (double m : unsolved) {
                plans.put(m, entropic(m));
            }
            return;
        }
        // workers take the next unsolved mass from the shared counter
        TransportPlan[] out = new TransportPlan[unsolved.length];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "myelin-partial-transport");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads - 1; w++) {
                workers.add(pool.submit(() -> drain(unsolved, out, next)));
            }
            drain(unsolved, out, next);
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving the partial transport sweep", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        for (int k = 0; k < unsolved.length; k++) {
            plans.put(unsolved[k], out[k]);
        }
    }

    private void drain(double[] unsolved, TransportPlan[] out, AtomicInteger next) {
        for (int k = next.getAndIncrement(); k < unsolved.length; k = next.getAndIncrement()) {
            out[k] = entropic(unsolved[k]);
        }
    }

    private TransportPlan entropic(double m) {
        return EntropicPartialTransport.solve(cost, p, q, m, settings.reg(), settings.maxIterations(), settings.tolerance());
    }
}
