package org.myelin.core.linalg;

import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.array.FloatMatrix;
import org.myelin.core.parallel.ParallelRows;

/**
 * Dense matrix products in plain Java. Each output row is computed by one thread with an i-k-j
 * loop (a row of A scales rows of B into a row of C, streaming through memory in order), and in
 * the same order whatever the thread count, so results are bit-identical for 1 or n threads.
 *
 * <p>Zero entries of the left operand are skipped. For spike inputs (0/1 rows) this makes the
 * product event-driven: only the rows of B for neurons that spiked are read. The one visible
 * difference to a textbook product is that {@code 0 * Inf} and {@code 0 * NaN} contribute 0.
 *
 * <p>Every method takes an optional output ({@code null} allocates one) and returns it.
 */
public final class Gemm {

    private Gemm() {
    }

    /**
     * {@code C = A B}.
     *
     * @param a left operand, m x k
     * @param b right operand, k x n
     * @param c output m x n, or {@code null}; overwritten; may not alias {@code a} or {@code b}
     * @param rows how to parallelise over the rows of C
     * @return {@code c}
     */
    public static DoubleMatrix multiply(DoubleMatrix a, DoubleMatrix b, DoubleMatrix c, ParallelRows rows) {
        DoubleMatrix out = output(c, a.rows(), b.cols(), "A B", a, b);
        checkInner(a.cols(), b.rows(), "A B", a, b);
        rows.forEach(a.rows(), (from, to) -> multiplyRows(a.data(), b.data(), out.data(), a.cols(), b.cols(), from, to, false));
        return out;
    }

    /**
     * {@code C = C + A B}.
     *
     * @param a left operand, m x k
     * @param b right operand, k x n
     * @param c output m x n, accumulated into; may not alias {@code a} or {@code b}
     * @param rows how to parallelise over the rows of C
     * @return {@code c}
     */
    public static DoubleMatrix multiplyAdd(DoubleMatrix a, DoubleMatrix b, DoubleMatrix c, ParallelRows rows) {
        if (c == null) {
            throw new IllegalArgumentException("multiplyAdd needs an output matrix to add to");
        }
        output(c, a.rows(), b.cols(), "A B", a, b);
        checkInner(a.cols(), b.rows(), "A B", a, b);
        rows.forEach(a.rows(), (from, to) -> multiplyRows(a.data(), b.data(), c.data(), a.cols(), b.cols(), from, to, true));
        return c;
    }

    /**
     * {@code C = A^T B}, e.g. the weight gradient {@code X^T G} of a linear layer.
     *
     * @param a left operand, k x m (used transposed)
     * @param b right operand, k x n
     * @param c output m x n, or {@code null}; overwritten; may not alias {@code a} or {@code b}
     * @param rows how to parallelise over the rows of C
     * @return {@code c}
     */
    public static DoubleMatrix multiplyTransA(DoubleMatrix a, DoubleMatrix b, DoubleMatrix c, ParallelRows rows) {
        DoubleMatrix out = output(c, a.cols(), b.cols(), "A^T B", a, b);
        checkInner(a.rows(), b.rows(), "A^T B", a, b);
        int k = a.rows();
        int m = a.cols();
        int n = b.cols();
        double[] ad = a.data();
        double[] bd = b.data();
        double[] cd = out.data();
        rows.forEach(m, (from, to) -> {
            for (int i = from; i < to; i++) {
                int ci = i * n;
                java.util.Arrays.fill(cd, ci, ci + n, 0.0);
                for (int p = 0; p < k; p++) {
                    double av = ad[p * m + i];
                    if (av == 0.0) {
                        continue;
                    }
                    int bp = p * n;
                    for (int j = 0; j < n; j++) {
                        cd[ci + j] += av * bd[bp + j];
                    }
                }
            }
        });
        return out;
    }

    /**
     * {@code C = A B^T}, e.g. the Gram matrix {@code X X^T}.
     *
     * @param a left operand, m x k
     * @param b right operand, n x k (used transposed)
     * @param c output m x n, or {@code null}; overwritten; may not alias {@code a} or {@code b}
     * @param rows how to parallelise over the rows of C
     * @return {@code c}
     */
    public static DoubleMatrix multiplyTransB(DoubleMatrix a, DoubleMatrix b, DoubleMatrix c, ParallelRows rows) {
        DoubleMatrix out = output(c, a.rows(), b.rows(), "A B^T", a, b);
        checkInner(a.cols(), b.cols(), "A B^T", a, b);
        int k = a.cols();
        int n = b.rows();
        double[] ad = a.data();
        double[] bd = b.data();
        double[] cd = out.data();
        rows.forEach(a.rows(), (from, to) -> {
            for (int i = from; i < to; i++) {
                int ai = i * k;
                for (int j = 0; j < n; j++) {
                    int bj = j * k;
                    double s = 0.0;
                    for (int p = 0; p < k; p++) {
                        s += ad[ai + p] * bd[bj + p];
                    }
                    cd[i * n + j] = s;
                }
            }
        });
        return out;
    }

    /**
     * {@code C = A B} in float32.
     *
     * @param a left operand, m x k
     * @param b right operand, k x n
     * @param c output m x n, or {@code null}; overwritten; may not alias {@code a} or {@code b}
     * @param rows how to parallelise over the rows of C
     * @return {@code c}
     */
    public static FloatMatrix multiply(FloatMatrix a, FloatMatrix b, FloatMatrix c, ParallelRows rows) {
        FloatMatrix out = c != null ? c : FloatMatrix.zeros(a.rows(), b.cols());
        if (out.rows() != a.rows() || out.cols() != b.cols()) {
            throw new IllegalArgumentException("A B: output is " + out.rows() + " x " + out.cols() + ", expected "
                    + a.rows() + " x " + b.cols());
        }
        checkInner(a.cols(), b.rows(), "A B", a.rows() + " x " + a.cols(), b.rows() + " x " + b.cols());
        rows.forEach(a.rows(), (from, to) -> multiplyRows(a.data(), b.data(), out.data(), a.cols(), b.cols(), from, to, false));
        return out;
    }

    /**
     * The serial kernel behind {@code C = A B} (or {@code C += A B}) on flat row-major arrays,
     * for rows {@code [fromRow, toRow)} of C only. Callers that parallelise their own work
     * (e.g. a simulation over batch rows) call it directly from each worker.
     *
     * @param a left operand, rows x {@code inner}
     * @param b right operand, {@code inner} x {@code cols}
     * @param c output, rows x {@code cols}
     * @param inner columns of A = rows of B
     * @param cols columns of B and C
     * @param fromRow first row of C to compute
     * @param toRow one past the last row
     * @param accumulate add to C instead of overwriting it
     */
    public static void multiplyRows(double[] a, double[] b, double[] c, int inner, int cols, int fromRow, int toRow,
            boolean accumulate) {
        for (int i = fromRow; i < toRow; i++) {
            int ci = i * cols;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + cols, 0.0);
            }
            int ai = i * inner;
            for (int p = 0; p < inner; p++) {
                double av = a[ai + p];
                if (av == 0.0) {
                    continue;
                }
                int bp = p * cols;
                for (int j = 0; j < cols; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    /**
     * The float32 twin of {@link #multiplyRows(double[], double[], double[], int, int, int, int, boolean)}.
     *
     * @param a left operand, rows x {@code inner}
     * @param b right operand, {@code inner} x {@code cols}
     * @param c output, rows x {@code cols}
     * @param inner columns of A = rows of B
     * @param cols columns of B and C
     * @param fromRow first row of C to compute
     * @param toRow one past the last row
     * @param accumulate add to C instead of overwriting it
     */
    public static void multiplyRows(float[] a, float[] b, float[] c, int inner, int cols, int fromRow, int toRow,
            boolean accumulate) {
        for (int i = fromRow; i < toRow; i++) {
            int ci = i * cols;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + cols, 0f);
            }
            int ai = i * inner;
            for (int p = 0; p < inner; p++) {
                float av = a[ai + p];
                if (av == 0f) {
                    continue;
                }
                int bp = p * cols;
                for (int j = 0; j < cols; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    private static DoubleMatrix output(DoubleMatrix c, int rows, int cols, String op, DoubleMatrix a, DoubleMatrix b) {
        if (c == null) {
            return DoubleMatrix.zeros(rows, cols);
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException(op + ": the output may not be an operand");
        }
        if (c.rows() != rows || c.cols() != cols) {
            throw new IllegalArgumentException(op + ": output is " + c.rows() + " x " + c.cols() + ", expected " + rows + " x " + cols);
        }
        return c;
    }

    private static void checkInner(int left, int right, String op, DoubleMatrix a, DoubleMatrix b) {
        checkInner(left, right, op, a.rows() + " x " + a.cols(), b.rows() + " x " + b.cols());
    }

    private static void checkInner(int left, int right, String op, String a, String b) {
        if (left != right) {
            throw new IllegalArgumentException(op + ": inner dimensions differ (A is " + a + ", B is " + b + ")");
        }
    }
}
