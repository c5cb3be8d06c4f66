package org.myelin.core.snn;

/**
 * Every layer's first state variable (the membrane) after each step and its output, time-major
 * {@code [T][B][size]}, as recorded by {@link SnnEngine#record}.
 */
public final class StateRecording {

    private final int steps;
    private final int batch;
    private final float[][] membrane;
    private final float[][] output;

    StateRecording(int steps, int batch, int[] sizes) {
        this.steps = steps;
        this.batch = batch;
        this.membrane = new float[sizes.length][];
        this.output = new float[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            membrane[l] = new float[steps * batch * sizes[l]];
            output[l] = new float[steps * batch * sizes[l]];
        }
    }

    /** @return time steps */
    public int steps() {
        return steps;
    }

    /** @return batch rows */
    public int batch() {
        return batch;
    }

    /**
     * @param layer layer index
     * @return the membrane after each step, {@code [T][B][size]}
     */
    public float[] membrane(int layer) {
        return membrane[layer];
    }

    /**
     * @param layer layer index
     * @return the output (spikes or rates) of each step, {@code [T][B][size]}
     */
    public float[] output(int layer) {
        return output[layer];
    }
}
