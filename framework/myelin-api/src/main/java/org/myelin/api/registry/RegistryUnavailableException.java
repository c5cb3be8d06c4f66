package org.myelin.api.registry;

/**
 * The registry cannot be used: its file is held by another process that does not share it,
 * the disk is full, the server is unreachable. Maps to exit code 5. The message names the
 * holder or the cause and what to do.
 */
public class RegistryUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and what to do
     * @param cause the underlying error, or {@code null}
     */
    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
