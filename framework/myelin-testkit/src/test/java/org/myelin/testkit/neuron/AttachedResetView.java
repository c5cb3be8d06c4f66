package org.myelin.testkit.neuron;

import java.util.List;
import java.util.Optional;

import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronConventions;
import org.myelin.api.neuron.NeuronDynamics;

/** Delegates to other dynamics but declares that the reset is differentiated ({@code detachReset = false}). */
final class AttachedResetView implements NeuronDynamics {

    private final NeuronDynamics d;

    AttachedResetView(NeuronDynamics d) {
        this.d = d;
    }

    @Override
    public int size() {
        return d.size();
    }

    @Override
    public List<String> stateNames() {
        return d.stateNames();
    }

    @Override
    public boolean spiking() {
        return true;
    }

    @Override
    public Optional<NeuronConventions> conventions() {
        NeuronConventions c = d.conventions().orElseThrow();
        return Optional.of(new NeuronConventions(c.leak(), c.reset(), c.resetTiming(), c.threshold(), false, c.decayInput(),
                c.surrogate()));
    }

    @Override
    public void initState(float[][] state, int fromRow, int toRow) {
        d.initState(state, fromRow, toRow);
    }

    @Override
    public void forward(ForwardStep step) {
        d.forward(step);
    }

    @Override
    public void backward(BackwardStep step) {
        d.backward(step);
    }
}
