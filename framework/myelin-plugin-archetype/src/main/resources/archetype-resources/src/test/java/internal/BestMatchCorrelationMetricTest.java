package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.Parameters;
import org.myelin.testkit.metric.SimilarityMetricContract;

/**
 * The testkit's metric contract (symmetry, identity, NaN/Inf rejection naming row and column,
 * determinism, parameter descriptions) plus values worked out by hand.
 */
class BestMatchCorrelationMetricTest extends SimilarityMetricContract {

    private final BestMatchCorrelationMetric metric = new BestMatchCorrelationMetric();

    @Override
    protected SimilarityMetric metric() {
        return metric;
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("absolute", false);
    }

    @Test
    void matchesEachUnitToItsMostCorrelatedTwin() {
        // y0 = -x1 and y1 = 2 x0: x0 <-> y1 correlate +1, x1 <-> y0 correlate -1
        Matrix x = Matrix.of(new double[][] {{1, 0}, {2, 1}, {3, 0}, {4, 1}});
        Matrix y = Matrix.of(new double[][] {{0, 2}, {-1, 4}, {0, 6}, {-1, 8}});
        SimilarityResult r = metric.compare(x, y, resolve(false));
        // corr(x0, x1) = 1/sqrt(5) = c. Best for x: x0 -> y1 (1), x1 -> y1 (c); for y: y0 -> x0 (-c), y1 -> x0 (1)
        // value = ((1 + c) / 2 + (-c + 1) / 2) / 2 = 0.5
        assertEquals(0.5, r.value(), 1e-12);
        assertArrayEquals(new int[] {1, 1}, (int[]) r.details().get("match_x"));
        assertArrayEquals(new int[] {0, 0}, (int[]) r.details().get("match_y"));
        double c = 1 / Math.sqrt(5);
        assertArrayEquals(new double[] {1, c}, (double[]) r.details().get("best_correlation_x"), 1e-12);
        assertArrayEquals(new double[] {-c, 1}, (double[]) r.details().get("best_correlation_y"), 1e-12);

        SimilarityResult abs = metric.compare(x, y, resolve(true));
        assertEquals(1.0, abs.value(), 1e-12);
        assertArrayEquals(new int[] {1, 0}, (int[]) abs.details().get("match_x"));
    }

    @Test
    void rejectsAConstantUnitNamingItsColumn() {
        Matrix x = Matrix.of(new double[][] {{1, 5}, {2, 5}, {3, 5}});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> metric.compare(x, x, resolve(false)));
        assertEquals("x", e.input());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("column 1"), e.getMessage());
    }

    private Parameters resolve(boolean absolute) {
        return Parameters.resolve("test", metric.parameters(), Map.of("absolute", absolute));
    }
}
