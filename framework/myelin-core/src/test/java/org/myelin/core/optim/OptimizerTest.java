package org.myelin.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Optimisers, clipping and schedules against PyTorch 1.13 (values in
 * src/test/resources/optim/torch_reference.json, produced by torch_reference.py beside it).
 */
class OptimizerTest {

    private static final double[] P0 = {0.5, -1.2, 2.0, 0.0, 3.0};
    private static Map<String, Object> ref;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws Exception {
        try (InputStream in = OptimizerTest.class.getResourceAsStream("/optim/torch_reference.json")) {
            ref = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static float[] grad(int t) {
        float[] g = new float[P0.length];
        for (int j = 0; j < g.length; j++) {
            g[j] = (float) (Math.sin(0.7 * t + j) * (j + 1));
        }
        return g;
    }

    @SuppressWarnings("unchecked")
    private static void assertTrajectory(String key, Supplier<Optimizer> make) {
        List<List<Number>> expected = (List<List<Number>>) ref.get(key);
        Optimizer opt = make.get();
        float[] p = new float[P0.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = (float) P0[j];
        }
        for (int t = 1; t <= expected.size(); t++) {
            opt.step(new float[][] {p}, new float[][] {grad(t)});
            for (int j = 0; j < p.length; j++) {
                double e = expected.get(t - 1).get(j).doubleValue();
                assertEquals(e, p[j], 2e-6 * Math.max(1, Math.abs(e)), key + " step " + t + " element " + j);
            }
        }
        assertEquals(expected.size(), opt.steps());
    }

    @Test
    void adamMatchesTorchDefaults() {
        assertTrajectory("adam", () -> Adam.of(0.01));
    }

    @Test
    void adamWithL2MatchesTorchWeightDecay() {
        assertTrajectory("adam_l2", () -> new Adam(0.01, 0.9, 0.999, 1e-8, 0.1, false));
    }

    @Test
    void adamWMatchesTorchDecoupledDecay() {
        assertTrajectory("adamw", () -> new Adam(0.01, 0.9, 0.999, 1e-8, 0.1, true));
    }

    @Test
    void sgdVariantsMatchTorch() {
        assertTrajectory("sgd", () -> new Sgd(0.1, 0, 0, false));
        assertTrajectory("sgd_momentum", () -> new Sgd(0.1, 0.9, 0, false));
        assertTrajectory("sgd_nesterov_wd", () -> new Sgd(0.1, 0.9, 0.01, true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void clippingMatchesClipGradNorm() {
        Map<String, Object> c = (Map<String, Object>) ref.get("clip");
        float[][] g = {{3, 4}, {12}};
        double norm = GradientClipping.clipByGlobalNorm(g, 5);
        assertEquals(13.0, norm, 1e-12);
        assertEquals(((Number) c.get("norm")).doubleValue(), norm, 1e-6);
        List<Number> a = (List<Number>) c.get("a");
        assertEquals(a.get(0).doubleValue(), g[0][0], 1e-6);
        assertEquals(a.get(1).doubleValue(), g[0][1], 1e-6);
        assertEquals(((List<Number>) c.get("b")).get(0).doubleValue(), g[1][0], 1e-6);
        float[][] small = {{0.3f, 0.4f}};
        GradientClipping.clipByGlobalNorm(small, 5);
        assertEquals(0.3f, small[0][0]);
    }

    @SuppressWarnings("unchecked")
    private static void assertSchedule(List<Number> expected, LearningRateSchedule s) {
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).doubleValue(), s.learningRate(i), 1e-12, "step " + i);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void schedulesMatchTorch() {
        assertSchedule((List<Number>) ref.get("step_lr"), LearningRateSchedule.step(0.1, 3, 0.5));
        assertSchedule((List<Number>) ref.get("cosine"), LearningRateSchedule.cosine(0.1, 10, 0.001));
        Map<String, Object> oc = (Map<String, Object>) ref.get("one_cycle");
        LearningRateSchedule one = LearningRateSchedule.oneCycle(0.01, 20);
        assertSchedule((List<Number>) oc.get("lr"), one);
        List<Number> mom = (List<Number>) oc.get("momentum");
        for (int i = 0; i < mom.size(); i++) {
            assertEquals(mom.get(i).doubleValue(), one.momentum(i), 1e-12, "momentum at step " + i);
        }
        Adam adam = Adam.of(1);
        one.apply(adam, 6);
        assertEquals(((List<Number>) oc.get("lr")).get(6).doubleValue(), adam.learningRate(), 1e-12);
    }

    /**
     * Adam's parallel step (elements of all arrays cut into pieces per thread) against the serial
     * step: same bits for 1, 2 and 3 threads, over arrays of uneven sizes whose total is above
     * {@link Adam#PARALLEL_ELEMENTS}, with weight decay of both kinds.
     */
    @Test
    void adamGivesTheSameBitsOnAnyNumberOfThreads() {
        int[] sizes = {Adam.PARALLEL_ELEMENTS + 17, 3, 1000};
        for (boolean decoupled : new boolean[] {false, true}) {
            float[][] serial = null;
            for (int threads = 1; threads <= 3; threads++) {
                float[][] p = new float[sizes.length][];
                float[][] g = new float[sizes.length][];
                for (int i = 0; i < sizes.length; i++) {
                    p[i] = new float[sizes[i]];
                    g[i] = new float[sizes[i]];
                    for (int j = 0; j < sizes[i]; j++) {
                        p[i][j] = (float) Math.cos(0.01 * j + i);
                    }
                }
                Adam adam = new Adam(1e-2, 0.9, 0.999, 1e-8, 0.05, decoupled);
                try (org.myelin.core.parallel.ParallelRows rows = org.myelin.core.parallel.ParallelRows.withThreads(threads)) {
                    for (int t = 1; t <= 3; t++) {
                        for (int i = 0; i < sizes.length; i++) {
                            for (int j = 0; j < sizes[i]; j++) {
                                g[i][j] = (float) Math.sin(0.37 * j + t + i);
                            }
                        }
                        if (threads == 1) {
                            adam.step(p, g);
                        } else {
                            adam.step(p, g, rows);
                        }
                    }
                }
                if (serial == null) {
                    serial = p;
                } else {
                    for (int i = 0; i < sizes.length; i++) {
                        org.junit.jupiter.api.Assertions.assertArrayEquals(serial[i], p[i],
                                "array " + i + ", " + threads + " threads, decoupled " + decoupled);
                    }
                }
            }
        }
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 0, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 1.0, 0.999, 1e-8, 0, false));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByGlobalNorm(new float[1][1], 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(0.1, 0, 0.5));
    }
}
