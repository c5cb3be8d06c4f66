package org.myelin.metric.cka.internal;

/**
 * The k-th smallest value of an array by quickselect (median-of-three pivots, Hoare partition),
 * expected O(length) time. The array is reordered in place; values other than NaN only.
 */
final class OrderStatistic {

    private OrderStatistic() {
    }

    /**
     * @param a the values; reordered so that {@code a[k]} holds the answer, smaller values before it
     * @param k the rank, counting from 0
     * @return the k-th smallest value
     */
    static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
