package org.myelin.neuron.rate.internal;

import java.util.List;
import java.util.Optional;

import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronConventions;
import org.myelin.api.neuron.NeuronDynamics;

/**
 * Leaky continuous-time rate units, forward Euler with {@code alpha = dt / tau}
 * (science/snn.md section 6(a)); one state variable {@code x}:
 *
 * <pre>
 * x[t] = (1 - alpha) x[t-1] + alpha I[t]
 * r[t] = f(x[t])                         (the output)
 * </pre>
 *
 * The backward pass is the exact vector-Jacobian product of these two lines: with
 * {@code g = dL/dx[t] + dL/dr[t] f'(x[t])}, {@code dL/dI[t] = alpha g} and
 * {@code dL/dx[t-1] = (1 - alpha) g}. No noise is drawn here; the engine adds input noise.
 */
final class RateDynamics implements NeuronDynamics {

    private final int size;
    private final Activation activation;
    private final float shape;
    private final float alpha;
    private final float x0;

    RateDynamics(int size, Activation activation, float shape, float alpha, float x0) {
        this.size = size;
        this.activation = activation;
        this.shape = shape;
        this.alpha = alpha;
        this.x0 = x0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<String> stateNames() {
        return List.of("x");
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
        float[] x = state[0];
        for (int i = fromRow * size, end = toRow * size; i < end; i++) {
            x[i] = x0;
        }
    }

    @Override
    public void forward(ForwardStep step) {
        final float keep = 1f - alpha;
        final float[] in = step.input();
        final float[] xIn = step.stateIn()[0];
        final float[] xOut = step.stateOut()[0];
        final float[] out = step.output();
        for (int i = step.fromRow() * size, end = step.toRow() * size; i < end; i++) {
            float x = keep * xIn[i] + alpha * in[i];
            xOut[i] = x;
            out[i] = activation.value(x, shape);
        }
    }

    @Override
    public void backward(BackwardStep step) {
        final float keep = 1f - alpha;
        final float[] in = step.input();
        final float[] xIn = step.stateIn()[0];
        final float[] gOut = step.gradOutput();
        final float[] gState = step.gradStateOut()[0];
        final float[] gIn = step.gradInput();
        final float[] gStateIn = step.gradStateIn()[0];
        for (int i = step.fromRow() * size, end = step.toRow() * size; i < end; i++) {
            float x = keep * xIn[i] + alpha * in[i];
            float g = gState[i] + gOut[i] * activation.derivative(x, shape);
            gIn[i] = alpha * g;
            gStateIn[i] = keep * g;
        }
    }

    /** @return {@code dt / tau} */
    float alpha() {
        return alpha;
    }
}
