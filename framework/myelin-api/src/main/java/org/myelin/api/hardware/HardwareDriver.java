package org.myelin.api.hardware;

import org.myelin.api.Plugin;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver for one chip, real or simulated (kind {@code driver}). Registered with the service
 * properties {@code myelin.hw.family} and {@code myelin.hw.serial}; consumers find drivers by
 * filter on those, never by class. Follows the openHAB handler discipline: activation returns at
 * once, {@link #status()} is set quickly and updated asynchronously, slow work happens off the
 * activation thread. Every real-chip driver has a simulated twin with the same contract.
 */
@ConsumerType
public interface HardwareDriver extends Plugin {

    /** @return family, serial, size and the analog parameters the chip accepts */
    ChipDescription describe();

    /** @return the current status with a sentence for people */
    DriverStatus status();

    /**
     * Writes an analog configuration in hardware units. Values the chip cannot represent are
     * quantised or clipped, and the report says which.
     *
     * @param configuration per-neuron and global analog parameters
     * @return what was actually applied
     * @throws IllegalStateException when the driver is not ONLINE
     */
    ConfigurationReport configure(ChipConfiguration configuration);

    /**
     * Measures a short response of selected neurons to a stimulus (used by calibration).
     *
     * @param request neurons, stimulus and duration
     * @return recorded traces and spikes
     */
    ProbeResponse probe(ProbeRequest request);

    /**
     * Runs a network on input spikes and reads output spikes (and membrane traces if asked).
     *
     * @param program weights and duration
     * @param input input spike events (channels = program inputs)
     * @return output spikes and traces
     */
    ChipOutput run(ChipProgram program, org.myelin.api.array.SpikeEvents input);

    /** @return the chip temperature in degrees Celsius, or NaN when the chip has no sensor */
    double temperatureCelsius();

    /** Releases the chip; the driver reports OFFLINE afterwards. */
    void close();
}
