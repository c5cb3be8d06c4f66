package org.myelin.metric.shape.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.Parameters;

/**
 * {@code procrustes} and {@code permutation} against {@code shape_reference.properties}, written
 * by {@code make_shape_reference.py} (a numpy/scipy transcription of netrep's LinearMetric,
 * whiten and PermutationMetric; see the README in src/test/resources), plus the invariances and
 * degenerate inputs of science/metrics.md section 2.
 */
class ShapeReferenceTest {

    private static double ref(String key) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ShapeReferenceTest.class.getResourceAsStream("/shape_reference.properties")) {
            p.load(in);
        }
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no reference value " + key);
        }
        return Double.parseDouble(v);
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

    private static Path resource(String name) {
        try {
            return Path.of(ShapeReferenceTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SimilarityResult run(SimilarityMetric m, Matrix x, Matrix y, Object... kv) {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            raw.put((String) kv[i], kv[i + 1]);
        }
        return m.compare(x, y, Parameters.resolve(m.id(), m.parameters(), raw));
    }

    private final ProcrustesMetric procrustes = new ProcrustesMetric();
    private final PermutationMetric permutation = new PermutationMetric();

    @Test
    void procrustesAndPartialWhiteningMatchNetrepWithZeroPadding() throws IOException {
        Matrix x = csv("shape_x_50x8.csv");
        Matrix y = csv("shape_y_50x6.csv");
        for (double alpha : new double[] {1.0, 0.5, 0.0}) {
            String a = alpha == 1.0 ? "1" : alpha == 0.5 ? "0.5" : "0";
            assertEquals(ref("pad.alpha" + a + ".angular"), run(procrustes, x, y, "alpha", alpha).value(), 1e-10, "alpha " + a);
            assertEquals(ref("pad.alpha" + a + ".euclidean"), run(procrustes, x, y, "alpha", alpha, "score", "euclidean").value(),
                    1e-9, "alpha " + a);
        }
        SimilarityResult r = run(procrustes, x, y);
        assertEquals(8, r.details().get("padded_units"));
        assertEquals(6, r.details().get("units_y"));
        assertEquals(Math.cos(ref("pad.alpha1.angular")), (double) r.details().get("cosine"), 1e-12);
    }

    @Test
    void uncentredFewStimuliAndPermutedPairsMatchNetrep() throws IOException {
        Matrix x = csv("shape_x_50x8.csv");
        Matrix y = csv("shape_y_50x6.csv");
        assertEquals(ref("pad.alpha1.angular.uncentered"), run(procrustes, x, y, "center", false).value(), 1e-12);
        assertEquals(ref("pad.alpha1.euclidean.uncentered"), run(procrustes, x, y, "center", false, "score", "euclidean").value(),
                1e-10);
        Matrix fx = firstRows(x, 6);
        Matrix fy = firstRows(y, 6);
        assertEquals(ref("few.alpha1.angular"), run(procrustes, fx, fy).value(), 1e-12, "n < p");
        assertEquals(ref("few.alpha1.euclidean"), run(procrustes, fx, fy, "score", "euclidean").value(), 1e-11, "n < p");
        Matrix px = csv("shape_px_40x12.csv");
        Matrix py = csv("shape_py_40x12.csv");
        assertEquals(ref("perm_pair.alpha1.angular"), run(procrustes, px, py).value(), 1e-12);
        assertEquals(ref("perm_pair.alpha0.25.euclidean"), run(procrustes, px, py, "alpha", 0.25, "score", "euclidean").value(),
                1e-10);
    }

    @Test
    void permutationMatchesLinearSumAssignment() throws IOException {
        Matrix px = csv("shape_px_40x12.csv");
        Matrix py = csv("shape_py_40x12.csv");
        SimilarityResult r = run(permutation, px, py);
        assertEquals(ref("perm.euclidean"), r.value(), 1e-11);
        assertArrayEquals(labels("shape_perm_assignment.txt"), (int[]) r.details().get("assignment"));
        assertEquals(ref("perm.angular"), run(permutation, px, py, "score", "angular").value(), 1e-12);
        assertEquals(ref("perm.euclidean.uncentered"), run(permutation, px, py, "center", false).value(), 1e-10);
        assertEquals(ref("perm.angular.uncentered"), run(permutation, px, py, "center", false, "score", "angular").value(), 1e-12);
        Matrix ix = csv("shape_ix_30x9.csv");
        Matrix iy = csv("shape_iy_30x9.csv");
        SimilarityResult indep = run(permutation, ix, iy);
        assertEquals(ref("indep.perm.euclidean"), indep.value(), 1e-11);
        assertArrayEquals(labels("shape_indep_assignment.txt"), (int[]) indep.details().get("assignment"));
        assertEquals(ref("indep.perm.angular"), run(permutation, ix, iy, "score", "angular").value(), 1e-12);
    }

    @Test
    void assignmentIsOptimalAgainstEveryPermutation() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + trial % 7;
            double[] w = new double[n * n];
            for (int i = 0; i < w.length; i++) {
                w[i] = trial % 3 == 0 ? rnd.nextInt(3) : rnd.nextGaussian();
            }
            int[] pi = LinearAssignment.maximise(w, n);
            assertEquals(best(w, n, new int[n], new boolean[n], 0), total(w, n, pi), 1e-12, "trial " + trial);
            boolean[] seen = new boolean[n];
            for (int j : pi) {
                assertTrue(!seen[j], "not a permutation");
                seen[j] = true;
            }
        }
    }

    @Test
    void procrustesInvariances() throws IOException {
        Matrix x = csv("shape_x_50x8.csv");
        Matrix y = csv("shape_y_50x6.csv");
        double base = ref("pad.alpha1.angular");
        assertEquals(base, run(procrustes, times(x, orthogonal(8, 1)), y).value(), 1e-12, "rotation of x");
        assertEquals(base, run(procrustes, x, times(y, orthogonal(6, 2))).value(), 1e-12, "rotation of y");
        assertEquals(base, run(procrustes, scaled(x, 9.0), y).value(), 1e-12, "angular is scale invariant");
        assertEquals(base, run(procrustes, shifted(x), y).value(), 1e-12, "translation (centred)");
        assertEquals(ref("pad.alpha1.euclidean") * 1, run(procrustes, shifted(x), y, "score", "euclidean").value(), 1e-9);
        double cca = ref("pad.alpha0.angular");
        Matrix mixed = times(x, invertible(8, 3));
        assertEquals(cca, run(procrustes, mixed, y, "alpha", 0.0).value(), 1e-6, "alpha = 0: any invertible map");
        assertEquals(0.0, run(procrustes, x, times(scaled(x, 3.0), orthogonal(8, 4))).value(), 1e-12);
        assertEquals(0.0, run(procrustes, x, times(x, orthogonal(8, 5)), "score", "euclidean").value(), 1e-10);
    }

    @Test
    void permutationInvariancesAndEqualCounts() throws IOException {
        Matrix px = csv("shape_px_40x12.csv");
        Matrix py = csv("shape_py_40x12.csv");
        assertEquals(ref("perm.euclidean"), run(permutation, shifted(px), py).value(), 1e-10);
        assertEquals(0.0, run(permutation, px, permuted(px, 5)).value(), 1e-12);
        assertEquals(0.0, run(permutation, px, permuted(px, 7), "score", "angular").value(), 1e-12);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(permutation, csv("shape_x_50x8.csv"), csv("shape_y_50x6.csv")));
        assertTrue(e.getMessage().contains("equal unit counts, x has 8 units and y has 6"), e.getMessage());
        assertTrue(e.fix().contains("procrustes"), e.fix());
        SimilarityResult plan = run(permutation, px, py, "include_plan", true);
        Matrix m = (Matrix) plan.details().get("plan");
        int[] a = (int[]) plan.details().get("assignment");
        for (int i = 0; i < 12; i++) {
            assertEquals(1.0, m.get(i, a[i]));
        }
    }

    @Test
    void procrustesPlanIsOrthogonal() throws IOException {
        Matrix q = (Matrix) run(procrustes, csv("shape_x_50x8.csv"), csv("shape_y_50x6.csv"), "include_plan", true)
                .details().get("plan");
        assertEquals(8, q.rows());
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                double s = 0;
                for (int k = 0; k < 8; k++) {
                    s += q.get(k, i) * q.get(k, j);
                }
                assertEquals(i == j ? 1.0 : 0.0, s, 1e-12);
            }
        }
    }

    @Test
    void degenerateInputsAreRejected() {
        Matrix x = gaussian(1, 10, 3);
        Matrix constant = new Matrix(10, 2, new double[20]);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(procrustes, x, constant));
        assertEquals("y", e.input());
        assertTrue(e.getMessage().contains("zero-variance representation"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> run(procrustes, constant, x, "score", "euclidean", "alpha", 0.5));
        assertEquals(Math.sqrt(centredSquaredNorm(x)), run(procrustes, x, constant, "score", "euclidean").value(), 1e-12,
                "euclidean to a constant representation is the norm of the other");
        assertThrows(InvalidParameterException.class, () -> run(procrustes, x, x, "alpha", 1.5));
        assertThrows(InvalidParameterException.class, () -> run(permutation, x, x, "score", "cosine"));
    }

    private static double centredSquaredNorm(Matrix m) {
        return Representation.of(m, m.cols(), true).squaredNorm();
    }

    private static int[] labels(String name) throws IOException {
        return Files.readAllLines(resource(name)).stream().filter(s -> !s.isBlank()).mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
    }

    private static double best(double[] w, int n, int[] pi, boolean[] used, int row) {
        if (row == n) {
            return total(w, n, pi);
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!used[j]) {
                used[j] = true;
                pi[row] = j;
                best = Math.max(best, best(w, n, pi, used, row + 1));
                used[j] = false;
            }
        }
        return best;
    }

    private static double total(double[] w, int n, int[] pi) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += w[i * n + pi[i]];
        }
        return s;
    }

    static Matrix gaussian(long seed, int rows, int cols) {
        Random rnd = new Random(seed);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextGaussian();
        }
        return new Matrix(rows, cols, d);
    }

    private static Matrix firstRows(Matrix m, int rows) {
        return new Matrix(rows, m.cols(), java.util.Arrays.copyOf(m.data(), rows * m.cols()));
    }

    private static Matrix scaled(Matrix m, double s) {
        double[] d = m.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] *= s;
        }
        return new Matrix(m.rows(), m.cols(), d);
    }

    private static Matrix shifted(Matrix m) {
        double[] d = m.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] += 10.0 * (i % m.cols()) - 4;
        }
        return new Matrix(m.rows(), m.cols(), d);
    }

    private static Matrix permuted(Matrix m, int step) {
        double[] d = new double[m.data().length];
        int p = m.cols();
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < p; c++) {
                d[r * p + c] = m.get(r, (c * step + 1) % p);
            }
        }
        return new Matrix(m.rows(), p, d);
    }

    private static Matrix invertible(int size, long seed) {
        Matrix g = gaussian(seed, size, size);
        double[] d = g.data().clone();
        for (int i = 0; i < size; i++) {
            d[i * size + i] += 3;
        }
        return new Matrix(size, size, d);
    }

    /** A random orthogonal matrix: Gram-Schmidt on Gaussian columns. */
    static Matrix orthogonal(int size, long seed) {
        Matrix g = gaussian(seed, size, size);
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
