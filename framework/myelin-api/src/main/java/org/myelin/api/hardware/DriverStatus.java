package org.myelin.api.hardware;

/**
 * A driver's status with a human sentence, e.g. {@code ERROR: "USB link lost at 12:03:11"}.
 *
 * @param state the coarse state
 * @param detail one sentence for people
 */
public record DriverStatus(DriverState state, String detail) {
}
