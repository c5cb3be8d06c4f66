package org.myelin.core.linalg.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of daemon worker threads that run one row range {@code [0, rows)} cut into
 * contiguous chunks, the first chunk in the calling thread. Nothing is allocated per call: the
 * task is published through volatile fields and the threads are woken with
 * {@link LockSupport#unpark}. One call runs at a time; a caller that finds the pool busy gets
 * {@code false} from {@link #tryRun} and runs the work itself.
 */
final class RowBlockPool {

    /** Work on one chunk of rows. */
    interface RowTask {
        /**
         * @param fromRow first row
         * @param toRow one past the last row
         * @param buffers the scratch arrays of the thread that runs the chunk
         */
        void run(int fromRow, int toRow, PackBuffers buffers);
    }

    private final int parallelism;
    private final Thread[] workers;
    private final PackBuffers[] buffers;
    private final ReentrantLock busy = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final int[] bounds;
    private volatile RowTask task;
    private volatile Thread caller;
    private final AtomicIntegerArray tickets;
    private int generation;
    private volatile boolean closed;

    /**
     * @param parallelism the number of threads that work at once, the caller included (at least 1)
     */
    RowBlockPool(int parallelism) {
        this.parallelism = parallelism;
        this.bounds = new int[parallelism + 1];
        this.workers = new Thread[parallelism - 1];
        this.buffers = new PackBuffers[parallelism];
        this.tickets = new AtomicIntegerArray(parallelism);
        for (int w = 0; w < workers.length; w++) {
            int index = w + 1;
            buffers[index] = new PackBuffers();
            Thread t = new Thread(() -> work(index), "myelin-blas-" + index);
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    /** @return the number of threads that work at once, the caller included */
    int parallelism() {
        return parallelism;
    }

    /**
     * Runs {@code task} over {@code [0, rows)} cut into {@code min(parallelism, rows)} contiguous
     * chunks, unless another call is running. The cuts depend only on the row count, the
     * parallelism and {@code triangular}; callers compute each row independently of the cuts.
     *
     * @param rows the number of rows (at least 1)
     * @param triangular whether row i costs {@code rows - i} (an upper triangle) instead of the same for every row
     * @param task the work
     * @param own the scratch arrays of the calling thread
     * @return whether the work ran here; {@code false} means the pool was busy and nothing ran
     */
    boolean tryRun(int rows, boolean triangular, RowTask task, PackBuffers own) {
        if (!busy.tryLock()) {
            return false;
        }
        try {
            if (closed) {
                return false;
            }
            int count = Math.min(parallelism, rows);
            for (int c = 0; c <= count; c++) {
                bounds[c] = triangular ? triangularBound(rows, count, c) : (int) ((long) rows * c / count);
            }
            this.task = task;
            this.caller = Thread.currentThread();
            failure.set(null);
            pending.set(count - 1);
            generation++;
            for (int w = 1; w < count; w++) {
                tickets.set(w, generation);
                LockSupport.unpark(workers[w - 1]);
            }
            try {
                task.run(bounds[0], bounds[1], own);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
            while (pending.get() != 0) {
                LockSupport.park(this);
            }
            this.task = null;
            Throwable t = failure.getAndSet(null);
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
            return true;
        } finally {
            busy.unlock();
        }
    }

    private static int triangularBound(int rows, int count, int c) {
        if (c == count) {
            return rows;
        }
        // the work above row x is x*rows - x^2/2; cut where it reaches c/count of the total
        return (int) Math.round(rows * (1.0 - Math.sqrt(1.0 - (double) c / count)));
    }

    private void work(int index) {
        int seen = 0;
        while (true) {
            int g = tickets.get(index);
            if (g == seen) {
                if (closed) {
                    return;
                }
                LockSupport.park(this);
                continue;
            }
            seen = g;
            RowTask t = task;
            try {
                t.run(bounds[index], bounds[index + 1], buffers[index]);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** Waits for a running call, then stops the worker threads; later calls get {@code false}. */
    void close() {
        busy.lock();
        try {
            closed = true;
        } finally {
            busy.unlock();
        }
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
    }
}
