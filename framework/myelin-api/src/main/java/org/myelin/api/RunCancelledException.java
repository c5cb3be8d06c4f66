package org.myelin.api;

/**
 * Thrown by plugin code (through {@code RunContext.throwIfCancelled()}) when the run was
 * cancelled. The runtime marks the run KILLED and exits with code 130.
 */
public class RunCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message why the run stopped, e.g. "interrupted by SIGINT" */
    public RunCancelledException(String message) {
        super(message);
    }
}
