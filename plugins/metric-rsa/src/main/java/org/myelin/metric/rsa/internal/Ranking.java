package org.myelin.metric.rsa.internal;

/**
 * Ranks of an RDM vector: mid-ranks as scipy's {@code rankdata} (ties share the average of the
 * ranks 1..N they occupy) and dense ranks (0, 1, 2, ... per distinct value) for the Kendall
 * statistics, from one radix sort.
 *
 * @param midRanks mid-ranks, 1-based, as doubles
 * @param denseRanks 0-based index of each entry's distinct value, or {@code null} when not asked for
 * @param tiedPairs number of pairs of entries with equal values, {@code sum t(t-1)/2} over tie groups
 */
record Ranking(double[] midRanks, int[] denseRanks, long tiedPairs) {

    /**
     * @param v the values, finite
     * @return their ranks, with dense ranks
     */
    static Ranking of(double[] v) {
        return of(v, true);
    }

    /**
     * @param v the values, finite
     * @param withDense also compute the dense ranks (the Kendall statistics need them)
     * @return their ranks
     */
    static Ranking of(double[] v, boolean withDense) {
        int n = v.length;
        long[] keys = new long[n];
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = SortableKeys.key(v[i]);
            pos[i] = i;
        }
        SortableKeys.sort(keys, pos);
        double[] mid = new double[n];
        int[] dense = withDense ? new int[n] : null;
        long tied = 0;
        int distinct = 0;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) {
                end++;
            }
            double rank = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++) {
                mid[pos[i]] = rank;
                if (dense != null) {
                    dense[pos[i]] = distinct;
                }
            }
            long t = end - start;
            tied += t * (t - 1) / 2;
            distinct++;
            start = end;
        }
        return new Ranking(mid, dense, tied);
    }
}
