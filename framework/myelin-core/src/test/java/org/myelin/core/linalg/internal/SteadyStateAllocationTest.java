package org.myelin.core.linalg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

/**
 * The Java products allocate nothing once a thread has run a product of the same shape: the
 * calling thread's allocated-bytes counter (HotSpot's ThreadMXBean) does not move over repeated
 * calls, serial and on the pool.
 */
class SteadyStateAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedByThisThread() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** The counter's own cost: reading it twice with nothing in between. */
    private static long overhead() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = allocatedByThisThread();
            min = Math.min(min, allocatedByThisThread() - before);
        }
        return min;
    }

    private static long allocationOfRepeatedCalls(JavaBackend backend) {
        int m = 96, n = 300, k = 140;
        double[] a = new double[m * k], b = new double[n * k], c = new double[m * n], g = new double[k * k];
        float[] af = new float[m * k], bf = new float[k * n], cf = new float[m * n];
        java.util.Arrays.fill(a, 0.5);
        java.util.Arrays.fill(b, 0.25);
        Runnable calls = () -> {
            backend.dgemm(false, true, m, n, k, 1, a, 0, k, b, 0, k, 0, c, 0, n);
            backend.sgemm(true, false, m, n, k, 1f, af, 0, m, bf, 0, n, 1f, cf, 0, n);
            backend.dsyrk(true, k, m, 1, a, 0, k, 0, g, 0, k);
        };
        for (int i = 0; i < 20; i++) {
            calls.run();
        }
        long before = allocatedByThisThread();
        for (int i = 0; i < 20; i++) {
            calls.run();
        }
        return allocatedByThisThread() - before - overhead();
    }

    @Test
    void serialProductsAllocateNothingInSteadyState() {
        assertEquals(0, allocationOfRepeatedCalls(new JavaBackend(1)));
    }

    @Test
    void pooledProductsAllocateNothingInTheCallingThread() {
        JavaBackend backend = new JavaBackend(2);
        assertEquals(0, allocationOfRepeatedCalls(backend));
    }
}
