package org.myelin.core.snn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.myelin.core.random.RandomStream;

/**
 * A layered network: per layer {@code l} a population fed by {@code I[t] = W_l x[t] + b_l (+ V_l S_l[t-1])},
 * where {@code x} is the previous layer's output or the input. Parameters are named as in the
 * BPTT fixtures: {@code W<l>} {@code [size_l, size_{l-1}]}, {@code b<l>} {@code [size_l]},
 * {@code V<l>} {@code [size_l, size_l]}, and trainable neuron parameters {@code <name><l>}.
 *
 * <p>Initialisation follows {@code torch.nn.Linear}: weights and biases
 * {@code U(-g/sqrt(fan_in), g/sqrt(fan_in))} with the layer's gain {@code g}, drawn from the child
 * streams {@code layer<l>/W}, {@code layer<l>/b}, {@code layer<l>/V} of the given stream (masks from
 * {@code layer<l>/mask} and {@code layer<l>/recurrent_mask}), so each array is the same whatever
 * else the network holds.
 */
public final class SnnNetwork {

    private final int inputSize;
    private final List<LayerSpec> layers;
    private final Projection[] feedForward;
    private final Projection[] recurrent;
    private final Parameter[] biases;
    private final List<Parameter> parameters;

    private SnnNetwork(int inputSize, List<LayerSpec> layers, RandomStream init) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("the input needs at least one channel, got " + inputSize);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
        int count = layers.size();
        feedForward = new Projection[count];
        recurrent = new Projection[count];
        biases = new Parameter[count];
        List<Parameter> params = new ArrayList<>();
        int in = inputSize;
        float[] preSign = null;
        for (int l = 0; l < count; l++) {
            LayerSpec layer = layers.get(l);
            LayerOptions o = layer.options();
            int n = layer.size();
            RandomStream rs = init.child("layer" + l);
            float bound = (float) (o.weightGain() / Math.sqrt(in));
            Parameter w = new Parameter("W" + l, new int[] {n, in}, uniform(rs.child("W"), in * n, bound), true);
            float[] mask = o.connectivity() < 1 ? mask(rs.child("mask"), in * n, o.connectivity()) : null;
            feedForward[l] = new Projection(in, n, w, mask, preSign);
            params.add(w);
            if (o.bias()) {
                biases[l] = new Parameter("b" + l, new int[] {n}, uniform(rs.child("b"), n, (float) (1 / Math.sqrt(in))), false);
                params.add(biases[l]);
            }
            float[] ownSign = o.daleExcitatory() > 0 ? signs(n, o.daleExcitatory()) : null;
            if (o.recurrent()) {
                float rb = (float) (o.recurrentGain() / Math.sqrt(n));
                Parameter v = new Parameter("V" + l, new int[] {n, n}, uniform(rs.child("V"), n * n, rb), true);
                float[] rmask = o.recurrentConnectivity() < 1 ? mask(rs.child("recurrent_mask"), n * n, o.recurrentConnectivity()) : null;
                recurrent[l] = new Projection(n, n, v, rmask, ownSign);
                params.add(v);
            }
            for (String p : layer.dynamics().trainableParameters()) {
                float[] values = layer.dynamics().parameterValues(p);
                params.add(new Parameter(p + l, new int[] {values.length}, values, false));
            }
            preSign = ownSign;
            in = n;
        }
        this.parameters = Collections.unmodifiableList(params);
    }

    /**
     * Creates a network with freshly initialised parameters.
     *
     * @param inputSize number of input channels
     * @param layers the layers, bottom to top
     * @param init the stream the parameters are drawn from (e.g. the run's {@code model} stream)
     * @return the network
     */
    public static SnnNetwork create(int inputSize, List<LayerSpec> layers, RandomStream init) {
        return new SnnNetwork(inputSize, layers, init);
    }

    private static float[] uniform(RandomStream rs, int count, float bound) {
        float[] a = new float[count];
        for (int i = 0; i < count; i++) {
            a[i] = (float) ((2 * rs.nextDouble() - 1) * bound);
        }
        return a;
    }

    private static float[] mask(RandomStream rs, int count, double density) {
        float[] m = new float[count];
        for (int i = 0; i < count; i++) {
            m[i] = rs.nextDouble() < density ? 1f : 0f;
        }
        return m;
    }

    private static float[] signs(int n, double excitatory) {
        float[] s = new float[n];
        long e = Math.round(excitatory * n);
        for (int i = 0; i < n; i++) {
            s[i] = i < e ? 1f : -1f;
        }
        return s;
    }

    /** @return the number of input channels */
    public int inputSize() {
        return inputSize;
    }

    /** @return the layers, bottom to top */
    public List<LayerSpec> layers() {
        return layers;
    }

    /** @return the size of the last layer (the number of outputs) */
    public int outputSize() {
        return layers.get(layers.size() - 1).size();
    }

    /** @return every trainable array, in layer order ({@code W}, {@code b}, {@code V}, neuron parameters) */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * @param name e.g. {@code W0}
     * @return the parameter
     * @throws IllegalArgumentException listing the names when there is none of that name
     */
    public Parameter parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.name()));
        throw new IllegalArgumentException("the network has no parameter '" + name + "'; it has " + names);
    }

    /** @return the number of trainable values */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** Recomputes the effective (masked, signed) weights; call after changing parameter values. */
    public void refresh() {
        for (int l = 0; l < layers.size(); l++) {
            feedForward[l].refresh();
            if (recurrent[l] != null) {
                recurrent[l].refresh();
            }
        }
    }

    Projection feedForward(int l) {
        return feedForward[l];
    }

    Projection recurrent(int l) {
        return recurrent[l];
    }

    Parameter bias(int l) {
        return biases[l];
    }

    /**
     * Turns gradients with respect to effective weights into gradients with respect to the raw values.
     *
     * @param grads gradients in {@link #parameters()} order
     */
    void chainMasks(Gradients grads) {
        for (int l = 0; l < layers.size(); l++) {
            feedForward[l].chain(grads.of(feedForward[l].weight));
            if (recurrent[l] != null) {
                recurrent[l].chain(grads.of(recurrent[l].weight));
            }
        }
    }
}
