package org.myelin.neuron.lif.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.myelin.api.neuron.Surrogate;

/**
 * The single-precision surrogates against the double-precision formulas of
 * {@link Surrogate#derivative(double)} (the reference; science/snn.md section 0.4 gives the
 * same formulas), on a grid of membrane distances from -4 to 4 around the threshold.
 */
class SurrogateSlopeTest {

    private static void near(String spec, double relTol) {
        Surrogate s = Surrogate.parse(spec);
        SurrogateSlope f = SurrogateSlope.of(s);
        double worst = 0;
        for (int i = -4000; i <= 4000; i++) {
            float x = i / 1000f;
            double expected = s.derivative(x);
            double got = f.at(x);
            double err = Math.abs(got - expected);
            assertTrue(err <= relTol * Math.abs(expected) + 1e-30, spec + " at x = " + x + ": " + got + " vs " + expected);
            worst = Math.max(worst, err / Math.max(Math.abs(expected), 1e-30));
        }
        assertTrue(worst <= relTol, spec + ": worst relative error " + worst);
    }

    @Test
    void fastSigmoidIsWithinFourFloatRoundings() {
        near("fast_sigmoid(25)", 4e-7);
        near("superspike(100)", 4e-7);
    }

    @Test
    void atanIsWithinFourFloatRoundings() {
        near("atan(2)", 4e-7);
    }

    @Test
    void sigmoidIsTheDoubleValueRounded() {
        near("sigmoid(25)", 6e-8);
    }

    @Test
    void triangleIsExactToFloatRoundingAndZeroOutside() {
        near("triangle(1)", 4e-7);
        assertEquals(0f, SurrogateSlope.of(Surrogate.parse("triangle(0.5)")).at(0.75f), 0f);
        assertEquals(1f, SurrogateSlope.of(Surrogate.parse("straight_through")).at(123f), 0f);
    }
}
