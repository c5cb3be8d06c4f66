package org.myelin.core.snn;

import java.util.Arrays;

/**
 * One trainable array of a network: a weight matrix, a bias or a neuron parameter. The values
 * live in the engine's layout; {@link #shape()} and {@link #exportTo}/{@link #importFrom} use the
 * PyTorch layout ({@code W} is {@code [out, in]}), which is how weights are saved and how the
 * fixtures store them. Weight matrices are held transposed inside ({@code [in][out]}), so that a
 * presynaptic spike adds one contiguous row.
 */
public final class Parameter {

    private final String name;
    private final int[] shape;
    private final float[] values;
    private final boolean transposed;

    Parameter(String name, int[] shape, float[] values, boolean transposed) {
        this.name = name;
        this.shape = shape.clone();
        this.values = values;
        this.transposed = transposed;
    }

    /** @return the name: {@code W0}, {@code b0}, {@code V0}, or a neuron parameter such as {@code beta0} */
    public String name() {
        return name;
    }

    /** @return the exported shape ({@code [out, in]} for weights, {@code [n]} for vectors) */
    public int[] shape() {
        return shape.clone();
    }

    /** @return the number of values */
    public int size() {
        return values.length;
    }

    /**
     * The live values in the engine's layout (weights transposed). An optimiser updates them in
     * place; call {@link SnnNetwork#refresh()} afterwards when the network has sign or
     * connectivity masks.
     *
     * @return the values
     */
    public float[] values() {
        return values;
    }

    /** @return whether the engine's layout is the transpose of the exported one */
    public boolean transposed() {
        return transposed;
    }

    /**
     * Copies engine-layout data (values or a gradient of this parameter) into the exported layout.
     *
     * @param engineLayout values or gradient, {@link #size()} long
     * @param out exported layout, {@link #size()} long
     * @return {@code out}
     */
    public float[] exportTo(float[] engineLayout, float[] out) {
        check(engineLayout.length, "engine-layout array");
        check(out.length, "output");
        if (!transposed) {
            System.arraycopy(engineLayout, 0, out, 0, values.length);
        } else {
            int rows = shape[0];
            int cols = shape[1];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    out[r * cols + c] = engineLayout[c * rows + r];
                }
            }
        }
        return out;
    }

    /** @return the values in the exported layout (a new array) */
    public float[] exported() {
        return exportTo(values, new float[values.length]);
    }

    /**
     * Replaces the values with data in the exported layout.
     *
     * @param exported {@link #size()} values, e.g. read from {@code W0.npy}
     */
    public void importFrom(float[] exported) {
        check(exported.length, "imported array");
        if (!transposed) {
            System.arraycopy(exported, 0, values, 0, values.length);
        } else {
            int rows = shape[0];
            int cols = shape[1];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    values[c * rows + r] = exported[r * cols + c];
                }
            }
        }
    }

    private void check(int length, String what) {
        if (length != values.length) {
            throw new IllegalArgumentException("parameter " + name + " " + Arrays.toString(shape) + " has " + values.length
                    + " values, the " + what + " has " + length);
        }
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
