package org.myelin.metric.cka.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.Parameters;

/**
 * RBF, debiased and angular CKA against {@code cka_reference.properties}, produced by
 * {@code make_cka_reference.py} (a numpy transcription of Kornblith et al.'s demo notebook; see
 * the README in src/test/resources), plus the invariances of science/metrics.md section 1.4 and
 * the degenerate inputs of section 1.5.
 */
class CkaVariantsTest {

    private final CkaMetric metric = new CkaMetric();

    private static Properties reference() throws IOException {
        Properties p = new Properties();
        try (InputStream in = CkaVariantsTest.class.getResourceAsStream("/cka_reference.properties")) {
            p.load(in);
        }
        return p;
    }

    private static double ref(String key) throws IOException {
        return Double.parseDouble(reference().getProperty(key));
    }

    private SimilarityResult run(Matrix x, Matrix y, Object... kv) {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            raw.put((String) kv[i], kv[i + 1]);
        }
        return metric.compare(x, y, Parameters.resolve("cka", metric.parameters(), raw));
    }

    private double value(Matrix x, Matrix y, Object... kv) {
        return run(x, y, kv).value();
    }

    @Test
    void reproducesTheNotebookRbfAndDebiasedValues() throws IOException {
        Matrix x = CkaMetricTest.csv("kornblith_demo_x.csv");
        Matrix y = CkaMetricTest.csv("kornblith_demo_y.csv");
        // the notebook prints 0.65483 (RBF, threshold 0.5) and 0.51346 (debiased linear)
        assertEquals(0.65483, value(x, y, "kernel", "rbf", "threshold", 0.5), 5e-6);
        assertEquals(0.51346, value(x, y, "debiased", true), 5e-6);
        assertEquals(ref("demo.rbf.0.5"), value(x, y, "kernel", "rbf", "threshold", 0.5), 1e-13);
        assertEquals(ref("demo.linear.debiased"), value(x, y, "debiased", true), 1e-13);
        assertEquals(ref("demo.rbf.1"), value(x, y, "kernel", "rbf"), 1e-13);
        assertEquals(ref("demo.rbf.2"), value(x, y, "kernel", "rbf", "threshold", 2.0), 1e-13);
        assertEquals(ref("demo.rbf.1.debiased"), value(x, y, "kernel", "rbf", "debiased", true), 1e-13);
        assertEquals(ref("demo.rbf.0.5.debiased"), value(x, y, "kernel", "rbf", "threshold", 0.5, "debiased", true), 1e-13);
        assertEquals(ref("demo.rbf.2.debiased"), value(x, y, "kernel", "rbf", "threshold", 2.0, "debiased", true), 1e-13);
    }

    @Test
    void differentUnitCountsMatchReference() throws IOException {
        Matrix x = CkaMetricTest.csv("gauss_60x20.csv");
        Matrix y = CkaMetricTest.csv("gauss_60x30.csv");
        assertEquals(ref("gauss.linear"), value(x, y), 1e-13);
        assertEquals(ref("gauss.linear.debiased"), value(x, y, "debiased", true), 1e-13);
        assertEquals(ref("gauss.rbf.1"), value(x, y, "kernel", "rbf"), 1e-13);
        assertEquals(ref("gauss.rbf.0.5"), value(x, y, "kernel", "rbf", "threshold", 0.5), 1e-13);
        assertEquals(ref("gauss.rbf.2.debiased"), value(x, y, "kernel", "rbf", "threshold", 2.0, "debiased", true), 1e-13);
        assertEquals(ref("gauss.linear.angular"), value(x, y, "angular", true), 1e-12);
        assertEquals(ref("gauss.rbf.1.angular"), value(x, y, "kernel", "rbf", "angular", true), 1e-12);
    }

    @Test
    void angularIsTheArccosAndZeroForIdenticalInput() throws IOException {
        Matrix x = CkaMetricTest.csv("kornblith_demo_x.csv");
        Matrix y = CkaMetricTest.csv("kornblith_demo_y.csv");
        SimilarityResult r = run(x, y, "angular", true);
        assertEquals(ref("demo.linear.angular"), r.value(), 1e-12);
        assertEquals(ref("demo.linear"), (double) r.details().get("cka"), 1e-13);
        assertEquals(ref("demo.rbf.1.angular"), value(x, y, "kernel", "rbf", "angular", true), 1e-12);
        assertEquals(0.0, value(x, x, "angular", true), 1e-7);
        assertEquals(0.0, value(x, x, "kernel", "rbf", "angular", true), 1e-7);
    }

    @Test
    void debiasedFeatureAndGramFormsAgree() throws IOException {
        Matrix x = CkaMetricTest.csv("kornblith_demo_x.csv");
        Matrix y = CkaMetricTest.csv("kornblith_demo_y.csv");
        SimilarityResult feature = run(x, y, "debiased", true);
        SimilarityResult gram = run(CkaMetricTest.padColumns(x, 120), y, "debiased", true);
        assertEquals("feature", feature.details().get("form"));
        assertEquals("gram", gram.details().get("form"));
        assertEquals(feature.value(), gram.value(), 1e-13);
        assertEquals((double) feature.details().get("hsic_xy"), (double) gram.details().get("hsic_xy"), 1e-9);
        assertEquals(ref("demo.linear.debiased.feature"), feature.value(), 1e-13);
    }

    @Test
    void fewerStimuliThanUnitsMatchReference() throws IOException {
        Matrix x = CkaMetricTest.firstRows(CkaMetricTest.csv("kornblith_demo_x.csv"), 8);
        Matrix y = CkaMetricTest.firstRows(CkaMetricTest.csv("kornblith_demo_y.csv"), 8);
        assertEquals(ref("demo8.linear.debiased"), value(x, y, "debiased", true), 1e-12);
        assertEquals(ref("demo8.rbf.1"), value(x, y, "kernel", "rbf"), 1e-13);
        Matrix x7 = CkaMetricTest.firstRows(x, 7);
        Matrix y7 = CkaMetricTest.firstRows(y, 7);
        assertEquals(ref("demo7.rbf.1"), value(x7, y7, "kernel", "rbf"), 1e-13, "odd n^2: the median is the middle entry");
    }

    @Test
    void debiasedAtFourStimuliCanBeNegativeAndThreeAreRejected() throws IOException {
        Matrix x = CkaMetricTest.firstRows(CkaMetricTest.csv("kornblith_demo_x.csv"), 4);
        Matrix y = CkaMetricTest.firstRows(CkaMetricTest.csv("kornblith_demo_y.csv"), 4);
        assertEquals(ref("demo4.linear.debiased"), value(x, y, "debiased", true), 1e-12);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> value(CkaMetricTest.firstRows(x, 3), CkaMetricTest.firstRows(y, 3), "debiased", true));
        assertTrue(e.getMessage().contains("debiased linear CKA needs at least 4 stimuli (rows), got 3"), e.getMessage());
        assertTrue(e.fix().contains("debiased=false"), e.fix());
    }

    @Test
    void rbfIsInvariantToRotationScalingTranslationAndPermutation() throws IOException {
        Matrix x = CkaMetricTest.csv("kornblith_demo_x.csv");
        Matrix y = CkaMetricTest.csv("kornblith_demo_y.csv");
        double base = ref("demo.rbf.1");
        assertEquals(base, value(CkaMetricTest.times(x, CkaMetricTest.orthogonal(10, 3)), y, "kernel", "rbf"), 1e-12);
        assertEquals(base, value(x, CkaMetricTest.scaled(y, 12.5), "kernel", "rbf"), 1e-12);
        double[] shifted = x.data().clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 7.0 * (i % 10) - 3;
        }
        assertEquals(base, value(new Matrix(100, 10, shifted), y, "kernel", "rbf"), 1e-12);
        double[] perm = new double[x.data().length];
        for (int r = 0; r < 100; r++) {
            for (int c = 0; c < 10; c++) {
                perm[r * 10 + c] = x.get(r, (c * 7 + 3) % 10);
            }
        }
        assertEquals(base, value(new Matrix(100, 10, perm), y, "kernel", "rbf"), 1e-12);
    }

    @Test
    void debiasedIsInvariantToRotationAndScaling() throws IOException {
        Matrix x = CkaMetricTest.csv("gauss_60x20.csv");
        Matrix y = CkaMetricTest.csv("gauss_60x30.csv");
        double base = ref("gauss.linear.debiased");
        assertEquals(base, value(CkaMetricTest.times(x, CkaMetricTest.orthogonal(20, 4)), CkaMetricTest.scaled(y, 0.01),
                "debiased", true), 1e-12);
    }

    @Test
    void rbfDetailsReportTheBandwidth() throws IOException {
        // 3 stimuli on a line at 0, 1, 3: squared distances {0,0,0,1,1,4,4,9,9}, median 1
        Matrix x = Matrix.of(new double[][] {{0}, {1}, {3}});
        Matrix y = Matrix.of(new double[][] {{0, 0}, {2, 0}, {0, 3}}); // {0,0,0,4,4,9,9,13,13}: median 4
        SimilarityResult r = run(x, y, "kernel", "rbf", "threshold", 0.5);
        assertEquals(1.0, (double) r.details().get("median_sq_distance_x"), 1e-15);
        assertEquals(0.25, (double) r.details().get("sigma2_x"), 1e-15);
        assertEquals(4.0, (double) r.details().get("median_sq_distance_y"), 1e-15);
        assertEquals("rbf", r.details().get("kernel"));
        assertEquals(false, r.details().get("debiased"));
    }

    @Test
    void rbfRejectsMostlyIdenticalStimuli() {
        double[][] rows = new double[6][];
        for (int i = 0; i < 6; i++) {
            rows[i] = i < 5 ? new double[] {1, 2} : new double[] {3, 0};
        }
        Matrix y = CkaMetricTest.gaussian(new Random(3), 6, 2);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> value(y, Matrix.of(rows), "kernel", "rbf"));
        assertEquals("y", e.input());
        assertTrue(e.getMessage().contains("median squared distance between stimuli is 0"), e.getMessage());
    }

    @Test
    void rejectsNonPositiveThreshold() {
        Matrix x = CkaMetricTest.gaussian(new Random(1), 8, 3);
        assertThrows(InvalidParameterException.class, () -> value(x, x, "kernel", "rbf", "threshold", 0.0));
        assertThrows(InvalidParameterException.class, () -> value(x, x, "kernel", "rbf", "threshold", -1.0));
    }

    @Test
    void rejectsZeroVarianceForEveryVariant() {
        Matrix x = CkaMetricTest.gaussian(new Random(1), 8, 3);
        Matrix constant = new Matrix(8, 2, new double[16]);
        for (Object[] kv : new Object[][] {{"kernel", "rbf"}, {"debiased", true}, {"kernel", "rbf", "debiased", true}}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> value(x, constant, kv));
            assertEquals("y", e.input());
        }
    }
}
