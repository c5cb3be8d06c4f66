package org.myelin.api.hardware;

import java.util.Map;

/**
 * A calibration, tied to one chip.
 *
 * @param calibrationId versioned id, recorded with every run that deploys it
 * @param chipSerial the chip it is valid for
 * @param configuration the analog configuration to write
 * @param quality error measures by name (e.g. {@code tau_mem_rmse_ms})
 */
public record CalibrationResult(String calibrationId, String chipSerial, ChipConfiguration configuration,
        Map<String, Double> quality) {

    /** Copies the map. */
    public CalibrationResult {
        quality = Map.copyOf(quality);
    }
}
