package org.myelin.metric.rsa.internal;

/**
 * Kendall's tau-a and tau-b of two equally long vectors in O(N log N) (Knight 1966, the algorithm
 * behind scipy's {@code kendalltau}): sort the pairs by (a, b), count ties in a and joint ties,
 * then count the discordant pairs as the swaps of a merge sort on b.
 *
 * <pre>
 *   n0 = N(N-1)/2, n1 = pairs tied in a, n2 = pairs tied in b, n3 = pairs tied in both
 *   concordant - discordant = n0 - n1 - n2 + n3 - 2 * swaps
 *   tau-a = (concordant - discordant) / n0           (rsatoolbox: tied pairs count as neither)
 *   tau-b = (concordant - discordant) / sqrt((n0 - n1)(n0 - n2))   (scipy's default variant)
 * </pre>
 */
final class KendallTau {

    /**
     * The pair counts of one comparison.
     *
     * @param pairs n0
     * @param tiedA n1
     * @param tiedB n2
     * @param difference concordant minus discordant pairs
     */
    record Counts(long pairs, long tiedA, long tiedB, long difference) {

        /** @return tau-a */
        double tauA() {
            return difference / (double) pairs;
        }

        /** @return tau-b, NaN when one side is all ties */
        double tauB() {
            return difference / Math.sqrt((double) (pairs - tiedA) * (double) (pairs - tiedB));
        }
    }

    private KendallTau() {
    }

    /**
     * @param a ranks of the first vector
     * @param b ranks of the second vector
     * @return the pair counts
     */
    static Counts count(Ranking a, Ranking b) {
        int[] ra = a.denseRanks();
        int[] rb = b.denseRanks();
        int n = ra.length;
        long[] keys = new long[n];
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) ra[i] << 32) | rb[i];
            pos[i] = i;
        }
        SortableKeys.sort(keys, pos);
        long joint = 0;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) {
                end++;
            }
            long t = end - start;
            joint += t * (t - 1) / 2;
            start = end;
        }
        int[] seq = new int[n];
        for (int i = 0; i < n; i++) {
            seq[i] = (int) keys[i];
        }
        long swaps = mergeSortSwaps(seq);
        long pairs = (long) n * (n - 1) / 2;
        return new Counts(pairs, a.tiedPairs(), b.tiedPairs(), pairs - a.tiedPairs() - b.tiedPairs() + joint - 2 * swaps);
    }

    /** Bottom-up merge sort of non-negative ints; returns the number of strict inversions. */
    private static long mergeSortSwaps(int[] v) {
        int n = v.length;
        int[] src = v;
        int[] dst = new int[n];
        long swaps = 0;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    if (src[j] < src[i]) {
                        swaps += mid - i;
                        dst[k++] = src[j++];
                    } else {
                        dst[k++] = src[i++];
                    }
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        return swaps;
    }
}
