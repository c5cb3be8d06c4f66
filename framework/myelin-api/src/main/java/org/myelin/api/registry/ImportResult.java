package org.myelin.api.registry;

/**
 * The outcome of importing one run.
 *
 * @param uid the run's global id
 * @param localId its id in this registry
 * @param created {@code true} when it was new, {@code false} when it was already present (import is idempotent)
 */
public record ImportResult(String uid, long localId, boolean created) {
}
