package org.myelin.core.linalg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.myelin.core.linalg.ReferenceValues;

/**
 * LAPACK routines run with their own OpenBLAS thread count and give it back: after any number of
 * concurrent LAPACK calls the backend reports the BLAS thread count set last, and the results are
 * those of a single call (reference: numpy's eigenvalues in reference.txt). OpenBLAS offers no
 * getter for its own count through the preset, so the count OpenBLAS uses is not read back.
 */
class OpenBlasThreadsTest {

    @Test
    void lapackCallsRestoreTheBlasThreadCountEvenWhenConcurrent() throws Exception {
        DenseBackend backend;
        try {
            backend = BackendChoice.choose("openblas", 2);
        } catch (IllegalStateException e) {
            Assumptions.abort("OpenBLAS does not load on this test classpath: " + e.getMessage());
            return;
        }
        int n = 50;
        double[] f = ReferenceValues.formula(n, n, 5);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = f[i * n + j] + f[j * n + i];
            }
        }
        double[] expected = ReferenceValues.get("eig_" + n + "_values");
        backend.setThreads(2);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<double[]>> calls = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                calls.add(() -> backend.symmetricEigenvalues(a, n));
            }
            for (Future<double[]> r : pool.invokeAll(calls)) {
                assertArrayEquals(expected, r.get(), 1e-12);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, backend.threads(), "back at the BLAS thread count after the last LAPACK call");
        backend.setThreads(1);
        assertArrayEquals(expected, backend.symmetricEigenvalues(a, n), 1e-12);
        assertEquals(1, backend.threads());
        backend.setThreads(2);
    }
}
