package org.myelin.metric.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.Parameters;

/**
 * RDMs and comparisons against {@code rsa_reference.properties}, written by
 * {@code make_rsa_reference.py} (a numpy/scipy transcription of rsatoolbox's calc_rdm and compare,
 * science/metrics.md section 3; see the README in src/test/resources).
 */
class RsaReferenceTest {

    private static final String[] METHODS = {"spearman", "pearson", "cosine", "whitened-cosine", "kendall-tau-a",
        "kendall-tau-b", "rho-a"};

    private final RsaMetric metric = new RsaMetric();

    static Properties reference() throws IOException {
        Properties p = new Properties();
        try (InputStream in = RsaReferenceTest.class.getResourceAsStream("/rsa_reference.properties")) {
            p.load(in);
        }
        return p;
    }

    static double ref(String key) throws IOException {
        String v = reference().getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no reference value " + key);
        }
        return Double.parseDouble(v);
    }

    static Path resource(String name) {
        try {
            return Path.of(RsaReferenceTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Matrix csv(String name) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(resource(name))) {
            if (!line.isBlank()) {
                String[] f = line.trim().split(",");
                double[] r = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    r[i] = Double.parseDouble(f[i]);
                }
                rows.add(r);
            }
        }
        return Matrix.of(rows.toArray(new double[0][]));
    }

    SimilarityResult run(Matrix x, Matrix y, Object... kv) {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            raw.put((String) kv[i], kv[i + 1]);
        }
        return metric.compare(x, y, Parameters.resolve("rsa", metric.parameters(), raw));
    }

    @Test
    void everyComparisonOfBothRdmsMatchesReference() throws IOException {
        Matrix x = csv("rsa_x_30x12.csv");
        Matrix y = csv("rsa_y_30x9.csv");
        for (String rdm : new String[] {"euclidean", "correlation"}) {
            for (String m : METHODS) {
                assertEquals(ref("gauss." + rdm + "." + m), run(x, y, "rdm", rdm, "compare", m).value(), 1e-12, rdm + " / " + m);
            }
        }
    }

    @Test
    void rdmVectorsMatchReferenceAndCanBeComparedDirectly() throws IOException {
        Matrix x = csv("rsa_x_30x12.csv");
        Matrix y = csv("rsa_y_30x9.csv");
        for (String rdm : new String[] {"euclidean", "correlation"}) {
            SimilarityResult r = run(x, y, "rdm", rdm, "include_rdms", true);
            double[] a = (double[]) r.details().get("rdm_x");
            double[] b = (double[]) r.details().get("rdm_y");
            assertEquals(435, a.length);
            assertEquals(435, r.details().get("pairs"));
            assertEquals(30, r.details().get("conditions"));
            assertEquals(ref("gauss." + rdm + ".rdm_x.0"), a[0], 1e-13);
            assertEquals(ref("gauss." + rdm + ".rdm_x.last"), a[434], 1e-13);
            double sum = 0;
            for (double v : a) {
                sum += v;
            }
            assertEquals(ref("gauss." + rdm + ".rdm_x.sum"), sum, 1e-10);
            // the same vectors given as input=rdm, once as a row and once as a column
            SimilarityResult direct = run(new Matrix(1, a.length, a), new Matrix(b.length, 1, b), "input", "rdm");
            assertEquals(r.value(), direct.value(), 1e-15);
            assertEquals("given", direct.details().get("rdm"));
        }
    }

    @Test
    void tiesAreHandledAsScipy() throws IOException {
        Matrix x = csv("rsa_ties_x_16x5.csv");
        Matrix y = csv("rsa_ties_y_16x4.csv");
        for (String m : METHODS) {
            assertEquals(ref("ties.euclidean." + m), run(x, y, "rdm", "euclidean", "compare", m).value(), 1e-12, m);
        }
        // with ties rho-a < spearman and tau-a < tau-b in magnitude
        double spearman = ref("ties.euclidean.spearman");
        assertTrue(Math.abs(ref("ties.euclidean.rho-a")) < Math.abs(spearman));
        assertTrue(Math.abs(ref("ties.euclidean.kendall-tau-a")) < Math.abs(ref("ties.euclidean.kendall-tau-b")));
        SimilarityResult self = run(x, x, "rdm", "euclidean", "compare", "kendall-tau-a");
        assertTrue(self.value() < 1.0, "tau-a of a tied RDM with itself is below 1: " + self.value());
        assertEquals(1.0, run(x, x, "rdm", "euclidean", "compare", "kendall-tau-b").value(), 1e-15);
    }

    @Test
    void crossnobisMatchesReference() throws IOException {
        Matrix x = csv("rsa_cv_x_21x10.csv");
        Matrix y = csv("rsa_cv_y_21x10.csv");
        String cond = resource("rsa_cv_conditions.txt").toString();
        String folds = resource("rsa_cv_folds.txt").toString();
        for (String m : METHODS) {
            assertEquals(ref("cv.crossnobis." + m),
                    run(x, y, "rdm", "crossnobis", "compare", m, "conditions", cond, "folds", folds).value(), 1e-12, m);
        }
        SimilarityResult r = run(x, y, "rdm", "crossnobis", "conditions", cond, "folds", folds, "include_rdms", "true");
        double[] a = (double[]) r.details().get("rdm_x");
        assertEquals(21, a.length, "7 conditions");
        assertEquals(7, r.details().get("conditions"));
        assertEquals(ref("cv.crossnobis.rdm_x.0"), a[0], 1e-13);
        assertEquals(ref("cv.crossnobis.rdm_x.last"), a[20], 1e-13);
        double sum = 0;
        for (double v : a) {
            sum += v;
        }
        assertEquals(ref("cv.crossnobis.rdm_x.sum"), sum, 1e-12);
    }

    @Test
    void crossnobisWithNoisePrecisionMatchesReference() throws IOException {
        Matrix x = csv("rsa_cv_x_21x10.csv");
        Matrix y = csv("rsa_cv_y_21x10.csv");
        Object[] files = {"rdm", "crossnobis", "conditions", resource("rsa_cv_conditions.txt").toString(), "folds",
            resource("rsa_cv_folds.txt").toString(), "noise", resource("rsa_cv_precision_10x10.csv").toString()};
        assertEquals(ref("cv.crossnobis_noise.spearman"), run(x, y, with(files, "compare", "spearman")).value(), 1e-12);
        assertEquals(ref("cv.crossnobis_noise.pearson"), run(x, y, with(files, "compare", "pearson")).value(), 1e-12);
        double[] a = (double[]) run(x, y, with(files, "include_rdms", true)).details().get("rdm_x");
        assertEquals(ref("cv.crossnobis_noise.rdm_x.0"), a[0], 1e-13);
    }

    @Test
    void conditionsAverageRowsForTheOtherRdms() throws IOException {
        Matrix x = csv("rsa_cv_x_21x10.csv");
        Matrix y = csv("rsa_cv_y_21x10.csv");
        SimilarityResult r = run(x, y, "rdm", "euclidean", "compare", "pearson", "conditions",
                resource("rsa_cv_conditions.txt").toString());
        assertEquals(ref("cv.euclidean_means.pearson"), r.value(), 1e-12);
        assertEquals(7, r.details().get("conditions"));
    }

    @Test
    void euclideanRdmIsRotationInvariantAndCorrelationRdmIsNot() throws IOException {
        Matrix x = csv("rsa_x_30x12.csv");
        Matrix y = csv("rsa_y_30x9.csv");
        Matrix rotated = times(x, csv("rsa_rotation_12x12.csv"));
        double corr = run(rotated, y).value();
        assertEquals(ref("gauss.correlation.spearman.rotated_x"), corr, 1e-12);
        assertNotEquals(ref("gauss.correlation.spearman"), corr, 1e-3);
        assertEquals(ref("gauss.euclidean.spearman"), run(rotated, y, "rdm", "euclidean").value(), 1e-12);
    }

    @Test
    void invariantToUnitPermutationScalingAndPerPatternAffineMaps() throws IOException {
        Matrix x = csv("rsa_x_30x12.csv");
        Matrix y = csv("rsa_y_30x9.csv");
        double base = ref("gauss.correlation.spearman");
        double[] d = new double[x.data().length];
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < 12; c++) {
                // permute units, then scale and shift each pattern (row) by its own positive affine map
                d[r * 12 + c] = (1 + r) * x.get(r, (c * 5 + 7) % 12) - 3.0 * r;
            }
        }
        assertEquals(base, run(new Matrix(30, 12, d), y).value(), 1e-12);
        double[] s = x.data().clone();
        for (int i = 0; i < s.length; i++) {
            s[i] *= 40;
        }
        assertEquals(ref("gauss.euclidean.spearman"), run(new Matrix(30, 12, s), y, "rdm", "euclidean").value(), 1e-12);
        assertEquals(ref("gauss.euclidean.cosine"), run(new Matrix(30, 12, s), y, "rdm", "euclidean", "compare", "cosine").value(),
                1e-12);
    }

    @Test
    void rdmsAreIdenticalForIdenticalInputsInEveryMethod() throws IOException {
        Matrix x = csv("rsa_x_30x12.csv");
        for (String m : METHODS) {
            assertEquals(1.0, run(x, x, "compare", m).value(), 1e-12, m);
        }
        double[] a = (double[]) run(x, x, "include_rdms", true).details().get("rdm_x");
        double[] b = (double[]) run(x, x, "include_rdms", true).details().get("rdm_y");
        assertArrayEquals(a, b);
    }

    private static Object[] with(Object[] base, Object... more) {
        Object[] out = new Object[base.length + more.length];
        System.arraycopy(base, 0, out, 0, base.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    static Matrix times(Matrix a, Matrix b) {
        double[] d = new double[a.rows() * b.cols()];
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < b.cols(); c++) {
                double s = 0;
                for (int k = 0; k < a.cols(); k++) {
                    s += a.get(r, k) * b.get(k, c);
                }
                d[r * b.cols() + c] = s;
            }
        }
        return new Matrix(a.rows(), b.cols(), d);
    }
}
