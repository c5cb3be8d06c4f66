package org.myelin.metric.cka.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;

/** Reference values, invariances and bad input of linear CKA. */
class CkaMetricTest {

    private static final double KORNBLITH_DEMO_CKA = 0.5576132566117589;

    private final CkaMetric metric = new CkaMetric();
    private final Parameters defaults = Parameters.resolve("cka", metric.parameters(), Map.of());

    private double cka(Matrix x, Matrix y) {
        return metric.compare(x, y, defaults).value();
    }

    @Test
    void reproducesKornblithDemoValueAndHsicParts() throws IOException {
        Matrix x = csv("kornblith_demo_x.csv");
        Matrix y = csv("kornblith_demo_y.csv");
        SimilarityResult r = metric.compare(x, y, defaults);
        assertEquals(KORNBLITH_DEMO_CKA, r.value(), 1e-13);
        assertEquals(0.5576, r.value(), 5e-5, "the notebook's printed value");
        assertEquals(11.878357269185978, (double) r.details().get("hsic_xy"), 1e-11);
        assertEquals(10.221861069109195, (double) r.details().get("hsic_xx"), 1e-11);
        assertEquals(44.3932165188489, (double) r.details().get("hsic_yy"), 1e-10);
        assertEquals("feature", r.details().get("form"));
        assertEquals(100, r.details().get("stimuli"));
        assertEquals("linear", r.details().get("kernel"));
    }

    @Test
    void gramFormWhenFewerStimuliThanUnitsMatchesReference() throws IOException {
        Matrix x = firstRows(csv("kornblith_demo_x.csv"), 8);
        Matrix y = firstRows(csv("kornblith_demo_y.csv"), 8);
        SimilarityResult r = metric.compare(x, y, defaults);
        assertEquals("gram", r.details().get("form"));
        assertEquals(0.855551938881802, r.value(), 1e-13);
    }

    @Test
    void featureAndGramFormsAgree() throws IOException {
        Matrix x = csv("kornblith_demo_x.csv");
        Matrix y = csv("kornblith_demo_y.csv");
        // zero columns leave X X' unchanged but push p above n, which selects the gram form
        Matrix padded = padColumns(x, 120);
        SimilarityResult r = metric.compare(padded, y, defaults);
        assertEquals("gram", r.details().get("form"));
        assertEquals(KORNBLITH_DEMO_CKA, r.value(), 1e-13);
        assertEquals(11.878357269185978, (double) r.details().get("hsic_xy"), 1e-10);
    }

    @Test
    void singleUnitGivesSquaredPearsonCorrelation() {
        // x = (0,1,2), y = (0,1,4): <xc,yc> = 4, |xc|^2 = 2, |yc|^2 = 78/9, so CKA = 16 / (2 * 78/9) = 12/13
        Matrix x = Matrix.of(new double[][] {{0}, {1}, {2}});
        Matrix y = Matrix.of(new double[][] {{0}, {1}, {4}});
        assertEquals(12.0 / 13.0, cka(x, y), 1e-15);
    }

    @Test
    void twoStimuliAreAlwaysFullyAligned() {
        // with n = 2 every centred gram is a multiple of [[1,-1],[-1,1]]
        Matrix x = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 9}});
        Matrix y = Matrix.of(new double[][] {{-7}, {0.5}});
        assertEquals(1.0, cka(x, y), 1e-15);
    }

    @Test
    void identicalRepresentationsGiveOne() throws IOException {
        Matrix x = csv("kornblith_demo_x.csv");
        assertEquals(1.0, cka(x, x), 1e-15);
    }

    @Test
    void invariantToOrthogonalTransformsOfEitherSide() throws IOException {
        Matrix x = csv("kornblith_demo_x.csv");
        Matrix y = csv("kornblith_demo_y.csv");
        assertEquals(KORNBLITH_DEMO_CKA, cka(times(x, orthogonal(10, 1)), y), 1e-12);
        assertEquals(KORNBLITH_DEMO_CKA, cka(x, times(y, orthogonal(10, 2))), 1e-12);
    }

    @Test
    void invariantToIsotropicScaling() throws IOException {
        Matrix x = csv("kornblith_demo_x.csv");
        Matrix y = csv("kornblith_demo_y.csv");
        assertEquals(KORNBLITH_DEMO_CKA, cka(scaled(x, 37.5), scaled(y, 1e-3)), 1e-12);
    }

    @Test
    void invariantToTranslatingColumns() throws IOException {
        Matrix x = csv("kornblith_demo_x.csv");
        Matrix y = csv("kornblith_demo_y.csv");
        double[] d = x.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] += 100.0 * (i % x.cols()) - 250.0;
        }
        assertEquals(KORNBLITH_DEMO_CKA, cka(new Matrix(x.rows(), x.cols(), d), y), 1e-12);
    }

    @Test
    void invariantToPermutingUnits() throws IOException {
        Matrix x = csv("kornblith_demo_x.csv");
        Matrix y = csv("kornblith_demo_y.csv");
        double[] d = new double[x.data().length];
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                d[r * x.cols() + c] = x.get(r, (c * 3 + 1) % x.cols());
            }
        }
        assertEquals(KORNBLITH_DEMO_CKA, cka(new Matrix(x.rows(), x.cols(), d), y), 1e-12);
    }

    @Test
    void notInvariantToAnisotropicScaling() throws IOException {
        Matrix x = csv("kornblith_demo_x.csv");
        Matrix y = csv("kornblith_demo_y.csv");
        double[] d = x.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] *= 1 + i % x.cols();
        }
        double v = cka(new Matrix(x.rows(), x.cols(), d), y);
        assertEquals(0.43847858830554154, v, 1e-13);
        assertNotEquals(KORNBLITH_DEMO_CKA, v, 0.1);
    }

    @Test
    void constantUnitIsHarmless() throws IOException {
        Matrix x = csv("kornblith_demo_x.csv");
        Matrix y = csv("kornblith_demo_y.csv");
        double[] d = new double[x.rows() * (x.cols() + 1)];
        for (int r = 0; r < x.rows(); r++) {
            System.arraycopy(x.data(), r * x.cols(), d, r * (x.cols() + 1), x.cols());
            d[r * (x.cols() + 1) + x.cols()] = 4.2;
        }
        assertEquals(KORNBLITH_DEMO_CKA, cka(new Matrix(x.rows(), x.cols() + 1, d), y), 1e-13);
    }

    @Test
    void sameValueOnOneThreadAndOnThePool() throws Exception {
        Random rnd = new Random(5);
        Matrix x = gaussian(rnd, 600, 80);
        Matrix y = gaussian(rnd, 600, 90);
        double pooled = cka(x, y);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            double alone = single.submit(() -> cka(x, y)).get();
            assertEquals(0, Double.compare(pooled, alone), pooled + " on the common pool, " + alone + " on one thread");
        } finally {
            single.shutdown();
        }
        assertTrue(pooled > 0 && pooled < 1, "CKA of independent data " + pooled);
    }

    @Test
    void rejectsNaNNamingMatrixRowAndColumn() {
        Matrix x = gaussian(new Random(1), 10, 4);
        double[] d = gaussian(new Random(2), 10, 3).data();
        d[7 * 3 + 2] = Double.NaN;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> cka(x, new Matrix(10, 3, d)));
        assertEquals("y", e.input());
        assertEquals("y: row 7, column 2 is NaN (rows and columns count from 0) (remove or impute non-finite values before comparing)",
                e.getMessage());
    }

    @Test
    void rejectsInfinityInX() {
        double[] d = gaussian(new Random(1), 10, 4).data();
        d[0] = Double.NEGATIVE_INFINITY;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> cka(new Matrix(10, 4, d), gaussian(new Random(2), 10, 3)));
        assertEquals("x", e.input());
        assertTrue(e.getMessage().contains("row 0, column 0 is -Infinity"), e.getMessage());
    }

    @Test
    void rejectsFiniteValuesWhoseColumnSumOverflows() {
        // 10 rows of 1e308 sum to infinity: finite input, but no finite mean exists
        double[] d = gaussian(new Random(1), 10, 4).data();
        for (int r = 0; r < 10; r++) {
            d[r * 4 + 1] = 1e308;
        }
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> cka(new Matrix(10, 4, d), gaussian(new Random(2), 10, 3)));
        assertEquals("x", e.input());
        assertTrue(e.getMessage().contains("too large") && e.getMessage().contains("rescale"), e.getMessage());
    }

    @Test
    void rejectsFiniteValuesWhoseCrossProductsOverflow() {
        // 1e160 sums to a finite 1e161, but its square does not fit a double
        double[] d = gaussian(new Random(1), 10, 4).data();
        d[4 * 3 + 2] = 1e160;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> cka(new Matrix(10, 4, d), gaussian(new Random(2), 10, 3)));
        assertEquals("x", e.input());
        assertTrue(e.getMessage().contains("too large") && e.getMessage().contains("rescale"), e.getMessage());
    }

    @Test
    void rejectsDifferentStimulusCounts() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> cka(gaussian(new Random(1), 10, 4), gaussian(new Random(2), 11, 4)));
        assertTrue(e.getMessage().contains("x has 10 stimuli (rows) but y has 11"), e.getMessage());
    }

    @Test
    void rejectsASingleStimulusSayingWhatWouldWork() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> cka(Matrix.of(new double[][] {{1, 2}}), Matrix.of(new double[][] {{3}})));
        assertTrue(e.getMessage().contains("at least 2 stimuli (rows), got 1"), e.getMessage());
        assertTrue(e.fix().contains("2 or more stimuli"), e.fix());
    }

    @Test
    void rejectsZeroVarianceRepresentationNamingIt() {
        Matrix x = gaussian(new Random(1), 6, 3);
        Matrix same = Matrix.of(new double[][] {{0.1, 5}, {0.1, 5}, {0.1, 5}, {0.1, 5}, {0.1, 5}, {0.1, 5}});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> cka(x, same));
        assertEquals("y", e.input());
        assertTrue(e.getMessage().contains("zero-variance representation"), e.getMessage());
        InvalidInputException zeros = assertThrows(InvalidInputException.class, () -> cka(Matrix.zeros(6, 2), x));
        assertEquals("x", zeros.input());
    }

    @Test
    void rejectsEmptyColumns() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> cka(Matrix.zeros(5, 0), gaussian(new Random(1), 5, 2)));
        assertEquals("x", e.input());
    }

    @Test
    void declaresKernelDebiasedThresholdAndAngular() {
        assertEquals(List.of("kernel", "debiased", "threshold", "angular"),
                metric.parameters().stream().map(ParameterSpec::name).toList());
        assertEquals(List.of("linear", "rbf"), metric.parameters().get(0).choices());
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("cka", metric.parameters(), Map.of("kernel", "poly")));
        assertTrue(e.getMessage().contains("expected one of linear|rbf"), e.getMessage());
        assertEquals(Map.of("kernel", "linear", "debiased", false, "threshold", 1.0, "angular", false), defaults.values());
        assertTrue(metric.traits().symmetric());
        assertEquals(false, metric.traits().distance());
        assertEquals(1.0, metric.traits().identityValue());
        assertEquals("cka", metric.id());
    }

    static Matrix csv(String name) throws IOException {
        try (InputStream in = CkaMetricTest.class.getResourceAsStream("/" + name)) {
            List<double[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
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
    }

    static Matrix firstRows(Matrix m, int rows) {
        return new Matrix(rows, m.cols(), java.util.Arrays.copyOf(m.data(), rows * m.cols()));
    }

    static Matrix padColumns(Matrix m, int cols) {
        double[] d = new double[m.rows() * cols];
        for (int r = 0; r < m.rows(); r++) {
            System.arraycopy(m.data(), r * m.cols(), d, r * cols, m.cols());
        }
        return new Matrix(m.rows(), cols, d);
    }

    static Matrix scaled(Matrix m, double s) {
        double[] d = m.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] *= s;
        }
        return new Matrix(m.rows(), m.cols(), d);
    }

    static Matrix gaussian(Random rnd, int rows, int cols) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextGaussian();
        }
        return new Matrix(rows, cols, d);
    }

    /** A random orthogonal matrix: Gram-Schmidt on Gaussian columns. */
    static Matrix orthogonal(int size, long seed) {
        Matrix g = gaussian(new Random(seed), size, size);
        double[][] q = new double[size][];
        for (int c = 0; c < size; c++) {
            double[] v = new double[size];
            for (int r = 0; r < size; r++) {
                v[r] = g.get(r, c);
            }
            for (int k = 0; k < c; k++) {
                double dot = 0;
                for (int r = 0; r < size; r++) {
                    dot += v[r] * q[k][r];
                }
                for (int r = 0; r < size; r++) {
                    v[r] -= dot * q[k][r];
                }
            }
            double norm = 0;
            for (double e : v) {
                norm += e * e;
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < size; r++) {
                v[r] /= norm;
            }
            q[c] = v;
        }
        double[] d = new double[size * size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                d[r * size + c] = q[c][r];
            }
        }
        return new Matrix(size, size, d);
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
