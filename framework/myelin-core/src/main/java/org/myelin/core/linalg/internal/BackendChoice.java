package org.myelin.core.linalg.internal;

import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

/**
 * Picks the backend once, on first use: {@code -Dmyelin.blas=auto} (the default) takes OpenBLAS
 * when its classes load and a tiny product checks out, and otherwise the Java backend with one
 * WARNING naming the reason; {@code openblas} insists on it (an {@link IllegalStateException}
 * with the reason otherwise); {@code java} never tries it. {@code -Dmyelin.blas.threads=N}
 * sets the initial thread count (default: the available processors).
 */
public final class BackendChoice {

    /** The system property that forces a backend. */
    public static final String PROPERTY = "myelin.blas";
    /** The system property with the initial thread count. */
    public static final String THREADS_PROPERTY = "myelin.blas.threads";

    private static final String OPENBLAS_CLASS = "org.myelin.core.linalg.internal.OpenBlasBackend";
    private static final System.Logger LOG = System.getLogger("org.myelin.core.linalg");

    private BackendChoice() {
    }

    private static volatile DenseBackend chosen;
    private static IllegalStateException failure;

    /**
     * @return the backend of this JVM (chosen on the first call)
     * @throws IllegalStateException when {@code myelin.blas} is invalid or forces an unavailable OpenBLAS (on every call)
     */
    public static DenseBackend backend() {
        DenseBackend b = chosen;
        return b != null ? b : chooseOnce();
    }

    private static synchronized DenseBackend chooseOnce() {
        if (chosen != null) {
            return chosen;
        }
        if (failure == null) {
            try {
                chosen = choose(System.getProperty(PROPERTY, "auto"), initialThreads());
                return chosen;
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw new IllegalStateException(failure.getMessage(), failure);
    }

    private static int initialThreads() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("-D" + THREADS_PROPERTY + "=" + value + " is not a thread count; use a whole number of at least 1");
    }

    /**
     * Chooses a backend for a setting.
     *
     * @param setting {@code auto}, {@code java} or {@code openblas}
     * @param threads the initial thread count
     * @return the backend
     * @throws IllegalStateException when the setting is unknown, or {@code openblas} and OpenBLAS does not work
     */
    public static DenseBackend choose(String setting, int threads) {
        String mode = setting.trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "java":
                return new JavaBackend(threads);
            case "openblas":
            case "auto":
                try {
                    return loadOpenBlas(threads);
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    String reason = reason(e);
                    if (mode.equals("openblas")) {
                        throw new IllegalStateException("-D" + PROPERTY + "=openblas, but OpenBLAS is not usable: " + reason
                                + " (install the myelin-openblas bundle, or use -D" + PROPERTY + "=auto or java)", e);
                    }
                    LOG.log(Level.WARNING, "OpenBLAS not usable (" + reason + "); dense linear algebra runs on the pure-Java backend");
                    return new JavaBackend(threads);
                }
            default:
                throw new IllegalStateException("-D" + PROPERTY + "=" + setting + " is not a backend; use auto, java or openblas");
        }
    }

    private static DenseBackend loadOpenBlas(int threads) throws ReflectiveOperationException {
        Class<?> type = Class.forName(OPENBLAS_CLASS, true, BackendChoice.class.getClassLoader());
        try {
            return (DenseBackend) type.getConstructor(int.class).newInstance(threads);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LinkageError) {
                throw (LinkageError) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw e;
        }
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
