package org.myelin.core.snn;

/**
 * The event-driven accumulations, written so that the JIT vectorises them: every array is
 * indexed by the same loop counter from offset 0 (HotSpot 17 does not vectorise a loop over two
 * arrays at different offsets, since it cannot rule out that they overlap), and four events are
 * fused into one pass so that the destination is loaded and stored once per four events. The
 * additions happen in event order, element by element, exactly as one {@code axpy} per event
 * would do them, so results are the same bit for bit.
 */
final class EventKernels {

    private EventKernels() {
    }

    /**
     * {@code acc[0..n) += sum over k in [from, to) of val[k] * rows[idx[k]][0..n)}, added in order of k.
     *
     * @param rows presynaptic weight rows
     * @param idx event channels
     * @param val event values
     * @param from first event
     * @param to one past the last event
     * @param acc the accumulator (a postsynaptic row)
     * @param n row length
     */
    static void gather(float[][] rows, int[] idx, float[] val, int from, int to, float[] acc, int n) {
        int k = from;
        for (; k + 4 <= to; k += 4) {
            float va = val[k];
            float vb = val[k + 1];
            float vc = val[k + 2];
            float vd = val[k + 3];
            float[] a = rows[idx[k]];
            float[] b = rows[idx[k + 1]];
            float[] c = rows[idx[k + 2]];
            float[] d = rows[idx[k + 3]];
            if (va == 1f && vb == 1f && vc == 1f && vd == 1f) {
                add4(a, b, c, d, acc, n);
            } else {
                for (int j = 0; j < n; j++) {
                    float s = acc[j];
                    s += va * a[j];
                    s += vb * b[j];
                    s += vc * c[j];
                    s += vd * d[j];
                    acc[j] = s;
                }
            }
        }
        for (; k < to; k++) {
            add(val[k], rows[idx[k]], acc, n);
        }
    }

    /**
     * Same as {@link #gather} for events that all have the value 1.
     *
     * @param rows presynaptic weight rows
     * @param idx event channels
     * @param from first event
     * @param to one past the last event
     * @param acc the accumulator
     * @param n row length
     */
    static void gatherOnes(float[][] rows, int[] idx, int from, int to, float[] acc, int n) {
        int k = from;
        for (; k + 4 <= to; k += 4) {
            add4(rows[idx[k]], rows[idx[k + 1]], rows[idx[k + 2]], rows[idx[k + 3]], acc, n);
        }
        for (; k < to; k++) {
            add(1f, rows[idx[k]], acc, n);
        }
    }

    /**
     * {@code rows[idx[k]][0..n) += val[k] * src[0..n)} for k in {@code [from, to)}, in order of k.
     *
     * @param src the source row (e.g. a postsynaptic current gradient)
     * @param rows destination rows (e.g. weight-gradient rows)
     * @param idx event channels
     * @param val event values, or {@code null} for all ones
     * @param from first event
     * @param to one past the last event
     * @param n row length
     */
    static void scatter(float[] src, float[][] rows, int[] idx, float[] val, int from, int to, int n) {
        int k = from;
        for (; k + 4 <= to; k += 4) {
            int ia = idx[k];
            int ib = idx[k + 1];
            int ic = idx[k + 2];
            int id = idx[k + 3];
            boolean ones = val == null || (val[k] == 1f && val[k + 1] == 1f && val[k + 2] == 1f && val[k + 3] == 1f);
            boolean distinct = ia != ib && ia != ic && ia != id && ib != ic && ib != id && ic != id;
            if (ones && distinct) {
                float[] a = rows[ia];
                float[] b = rows[ib];
                float[] c = rows[ic];
                float[] d = rows[id];
                for (int j = 0; j < n; j++) {
                    float v = src[j];
                    a[j] += v;
                    b[j] += v;
                    c[j] += v;
                    d[j] += v;
                }
            } else {
                for (int q = k; q < k + 4; q++) {
                    add(val == null ? 1f : val[q], src, rows[idx[q]], n);
                }
            }
        }
        for (; k < to; k++) {
            add(val == null ? 1f : val[k], src, rows[idx[k]], n);
        }
    }

    private static void add4(float[] a, float[] b, float[] c, float[] d, float[] acc, int n) {
        for (int j = 0; j < n; j++) {
            float s = acc[j];
            s += a[j];
            s += b[j];
            s += c[j];
            s += d[j];
            acc[j] = s;
        }
    }

    /**
     * {@code y[0..n) += alpha x[0..n)} ({@code y += x} when alpha is 1).
     *
     * @param alpha scale
     * @param x source
     * @param y destination
     * @param n length
     */
    static void add(float alpha, float[] x, float[] y, int n) {
        if (alpha == 1f) {
            for (int j = 0; j < n; j++) {
                y[j] += x[j];
            }
        } else {
            for (int j = 0; j < n; j++) {
                y[j] += alpha * x[j];
            }
        }
    }
}
