package org.myelin.api.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reference: the surrogate formulas of science/snn.md section 0.1-0.3, evaluated by hand. */
class SurrogateTest {

    @Test
    void atanMatchesSnnTorchFormula() {
        Surrogate s = Surrogate.parse("atan(2)");
        assertEquals(1.0, s.derivative(0), 1e-12); // alpha/2
        double u = Math.PI / 2 * 2 * 0.3;
        assertEquals(1.0 / (1 + u * u), s.derivative(0.3), 1e-12);
    }

    @Test
    void fastSigmoidAndSuperSpikeUseInverseSquare() {
        assertEquals(1.0 / Math.pow(25 * 0.1 + 1, 2), Surrogate.parse("fast_sigmoid").derivative(-0.1), 1e-12);
        assertEquals(1.0 / Math.pow(100 * 0.02 + 1, 2), Surrogate.parse("superspike(100)").derivative(0.02), 1e-12);
    }

    @Test
    void sigmoidPeaksAtQuarterSlope() {
        assertEquals(1.0, Surrogate.parse("sigmoid(4)").derivative(0), 1e-12);
    }

    @Test
    void triangleHasUnitArea() {
        Surrogate t = Surrogate.parse("triangle(0.5)");
        double area = 0;
        for (double x = -1; x <= 1; x += 1e-4) {
            area += t.derivative(x) * 1e-4;
        }
        assertEquals(1.0, area, 1e-3);
        assertEquals(0.0, t.derivative(0.6));
    }

    @Test
    void rejectsUnknownNamesAndBadSlopes() {
        assertThrows(IllegalArgumentException.class, () -> Surrogate.parse("erf(2)"));
        assertThrows(IllegalArgumentException.class, () -> Surrogate.parse("atan(-1)"));
        assertThrows(IllegalArgumentException.class, () -> Surrogate.parse("atan(x)"));
    }
}
