package org.myelin.runtime.internal.cli;

/** The command line itself is wrong (unknown option, missing argument). Exit code 2. */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, and the usage line that would be right */
    public UsageException(String message) {
        super(message);
    }
}
