package org.myelin.testkit.metric;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.myelin.api.InvalidInputException;
import org.myelin.api.PluginKind;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.MetricTraits;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.ParameterType;
import org.myelin.api.param.Parameters;

/**
 * The promises every {@link SimilarityMetric} makes, as JUnit 5 tests. A plugin's test
 * extends this class and implements {@link #metric()}:
 *
 * <pre>{@code
 * class CkaMetricTest extends SimilarityMetricContract {
 *     protected SimilarityMetric metric() { return new CkaMetric(); }
 * }
 * }</pre>
 *
 * <p>The tests compare two fixed, seeded representations of the same {@value #STIMULI}
 * stimuli ({@link #representationX()}, {@value #UNITS_X} units, and
 * {@link #representationY()}, {@value #UNITS_Y} units, a noisy linear mix of the first) and
 * check:
 * <ul>
 * <li>the id is kebab-case, the description is given and the class implements the service
 *     interface of kind {@code metric};</li>
 * <li>the traits are consistent (a distance has identity value 0);</li>
 * <li>{@code compare(y, x) == compare(x, y)} when the traits claim symmetry;</li>
 * <li>{@code compare(x, x)} equals {@link MetricTraits#identityValue()};</li>
 * <li>NaN and infinite entries are rejected with an {@link InvalidInputException} whose
 *     message names the matrix and says {@code row R} and {@code column C}, counting from 0 as
 *     {@link Matrix#firstNonFinite()} does;</li>
 * <li>different stimulus counts are rejected with an {@link InvalidInputException};</li>
 * <li>repeated calls give bit-identical values and do not modify their inputs;</li>
 * <li>details hold only the JSON-friendly types {@link SimilarityResult} allows;</li>
 * <li>parameter descriptions are well formed: unique snake_case names, a doc line, defaults
 *     that pass their own validation, and {@link #parameters()} resolves against them.</li>
 * </ul>
 * The comparisons run with {@link #parameters()} resolved against
 * {@link SimilarityMetric#parameters()} through {@link Parameters#resolve}.
 */
public abstract class SimilarityMetricContract {

    /** Number of stimuli (rows) of the test representations. */
    public static final int STIMULI = 24;
    /** Number of units (columns) of {@link #representationX()}. */
    public static final int UNITS_X = 5;
    /** Number of units (columns) of {@link #representationY()}. */
    public static final int UNITS_Y = 7;

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    /** Creates the contract; subclasses are instantiated by JUnit. */
    protected SimilarityMetricContract() {
    }

    /**
     * The metric under test. Called once per test; return a fresh or a shared instance.
     *
     * @return the metric under test
     */
    protected abstract SimilarityMetric metric();

    /**
     * Raw parameter values for the comparisons, as a spec would give them; they are resolved
     * against {@code metric().parameters()}, so defaults apply to everything not named here.
     *
     * @return raw parameter values by name; the default is an empty map (all defaults)
     */
    protected Map<String, Object> parameters() {
        return Map.of();
    }

    /**
     * Absolute tolerance for the symmetry and identity checks. Override for metrics computed
     * by an iterative solver.
     *
     * @return the tolerance; the default is {@code 1e-9}
     */
    protected double tolerance() {
        return 1e-9;
    }

    /**
     * The first test representation: {@value #STIMULI} x {@value #UNITS_X} standard normal
     * values from a fixed seed. Override to give inputs the metric needs (for example
     * non-negative rates); keep at least 6 rows and 3 columns.
     *
     * @return a fresh matrix, rows = stimuli
     */
    protected Matrix representationX() {
        Random rnd = new Random(20240611L);
        double[] d = new double[STIMULI * UNITS_X];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextGaussian();
        }
        return new Matrix(STIMULI, UNITS_X, d);
    }

    /**
     * The second test representation: {@code X W + 0.5 N} with a fixed random
     * {@value #UNITS_X} x {@value #UNITS_Y} mixing matrix W and standard normal noise N, so
     * that it is related to {@link #representationX()} but not a copy of it. It must have as
     * many rows as {@link #representationX()}.
     *
     * @return a fresh matrix, rows = stimuli
     */
    protected Matrix representationY() {
        Matrix x = representationX();
        Random rnd = new Random(97531L);
        int q = UNITS_Y;
        double[] w = new double[x.cols() * q];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextGaussian();
        }
        double[] d = new double[x.rows() * q];
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < q; j++) {
                double s = 0.5 * rnd.nextGaussian();
                for (int k = 0; k < x.cols(); k++) {
                    s += x.get(r, k) * w[k * q + j];
                }
                d[r * q + j] = s;
            }
        }
        return new Matrix(x.rows(), q, d);
    }

    /**
     * @return {@link #parameters()} resolved against the metric's parameter descriptions
     */
    protected final Parameters resolvedParameters() {
        SimilarityMetric m = metric();
        return Parameters.resolve(m.id() + ".params", m.parameters(), parameters());
    }

    /** The id is kebab-case, the description present, and the class is a metric service. */
    @Test
    public void idAndKindArePresent() {
        SimilarityMetric m = metric();
        assertNotNull(m, "metric() returned null");
        String id = m.id();
        assertNotNull(id, "id() is null");
        assertTrue(KEBAB.matcher(id).matches(), "id '" + id + "' is not kebab-case (lower-case words joined by '-')");
        assertNotNull(m.description(), "description() is null");
        assertFalse(m.description().isBlank(), "description() is blank");
        assertEquals(PluginKind.METRIC.serviceInterface(), SimilarityMetric.class.getName(),
                "kind 'metric' names a different service interface");
        assertTrue(implementsInterface(m.getClass(), PluginKind.METRIC.serviceInterface()),
                m.getClass().getName() + " does not implement " + PluginKind.METRIC.serviceInterface());
        assertNotNull(m.traits(), "traits() is null");
    }

    /** A distance has identity value 0, and the identity value is a finite number. */
    @Test
    public void traitsAreConsistent() {
        MetricTraits t = metric().traits();
        assertNotNull(t, "traits() is null");
        assertTrue(Double.isFinite(t.identityValue()), "identityValue " + t.identityValue() + " is not finite");
        if (t.distance()) {
            assertEquals(0.0, t.identityValue(), 0.0, "a distance must have compare(x, x) == 0");
        }
    }

    /** {@code compare(x, y) == compare(y, x)} when the traits claim symmetry. */
    @Test
    public void symmetricWhereTraitsClaimIt() {
        SimilarityMetric m = metric();
        Assumptions.assumeTrue(m.traits().symmetric(), "metric does not claim symmetry");
        Parameters p = resolvedParameters();
        double xy = m.compare(representationX(), representationY(), p).value();
        double yx = m.compare(representationY(), representationX(), p).value();
        assertTrue(Double.isFinite(xy), "compare(x, y) = " + xy);
        assertEquals(xy, yx, tolerance(), "traits claim symmetry but compare(x, y) = " + xy + " and compare(y, x) = " + yx);
    }

    /** {@code compare(x, x)} gives the identity value of the traits, for one matrix or two equal ones. */
    @Test
    public void identityValueForEqualRepresentations() {
        SimilarityMetric m = metric();
        Parameters p = resolvedParameters();
        double expected = m.traits().identityValue();
        Matrix x = representationX();
        Matrix copy = new Matrix(x.rows(), x.cols(), x.data().clone());
        Matrix y = representationY();
        assertAll(
                () -> assertEquals(expected, m.compare(x, x, p).value(), tolerance(), "compare(x, x) with x = x"),
                () -> assertEquals(expected, m.compare(x, copy, p).value(), tolerance(), "compare(x, copy of x)"),
                () -> assertEquals(expected, m.compare(y, y, p).value(), tolerance(), "compare(y, y)"));
    }

    /** On ordinary inputs the value is finite and differs from the identity value for unrelated-looking data. */
    @Test
    public void finiteValueOnOrdinaryInput() {
        SimilarityMetric m = metric();
        SimilarityResult r = m.compare(representationX(), representationY(), resolvedParameters());
        assertNotNull(r, "compare returned null");
        assertTrue(Double.isFinite(r.value()), "compare(x, y) = " + r.value());
        assertNotEquals(m.traits().identityValue(), r.value(), tolerance(),
                "compare(x, y) of two different representations equals the identity value " + r.value());
    }

    /** A NaN in x or y is rejected, naming the matrix, row and column. */
    @Test
    public void rejectsNaNNamingMatrixRowAndColumn() {
        int row = 3;
        int col = 2;
        String inX = expectRejection(withValue(representationX(), row, col, Double.NaN), representationY(), row, col, "NaN in x");
        String inY = expectRejection(representationX(), withValue(representationY(), row, col, Double.NaN), row, col, "NaN in y");
        assertNotEquals(inX, inY, "the messages for a NaN in x and in y at the same place are identical,"
                + " so they do not say which matrix is wrong: " + inX);
    }

    /** Positive and negative infinity are rejected, naming row and column. */
    @Test
    public void rejectsInfinityNamingRowAndColumn() {
        expectRejection(withValue(representationX(), 5, 1, Double.POSITIVE_INFINITY), representationY(), 5, 1, "+Inf in x");
        expectRejection(representationX(), withValue(representationY(), 0, 4, Double.NEGATIVE_INFINITY), 0, 4, "-Inf in y");
    }

    /** Representations with different stimulus (row) counts are rejected. */
    @Test
    public void rejectsDifferentStimulusCounts() {
        Matrix x = representationX();
        Matrix y = representationY();
        Matrix shorter = new Matrix(y.rows() - 1, y.cols(), Arrays.copyOf(y.data(), (y.rows() - 1) * y.cols()));
        Parameters p = resolvedParameters();
        SimilarityMetric m = metric();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> m.compare(x, shorter, p),
                "x has " + x.rows() + " rows and y " + shorter.rows() + " but compare did not reject it");
        assertNotNull(e.getMessage(), "rejection without a message");
        assertThrows(InvalidInputException.class, () -> m.compare(shorter, x, p), "y has more rows than x but compare did not reject it");
    }

    /** Two calls on equal inputs give bit-identical values and details, and leave the inputs unchanged. */
    @Test
    public void deterministicAndLeavesInputsUnchanged() {
        SimilarityMetric m = metric();
        Parameters p = resolvedParameters();
        Matrix x = representationX();
        Matrix y = representationY();
        double[] x0 = x.data().clone();
        double[] y0 = y.data().clone();
        SimilarityResult a = m.compare(x, y, p);
        SimilarityResult b = m.compare(representationX(), representationY(), p);
        assertEquals(0, Double.compare(a.value(), b.value()), "two calls gave " + a.value() + " and " + b.value());
        assertEquals(a.details().keySet(), b.details().keySet(), "two calls gave different detail keys");
        for (String k : a.details().keySet()) {
            Object u = a.details().get(k);
            Object v = b.details().get(k);
            if (u instanceof Number && v instanceof Number) {
                assertEquals(0, Double.compare(((Number) u).doubleValue(), ((Number) v).doubleValue()),
                        "detail '" + k + "' differs between two calls: " + u + " vs " + v);
            } else if (u instanceof double[] && v instanceof double[]) {
                assertTrue(Arrays.equals((double[]) u, (double[]) v), "detail '" + k + "' differs between two calls");
            }
        }
        assertTrue(Arrays.equals(x0, x.data()), "compare modified x");
        assertTrue(Arrays.equals(y0, y.data()), "compare modified y");
    }

    /** Details hold only the types {@link SimilarityResult} documents as JSON-friendly. */
    @Test
    public void detailsAreJsonFriendly() {
        SimilarityResult r = metric().compare(representationX(), representationY(), resolvedParameters());
        for (Map.Entry<String, Object> e : r.details().entrySet()) {
            assertNotNull(e.getKey(), "a detail has a null name");
            assertJsonFriendly("details." + e.getKey(), e.getValue());
        }
    }

    /** Parameter descriptions are well formed and {@link #parameters()} resolves against them. */
    @Test
    public void parametersAreWellFormed() {
        List<ParameterSpec> specs = metric().parameters();
        assertNotNull(specs, "parameters() is null");
        Set<String> names = new HashSet<>();
        for (ParameterSpec s : specs) {
            assertNotNull(s, "parameters() holds a null entry");
            String name = s.name();
            assertTrue(SNAKE.matcher(name).matches(), "parameter name '" + name + "' is not snake_case");
            assertTrue(names.add(name), "parameter '" + name + "' is declared twice");
            assertFalse(s.doc().isBlank(), "parameter '" + name + "' has no doc line");
            if (s.min() != null && s.max() != null) {
                assertTrue(s.min() <= s.max(), "parameter '" + name + "' has min " + s.min() + " > max " + s.max());
            }
            if (s.type() == ParameterType.ENUM) {
                assertEquals(s.choices().size(), new HashSet<>(s.choices()).size(), "parameter '" + name + "' repeats a choice");
            }
            if (s.defaultValue() != null) {
                Object coerced;
                try {
                    coerced = s.coerce(s.defaultValue());
                } catch (IllegalArgumentException e) {
                    fail("default of parameter '" + name + "' does not pass its own validation: " + e.getMessage());
                    return;
                }
                assertEquals(coerced, s.defaultValue(), "default of parameter '" + name + "' is not in validated form ("
                        + s.type() + " expects " + coerced.getClass().getSimpleName() + ")");
            }
        }
        Parameters p = resolvedParameters();
        assertEquals(names, p.values().keySet(), "resolved parameters do not cover the declared names");
    }

    private String expectRejection(Matrix x, Matrix y, int row, int col, String what) {
        SimilarityMetric m = metric();
        Parameters p = resolvedParameters();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> m.compare(x, y, p),
                what + " at row " + row + ", column " + col + " was not rejected with an InvalidInputException");
        String msg = e.getMessage();
        assertNotNull(msg, what + ": rejection without a message");
        assertTrue(Pattern.compile("\\brow " + row + "\\b").matcher(msg).find(),
                what + ": message does not say 'row " + row + "': " + msg);
        assertTrue(Pattern.compile("\\bcolumn " + col + "\\b").matcher(msg).find(),
                what + ": message does not say 'column " + col + "': " + msg);
        return msg;
    }

    private static Matrix withValue(Matrix m, int row, int col, double v) {
        double[] d = m.data().clone();
        d[row * m.cols() + col] = v;
        return new Matrix(m.rows(), m.cols(), d);
    }

    private static boolean implementsInterface(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(name) || implementsInterface(i, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void assertJsonFriendly(String path, Object v) {
        if (v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof double[] || v instanceof int[]
                || v instanceof Matrix) {
            return;
        }
        if (v instanceof List) {
            int i = 0;
            for (Object o : (List<?>) v) {
                assertJsonFriendly(path + "[" + i++ + "]", o);
            }
            return;
        }
        if (v instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                assertTrue(e.getKey() instanceof String, path + " has a non-text key " + e.getKey());
                assertJsonFriendly(path + "." + e.getKey(), e.getValue());
            }
            return;
        }
        fail(path + " is a " + (v == null ? "null" : v.getClass().getName())
                + "; details take Number, String, Boolean, double[], int[], Matrix, List and Map");
    }
}
