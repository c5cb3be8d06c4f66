package org.myelin.neuron.lif.internal;

import java.util.Map;

import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.param.Parameters;

/** Small drivers that run {@code lif} for a few steps on one neuron, for the hand-derived tests. */
final class LifTraces {

    private LifTraces() {
    }

    static NeuronDynamics lif(Map<String, ?> raw) {
        return lif(raw, 1.0);
    }

    static NeuronDynamics lif(Map<String, ?> raw, double dtMs) {
        LifNeuronModel model = new LifNeuronModel();
        return model.create(Parameters.resolve("lif", model.parameters(), raw), 1, dtMs);
    }

    /** Runs one neuron from its initial state; returns {@code [membrane trace, spike trace]}. */
    static float[][] run(NeuronDynamics d, float... inputs) {
        float[][] state = {new float[1]};
        d.initState(state, 0, 1);
        float[] v = new float[inputs.length];
        float[] s = new float[inputs.length];
        for (int t = 0; t < inputs.length; t++) {
            float[][] next = {new float[1]};
            float[] out = new float[1];
            d.forward(new ForwardStep(new float[] {inputs[t]}, state, next, out, 0, 1));
            v[t] = next[0][0];
            s[t] = out[0];
            state = next;
        }
        return new float[][] {v, s};
    }

    /**
     * One backward step of one neuron from membrane {@code vBefore} with input {@code input}.
     *
     * @return {@code [dL/dI, dL/dv_before]}; parameter gradients are accumulated into {@code gradParams}
     */
    static float[] backward(NeuronDynamics d, float vBefore, float input, float gradOutput, float gradStateOut,
            float[][] gradParams) {
        float[][] stateIn = {{vBefore}};
        float[][] stateOut = {new float[1]};
        float[] out = new float[1];
        d.forward(new ForwardStep(new float[] {input}, stateIn, stateOut, out, 0, 1));
        float[] gIn = new float[1];
        float[][] gStateIn = {new float[1]};
        d.backward(new BackwardStep(new float[] {input}, stateIn, out, new float[] {gradOutput}, new float[][] {{gradStateOut}},
                gIn, gStateIn, gradParams, 0, 1));
        return new float[] {gIn[0], gStateIn[0][0]};
    }
}
