package org.myelin.core.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work over a row range {@code [0, rows)} as at most {@link #parallelism()} contiguous
 * chunks: the first chunk in the calling thread, the others on an executor, and waits for all.
 * The chunk boundaries depend on the parallelism, so callers must compute each row
 * independently of the others; then the result is bit-identical for every thread count.
 *
 * <p>An instance made by {@link #withThreads(int)} owns its pool and shuts it down on
 * {@link #close()}; one made by {@link #on(Executor, int)} borrows the executor and leaves it alone.
 */
public final class ParallelRows implements AutoCloseable {

    /** Work on one chunk of rows. */
    @FunctionalInterface
    public interface RowRange {
        /**
         * @param fromRow first row of the chunk
         * @param toRow one past the last row of the chunk
         */
        void run(int fromRow, int toRow);
    }

    private static final ParallelRows SERIAL = new ParallelRows(null, 1, null);

    private final Executor executor;
    private final int parallelism;
    private final ExecutorService owned;

    private ParallelRows(Executor executor, int parallelism, ExecutorService owned) {
        this.executor = executor;
        this.parallelism = parallelism;
        this.owned = owned;
    }

    /** @return an instance that runs everything in the calling thread */
    public static ParallelRows serial() {
        return SERIAL;
    }

    /**
     * Borrows an executor.
     *
     * @param executor runs all chunks but the first
     * @param parallelism the largest number of chunks (at least 1)
     * @return the instance
     * @throws IllegalArgumentException when {@code parallelism < 1}
     */
    public static ParallelRows on(Executor executor, int parallelism) {
        Objects.requireNonNull(executor, "executor");
        checkParallelism(parallelism);
        return parallelism == 1 ? SERIAL : new ParallelRows(executor, parallelism, null);
    }

    /**
     * Creates a pool of {@code threads - 1} daemon threads (the caller is the last worker).
     *
     * @param threads the number of threads that work at once (at least 1)
     * @return the instance; close it to stop the pool
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    public static ParallelRows withThreads(int threads) {
        checkParallelism(threads);
        if (threads == 1) {
            return SERIAL;
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "myelin-rows-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1, factory);
        return new ParallelRows(pool, threads, pool);
    }

    private static void checkParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    /** @return the largest number of chunks a range is cut into */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Cuts {@code [0, rows)} into {@code min(parallelism, rows)} contiguous chunks whose sizes
     * differ by at most one, runs them and waits for all of them.
     *
     * @param rows the number of rows (at least 0)
     * @param work the work on one chunk
     * @throws RuntimeException or Error: the first failure of a chunk, rethrown unwrapped after all chunks ended
     */
    public void forEach(int rows, RowRange work) {
        if (rows < 0) {
            throw new IllegalArgumentException("negative row count " + rows);
        }
        int chunks = Math.min(parallelism, rows);
        if (chunks <= 1) {
            if (rows > 0) {
                work.run(0, rows);
            }
            return;
        }
        List<FutureTask<Void>> tasks = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            int from = bound(rows, chunks, c);
            int to = bound(rows, chunks, c + 1);
            FutureTask<Void> task = new FutureTask<>(() -> work.run(from, to), null);
            tasks.add(task);
            executor.execute(task);
        }
        Throwable failure = null;
        try {
            work.run(0, bound(rows, chunks, 1));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (FutureTask<Void> task : tasks) {
            while (true) {
                try {
                    task.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static int bound(int rows, int chunks, int c) {
        return (int) ((long) rows * c / chunks);
    }

    /** Shuts down the pool when this instance owns one; otherwise does nothing. */
    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
