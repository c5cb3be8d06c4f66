package org.myelin.metric.rsa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The O(N log N) rank statistics against their O(N^2) definitions (science/metrics.md 3.2) on
 * heavily tied data, and mid-ranks against hand-computed scipy {@code rankdata} output.
 */
class RankStatisticsTest {

    @Test
    void midRanksAsScipyRankdata() {
        // scipy.stats.rankdata([3, -1, 3, 0.0, -0.0, 7, 3]) = [5, 1, 5, 2.5, 2.5, 7, 5]
        Ranking r = Ranking.of(new double[] {3, -1, 3, 0.0, -0.0, 7, 3});
        assertArrayEquals(new double[] {5, 1, 5, 2.5, 2.5, 7, 5}, r.midRanks());
        assertArrayEquals(new int[] {2, 0, 2, 1, 1, 3, 2}, r.denseRanks());
        assertEquals(3 + 1, r.tiedPairs());
    }

    @Test
    void kendallCountsEqualTheirDefinitionOnTiedData() {
        Random rnd = new Random(11);
        int n = 1500;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(40) - 20;
            b[i] = a[i] * 0.3 + rnd.nextInt(25);
        }
        long con = 0;
        long dis = 0;
        long tieA = 0;
        long tieB = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = Math.signum(a[i] - a[j]) * Math.signum(b[i] - b[j]);
                if (s > 0) {
                    con++;
                } else if (s < 0) {
                    dis++;
                }
                tieA += a[i] == a[j] ? 1 : 0;
                tieB += b[i] == b[j] ? 1 : 0;
            }
        }
        KendallTau.Counts c = KendallTau.count(Ranking.of(a), Ranking.of(b));
        long pairs = (long) n * (n - 1) / 2;
        assertEquals(pairs, c.pairs());
        assertEquals(tieA, c.tiedA());
        assertEquals(tieB, c.tiedB());
        assertEquals(con - dis, c.difference());
        assertEquals((con - dis) / (double) pairs, c.tauA(), 1e-15);
        assertEquals((con - dis) / Math.sqrt((double) (pairs - tieA) * (pairs - tieB)), c.tauB(), 1e-15);
    }

    @Test
    void radixSortOrdersNegativeZeroAndExtremes() {
        double[] v = {1e300, -1e-300, -0.0, 0.0, -1e300, Double.MIN_VALUE, -5, 5};
        long[] keys = new long[v.length];
        int[] pos = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            keys[i] = SortableKeys.key(v[i]);
            pos[i] = i;
        }
        SortableKeys.sort(keys, pos);
        assertArrayEquals(new int[] {4, 6, 1, 2, 3, 5, 7, 0}, pos, "stable, -0.0 equal to 0.0");
    }
}
