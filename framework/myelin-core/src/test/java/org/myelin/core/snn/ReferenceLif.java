package org.myelin.core.snn;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.myelin.api.neuron.BackwardStep;
import org.myelin.api.neuron.ForwardStep;
import org.myelin.api.neuron.NeuronConventions;
import org.myelin.api.neuron.NeuronDynamics;

/**
 * A test-only LIF population written straight from the semantics in fixtures/bptt/README.md
 * (the real model is the {@code lif} plugin, which core cannot depend on). Shared beta and
 * threshold, no trainable parameters.
 */
final class ReferenceLif implements NeuronDynamics {

    private final int size;
    private final float beta;
    private final float th;
    private final String reset;
    private final boolean nextStep;
    private final boolean ge;
    private final boolean detach;
    private final String surrogate;
    private final double slope;

    ReferenceLif(int size, double beta, double th, String reset, String timing, String fire, boolean detach, String surrogate,
            double slope) {
        this.size = size;
        this.beta = (float) beta;
        this.th = (float) th;
        this.reset = reset;
        this.nextStep = timing.equals("next_step");
        this.ge = fire.equals("ge");
        this.detach = detach;
        this.surrogate = surrogate;
        this.slope = slope;
    }

    /** From a fixture.json neuron entry. */
    @SuppressWarnings("unchecked")
    static ReferenceLif of(Map<String, Object> n, int size) {
        Map<String, Object> s = (Map<String, Object>) n.get("surrogate");
        return new ReferenceLif(size, ((Number) n.get("beta")).doubleValue(), ((Number) n.get("threshold")).doubleValue(),
                (String) n.get("reset"), (String) n.get("reset_timing"), (String) n.get("fire"), (Boolean) n.get("detach_reset"),
                (String) s.get("kind"), ((Number) s.get("param")).doubleValue());
    }

    /** snnTorch Leaky defaults with a fast-sigmoid(25) surrogate. */
    static ReferenceLif snnTorch(int size, double beta) {
        return new ReferenceLif(size, beta, 1, "subtract", "next_step", "gt", true, "fast_sigmoid", 25);
    }

    private float fire(float z) {
        return (ge ? z >= 0 : z > 0) ? 1f : 0f;
    }

    private float grad(float z) {
        switch (surrogate) {
            case "fast_sigmoid": {
                double d = slope * Math.abs(z) + 1;
                return (float) (1 / (d * d));
            }
            case "atan": {
                double u = Math.PI / 2 * slope * z;
                return (float) (slope / 2 / (1 + u * u));
            }
            default: {
                double s = 1 / (1 + Math.exp(-slope * z));
                return (float) (slope * s * (1 - s));
            }
        }
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
        return true;
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
    public void forward(ForwardStep st) {
        float[] in = st.input();
        float[] u0 = st.stateIn()[0];
        float[] u1 = st.stateOut()[0];
        float[] s = st.output();
        for (int i = st.fromRow() * size; i < st.toRow() * size; i++) {
            if (nextStep) {
                float r = fire(u0[i] - th);
                float u = reset.equals("subtract") ? beta * u0[i] + in[i] - th * r
                        : reset.equals("zero") ? beta * u0[i] * (1 - r) + in[i] : beta * u0[i] + in[i];
                u1[i] = u;
                s[i] = fire(u - th);
            } else {
                float h = beta * u0[i] + in[i];
                float r = fire(h - th);
                u1[i] = reset.equals("subtract") ? h - th * r : reset.equals("zero") ? h * (1 - r) : h;
                s[i] = r;
            }
        }
    }

    @Override
    public void backward(BackwardStep st) {
        float[] in = st.input();
        float[] u0 = st.stateIn()[0];
        float[] gs = st.gradOutput();
        float[] gu1 = st.gradStateOut()[0];
        float[] gi = st.gradInput();
        float[] gu0 = st.gradStateIn()[0];
        for (int i = st.fromRow() * size; i < st.toRow() * size; i++) {
            if (nextStep) {
                float r = fire(u0[i] - th);
                float u = reset.equals("subtract") ? beta * u0[i] + in[i] - th * r
                        : reset.equals("zero") ? beta * u0[i] * (1 - r) + in[i] : beta * u0[i] + in[i];
                float gu = gu1[i] + gs[i] * grad(u - th);
                float dr = detach ? 0f : grad(u0[i] - th);
                gi[i] = gu;
                gu0[i] = reset.equals("subtract") ? gu * (beta - th * dr)
                        : reset.equals("zero") ? gu * (beta * (1 - r) - beta * u0[i] * dr) : gu * beta;
            } else {
                float h = beta * u0[i] + in[i];
                float r = fire(h - th);
                float gh;
                float sp = grad(h - th);
                if (reset.equals("subtract")) {
                    gh = gu1[i] + (gs[i] - (detach ? 0 : th * gu1[i])) * sp;
                } else if (reset.equals("zero")) {
                    gh = gu1[i] * (1 - r) + (gs[i] - (detach ? 0 : h * gu1[i])) * sp;
                } else {
                    gh = gu1[i] + gs[i] * sp;
                }
                gi[i] = gh;
                gu0[i] = beta * gh;
            }
        }
    }
}
