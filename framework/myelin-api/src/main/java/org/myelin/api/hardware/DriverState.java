package org.myelin.api.hardware;

/** Coarse state of a hardware driver. */
public enum DriverState {
    /** The chip answers and accepts work. */
    ONLINE,
    /** Not connected or still initialising. */
    OFFLINE,
    /** Connected but failing; the detail says why. */
    ERROR
}
