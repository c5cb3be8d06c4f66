package org.myelin.api.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParametersTest {

    private final List<ParameterSpec> specs = List.of(
            ParameterSpec.ofDouble("beta", 0.9, "", 0.0, 1.0, "membrane decay per step"),
            ParameterSpec.ofInt("epochs", null, "", 1L, 1000L, "training epochs"),
            ParameterSpec.ofEnum("reset", "subtract", "reset mechanism", "subtract", "zero", "none"),
            ParameterSpec.ofBoolean("detach_reset", false, "detach the reset from the graph"),
            ParameterSpec.ofDoubleList("taus", List.of(), "ms", "time constants"));

    @Test
    void appliesDefaultsAndCoercesStringsFromTheCommandLine() {
        Parameters p = Parameters.resolve("train.params", specs,
                Map.of("epochs", "12", "reset", "ZERO", "detach_reset", "true", "taus", "5, 10.5"));
        assertEquals(0.9, p.getDouble("beta"));
        assertEquals(12, p.getInt("epochs"));
        assertEquals("zero", p.getString("reset"));
        assertTrue(p.getBoolean("detach_reset"));
        assertEquals(List.of(5.0, 10.5), p.getDoubleList("taus"));
    }

    @Test
    void rejectsUnknownNameListingTheValidOnes() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("train.params", specs, Map.of("epochs", 3, "lr", 0.1)));
        assertEquals("train.params.lr", e.input());
        assertTrue(e.getMessage().contains("valid parameters: beta, epochs, reset, detach_reset, taus"), e.getMessage());
    }

    @Test
    void rejectsMissingRequiredOutOfRangeAndNonFiniteValues() {
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("p", specs, Map.of())).getMessage().contains("required parameter 'epochs'"));
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("p", specs, Map.of("epochs", 1, "beta", 1.5))).getMessage()
                .contains("value 1.5 is out of range; expected number in [0, 1]"));
        assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("p", specs, Map.of("epochs", 1, "beta", Double.NaN)));
        assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("p", specs, Map.of("epochs", 2.5)));
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("p", specs, Map.of("epochs", 1, "reset", "soft"))).getMessage()
                .contains("expected one of subtract|zero|none"));
    }
}
