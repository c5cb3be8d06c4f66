package org.myelin.core.linalg.internal;

import java.util.ArrayList;
import java.util.List;

/** The backends a test runs on: Java with 1, 2 and 3 threads, and OpenBLAS when it loads here. */
final class Backends {

    private Backends() {
    }

    static List<DenseBackend> all() {
        List<DenseBackend> list = new ArrayList<>();
        list.add(new JavaBackend(1));
        list.add(new JavaBackend(2));
        list.add(new JavaBackend(3));
        try {
            list.add(BackendChoice.choose("openblas", 2));
        } catch (IllegalStateException e) {
            // not on this test classpath: the Java backends are still checked
        }
        return list;
    }
}
