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
import org.myelin.metric.softmatching.internal.ot.ExactTransport;
import org.myelin.metric.softmatching.internal.ot.TransportPlan;

/**
 * Partial transport plans of one cost matrix for any number of masses, with the chosen solver.
 * Plans are remembered by mass, so a mass asked for twice (the given mass and the same point of
 * the ranking sweep) is solved once, and the exact solver reuses its work arrays.
 *
 * <p>{@link #solveAll} solves the masses of a sweep (ranking, L-curve) in parallel on up to
 * {@link Blas#threads()} threads, each with its own solver; every plan is computed exactly as a
 * single {@link #plan} call would, so the results do not depend on the thread count.
 */
final class PartialSolutions {

    private final double[] cost;
    private final int p;
    private final int q;
    private final MatchingSettings settings;
    private final ExactTransport exact;
    private final Map<Double, TransportPlan> plans = new HashMap<>();

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
        this.exact = settings.sinkhorn() ? null : new ExactTransport(cost, p, q);
    }

    /**
     * @param mass total mass in [0, 1]
     * @return the optimal (or entropic) partial plan for that mass
     */
    TransportPlan plan(double mass) {
        return plans.computeIfAbsent(mass, m -> solve(exact, m));
    }

    /**
     * Solves every mass not solved yet, in parallel; later {@link #plan} calls for these masses
     * return at once.
     *
     * @param masses masses in [0, 1], in any order, repeats allowed
     */
    void solveAll(double... masses) {
        double[] unsolved = Arrays.stream(masses).filter(m -> !plans.containsKey(m)).distinct().sorted().toArray();
        int threads = Math.min(unsolved.length, Math.max(1, Blas.threads()));
        if (threads <= 1) {
            for (double m : unsolved) {
                plan(m);
            }
            return;
        }
        // small masses take longest (most pricing scans find nothing to enter), so they go first:
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
                workers.add(pool.submit(() -> drain(unsolved, out, next, new ExactSolverSlot())));
            }
            drain(unsolved, out, next, new ExactSolverSlot());
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

    private void drain(double[] unsolved, TransportPlan[] out, AtomicInteger next, ExactSolverSlot slot) {
        for (int k = next.getAndIncrement(); k < unsolved.length; k = next.getAndIncrement()) {
            out[k] = solve(slot.get(), unsolved[k]);
        }
    }

    private TransportPlan solve(ExactTransport solver, double m) {
        return settings.sinkhorn()
                ? EntropicPartialTransport.solve(cost, p, q, m, settings.reg(), settings.maxIterations(), settings.tolerance())
                : solver.partial(m);
    }

    /** One worker's exact solver, made on first use (the entropic solver needs none). */
    private final class ExactSolverSlot {
        private ExactTransport solver;

        ExactTransport get() {
            if (solver == null && !settings.sinkhorn()) {
                solver = new ExactTransport(cost, p, q);
            }
            return solver;
        }
    }
}
