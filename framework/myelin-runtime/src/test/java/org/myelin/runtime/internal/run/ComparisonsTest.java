package org.myelin.runtime.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.MetricTraits;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.myelin.api.registry.RunStart;
import org.myelin.runtime.internal.spec.ExperimentSpec;

/** The spec's {@code compare:} block: values, the stored artifact, and errors that name the comparison. */
class ComparisonsTest {

    /** Rejects a NaN the way every metric does, naming x or y with row and column. */
    static final class Strict implements SimilarityMetric {
        @Override
        public String id() {
            return "strict";
        }

        @Override
        public String description() {
            return "rows, or an error for NaN";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public MetricTraits traits() {
            return new MetricTraits(true, false, 0);
        }

        @Override
        public SimilarityResult compare(Matrix x, Matrix y, Parameters params) {
            int[] bad = y.firstNonFinite();
            if (bad != null) {
                throw new InvalidInputException("y", "row " + bad[0] + ", column " + bad[1] + " is NaN", "remove it");
            }
            return new SimilarityResult(x.rows(), Map.of("n", x.rows()));
        }
    }

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private Comparisons comparisons(long runId) {
        return new Comparisons(registry, runId, new TrackedRunContext(registry, runId, 1, 1, null,
                new PrintStream(log, true, StandardCharsets.UTF_8), new AtomicBoolean()));
    }

    private static PreparedComparison prepared(int index, String a, String b) {
        ExperimentSpec.PluginRef ref = new ExperimentSpec.PluginRef("compare[" + index + "]", "strict", null, "spec.yaml:9");
        return new PreparedComparison(new ExperimentSpec.CompareRef(index, ref, a, b), new Strict(), Parameters.EMPTY);
    }

    private long run() {
        return registry.startRun(new RunStart("t", "spec", "hash", 1, Map.of(), List.of(), null, Map.of())).id();
    }

    @Test
    void logsTheValueAndStoresTheDetails() throws Exception {
        long id = run();
        Matrix m = Matrix.zeros(4, 2);
        Map<String, Double> out = comparisons(id).compute(List.of(prepared(0, "hidden", "output")), Map.of("hidden", m, "output", m));
        assertEquals(Map.of("compare.strict(hidden,output)", 4.0), out);
        String json = new String(registry.files.get(id).get("compare/0-strict.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"value\" : 4.0") && json.contains("\"compute_s\""), json);
    }

    @Test
    void aRejectedInputNamesTheComparisonAndItsRepresentations() {
        long id = run();
        double[] d = new double[8];
        d[5] = Double.NaN;
        Map<String, Matrix> own = Map.of("hidden", Matrix.zeros(4, 2), "output", new Matrix(4, 2, d));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> comparisons(id).compute(List.of(prepared(1, "hidden", "output")), own));
        assertEquals("compare[1] strict(x = hidden, y = output): y: row 2, column 1 is NaN (remove it)", e.getMessage());
    }

    @Test
    void differentStimulusCountsAndUnknownNamesAreRejected() {
        long id = run();
        Map<String, Matrix> own = Map.of("hidden", Matrix.zeros(4, 2), "output", Matrix.zeros(5, 2));
        InvalidInputException rows = assertThrows(InvalidInputException.class,
                () -> comparisons(id).compute(List.of(prepared(0, "hidden", "output")), own));
        assertTrue(rows.getMessage().contains("hidden has 4 stimuli but output has 5"), rows.getMessage());
        InvalidInputException name = assertThrows(InvalidInputException.class,
                () -> comparisons(id).compute(List.of(prepared(0, "hidden", "nope")), own));
        assertTrue(name.getMessage().contains("this run has no representation 'nope'") && name.getMessage().contains("hidden, output"),
                name.getMessage());
    }
}
