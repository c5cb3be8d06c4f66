package org.myelin.core.snn;

/**
 * A dense weight matrix from {@code in} presynaptic units to {@code out} postsynaptic units, held
 * as {@code [in][out]}, with an optional fixed connectivity mask and optional presynaptic signs
 * (Dale's law). The engine computes with the effective weights
 * {@code w_eff[i][j] = mask[i][j] * (sign[i] * |w[i][j]|)} (or {@code mask * w} without signs) and
 * {@link #chain} turns a gradient with respect to them into one with respect to the raw values.
 */
final class Projection {

    final int in;
    final int out;
    final Parameter weight;
    final float[] effective;
    private final float[] mask;
    private final float[] sign;

    Projection(int in, int out, Parameter weight, float[] mask, float[] sign) {
        this.in = in;
        this.out = out;
        this.weight = weight;
        this.mask = mask;
        this.sign = sign;
        this.effective = constrained() ? new float[in * out] : weight.values();
        refresh();
    }

    private float[][] rows;

    /**
     * The effective weights as one array per presynaptic unit, for the event kernels; valid after
     * {@link #syncRows}.
     *
     * @return {@code in} rows of {@code out} values
     */
    float[][] rows() {
        if (rows == null) {
            rows = new float[in][out];
        }
        return rows;
    }

    /**
     * Copies the effective weights of units {@code [from, to)} into {@link #rows()} (the engine
     * does it for all units before every batch).
     *
     * @param from first presynaptic unit
     * @param to one past the last
     */
    void syncRows(int from, int to) {
        float[][] r = rows();
        for (int i = from; i < to; i++) {
            System.arraycopy(effective, i * out, r[i], 0, out);
        }
    }

    boolean constrained() {
        return mask != null || sign != null;
    }

    /** Recomputes the effective weights from the raw values (after an optimiser step or a load). */
    void refresh() {
        if (!constrained()) {
            return;
        }
        float[] w = weight.values();
        for (int i = 0; i < in; i++) {
            float s = sign == null ? 0f : sign[i];
            for (int j = 0, k = i * out; j < out; j++, k++) {
                float v = sign == null ? w[k] : s * Math.abs(w[k]);
                effective[k] = mask == null ? v : v * mask[k];
            }
        }
    }

    /**
     * Converts, in place, dL/d(effective weights) into dL/d(raw values).
     *
     * @param grad the gradient, {@code [in][out]}
     */
    void chain(float[] grad) {
        if (!constrained()) {
            return;
        }
        float[] w = weight.values();
        for (int i = 0; i < in; i++) {
            for (int j = 0, k = i * out; j < out; j++, k++) {
                float g = grad[k];
                if (mask != null) {
                    g *= mask[k];
                }
                if (sign != null) {
                    g *= sign[i] * Math.signum(w[k]);
                }
                grad[k] = g;
            }
        }
    }
}
