package org.myelin.learning.bptt.internal;

import java.util.List;
import java.util.Optional;

import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronConventions;
import org.myelin.api.neuron.NeuronDynamics;

/** Test rate units: {@code v[t] = 0.8 v[t-1] + I[t]}, output {@code tanh(v)}. */
final class LeakyUnits implements NeuronDynamics {

    private final int size;

    LeakyUnits(int size) {
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<String> stateNames() {
        return List.of("v");
    }

    @Override
    public boolean spiking() {
        return false;
    }

    @Override
    public Optional<NeuronConventions> conventions() {
        return Optional.empty();
    }

    @Override
    public void initState(float[][] state, int fromRow, int toRow) {
        java.util.Arrays.fill(state[0], fromRow * size, toRow * size, 0f);
    }

    @Override
    public void forward(ForwardStep s) {
        for (int i = s.fromRow() * size; i < s.toRow() * size; i++) {
            float v = 0.8f * s.stateIn()[0][i] + s.input()[i];
            s.stateOut()[0][i] = v;
            s.output()[i] = (float) Math.tanh(v);
        }
    }

    @Override
    public void backward(BackwardStep s) {
        for (int i = s.fromRow() * size; i < s.toRow() * size; i++) {
            float y = s.output()[i];
            float g = s.gradStateOut()[0][i] + s.gradOutput()[i] * (1 - y * y);
            s.gradInput()[i] = g;
            s.gradStateIn()[0][i] = 0.8f * g;
        }
    }
}
