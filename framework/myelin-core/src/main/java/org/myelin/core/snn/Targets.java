package org.myelin.core.snn;

/**
 * What the outputs are compared with: class labels (cross-entropy, or one-hot targets for MSE) or
 * explicit target values (MSE), with optional weights per output row that mask steps or samples
 * out of the loss. An output row is a sample for per-sample readouts and a (step, sample) pair
 * {@code t * B + b} for {@link Readout#MEMBRANE_PER_STEP}.
 *
 * @param labels one class per output row, or {@code null}
 * @param values target values {@code [rows][outputs]} (MSE only), or {@code null}
 * @param weights one weight (usually 0/1) per output row, or {@code null} for all ones
 */
public record Targets(int[] labels, float[] values, float[] weights) {

    /** Requires labels or values. */
    public Targets {
        if ((labels == null) == (values == null)) {
            throw new IllegalArgumentException("targets are either labels or values");
        }
    }

    /**
     * @param labels one class per output row
     * @return label targets with unit weights
     */
    public static Targets ofLabels(int[] labels) {
        return new Targets(labels, null, null);
    }

    /** @return the number of output rows these targets describe, given {@code outputs} values per row */
    int rows(int outputs) {
        return labels != null ? labels.length : values.length / outputs;
    }

    float weight(int row) {
        return weights == null ? 1f : weights[row];
    }
}
