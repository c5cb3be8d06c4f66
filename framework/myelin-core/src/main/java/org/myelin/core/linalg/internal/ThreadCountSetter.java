package org.myelin.core.linalg.internal;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.presets.openblas_nolapack;

/**
 * Sets OpenBLAS's global thread count by calling {@code openblas_set_num_threads} through a
 * function pointer looked up once. The preset's {@code blas_set_num_threads} looks up four symbols
 * (MKL's and OpenBLAS's) on every call, which measured 2-16 ms per call on a busy machine: too
 * slow to switch the count around each LAPACK call. Falls back to the preset's method when the
 * symbol cannot be found.
 */
final class ThreadCountSetter {

    private final openblas_nolapack.SetNumThreads direct;

    ThreadCountSetter() {
        Loader.load(openblas.class);
        Pointer address = Loader.addressof("openblas_set_num_threads");
        direct = address == null ? null : new openblas_nolapack.SetNumThreads() { }.put(address);
    }

    /** @param n the OpenBLAS thread count, at least 1 */
    void set(int n) {
        if (direct != null) {
            direct.call(n);
        } else {
            openblas.blas_set_num_threads(n);
        }
    }
}
