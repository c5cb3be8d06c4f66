package org.myelin.api.hardware;

import org.myelin.api.Plugin;
import org.myelin.api.param.Parameters;
import org.myelin.api.run.RunContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns target digital neuron parameters into a chip configuration for one driver (kind
 * {@code calibrator}): iteratively (per-neuron search) or amortized (an inference network).
 */
@ConsumerType
public interface Calibrator extends Plugin {

    /**
     * Calibrates one chip.
     *
     * @param driver the chip's driver; must be ONLINE
     * @param target the digital parameters wanted
     * @param params validated calibrator parameters
     * @param context the run (progress, cancellation, artifacts)
     * @return the configuration, tied to the chip serial, with a versioned id
     * @throws Exception on failure
     */
    CalibrationResult calibrate(HardwareDriver driver, CalibrationTarget target, Parameters params, RunContext context)
            throws Exception;
}
