package org.myelin.api.hardware;

import java.util.List;

/**
 * What a {@link HardwareDriver#configure} call actually applied.
 *
 * @param applied the configuration as written (after quantisation and clipping)
 * @param adjustments one sentence per quantised or clipped value group, e.g. "v_leak of 3 neurons clipped to 1022 LSB"
 */
public record ConfigurationReport(ChipConfiguration applied, List<String> adjustments) {

    /** Copies the list. */
    public ConfigurationReport {
        adjustments = List.copyOf(adjustments);
    }
}
