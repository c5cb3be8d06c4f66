package org.myelin.core.snn;

import java.util.Arrays;
import java.util.List;

/**
 * One gradient array per network parameter, in the engine's layout and in
 * {@link SnnNetwork#parameters()} order (so {@code arrays()[i]} belongs to {@code parameters().get(i)}).
 */
public final class Gradients {

    private final List<Parameter> parameters;
    private final float[][] arrays;

    /**
     * @param network the network whose parameters the gradients belong to
     */
    public Gradients(SnnNetwork network) {
        this.parameters = network.parameters();
        this.arrays = new float[parameters.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = new float[parameters.get(i).size()];
        }
    }

    /** @return the gradient arrays, parallel to the network's parameters */
    public float[][] arrays() {
        return arrays;
    }

    /**
     * @param p a parameter of the network
     * @return its gradient array
     */
    public float[] of(Parameter p) {
        for (int i = 0; i < arrays.length; i++) {
            if (parameters.get(i) == p) {
                return arrays[i];
            }
        }
        throw new IllegalArgumentException("parameter " + p + " is not part of this network");
    }

    /**
     * @param name a parameter name, e.g. {@code W0}
     * @return its gradient in the exported (PyTorch) layout, a new array
     */
    public float[] exported(String name) {
        for (int i = 0; i < arrays.length; i++) {
            if (parameters.get(i).name().equals(name)) {
                return parameters.get(i).exportTo(arrays[i], new float[arrays[i].length]);
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "'");
    }

    /** Sets every gradient to zero. */
    public void zero() {
        for (float[] a : arrays) {
            Arrays.fill(a, 0f);
        }
    }
}
