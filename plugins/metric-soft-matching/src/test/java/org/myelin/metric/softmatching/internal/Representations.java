package org.myelin.metric.softmatching.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.myelin.api.array.Matrix;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.Parameters;

/** Test representations and a shorthand for running a metric with {@code key=value} parameters. */
final class Representations {

    private Representations() {
    }

    /** @return an n x p matrix of standard normal values from the seed */
    static Matrix gaussian(int n, int p, long seed) {
        Random rnd = new Random(seed);
        double[] d = new double[n * p];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextGaussian();
        }
        return new Matrix(n, p, d);
    }

    /** @return the matrix stored in a POT reference case under the key */
    static Matrix fromCase(PotReference.Case c, String key, int cols) {
        double[] d = c.array(key);
        return new Matrix(d.length / cols, cols, d);
    }

    /** @return column {@code order[k]} of m as column k */
    static Matrix columns(Matrix m, int... order) {
        double[] d = new double[m.rows() * order.length];
        for (int r = 0; r < m.rows(); r++) {
            for (int k = 0; k < order.length; k++) {
                d[r * order.length + k] = m.get(r, order[k]);
            }
        }
        return new Matrix(m.rows(), order.length, d);
    }

    /** @return the columns of a followed by those of b */
    static Matrix concat(Matrix a, Matrix b) {
        int c = a.cols() + b.cols();
        double[] d = new double[a.rows() * c];
        for (int r = 0; r < a.rows(); r++) {
            for (int k = 0; k < a.cols(); k++) {
                d[r * c + k] = a.get(r, k);
            }
            for (int k = 0; k < b.cols(); k++) {
                d[r * c + a.cols() + k] = b.get(r, k);
            }
        }
        return new Matrix(a.rows(), c, d);
    }

    /** @return a random permutation of 0..n-1 */
    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Runs the metric with parameters given as alternating names and values. */
    static SimilarityResult run(SimilarityMetric m, Matrix x, Matrix y, String... kv) {
        Map<String, Object> raw = new HashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            raw.put(kv[k], kv[k + 1]);
        }
        return m.compare(x, y, Parameters.resolve(m.id(), m.parameters(), raw));
    }
}
