package org.myelin.core.linalg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.myelin.core.linalg.ReferenceValues;

/**
 * The products of every backend against the textbook definition {@code C_ij = beta C_ij +
 * alpha sum_p op(A)_ip op(B)_pj} summed in long double-free plain loops (an independent
 * reference), against numpy values (reference.txt), and the Java backend's bit-identity
 * across thread counts.
 */
class GemmBackendTest {

    static List<DenseBackend> backends() {
        return Backends.all();
    }

    private static double[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-1, 1);
        }
        return x;
    }

    private static double[] naive(boolean ta, boolean tb, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
            double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        double[] out = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double y = tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += x * y;
                }
                double old = beta == 0 ? 0 : beta * c[cOff + i * ldc + j];
                out[cOff + i * ldc + j] = old + alpha * s;
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void dgemmMatchesTheDefinitionForAllTranspositionsStridesAndOffsets(DenseBackend backend) {
        // sizes straddle the block sizes (NB = 256, KB = 128) and the 4-way unrolling
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {37, 300, 131}, {70, 20, 260}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                int lda = (ta ? m : k) + 3, ldb = (tb ? k : n) + 1, ldc = n + 2;
                double[] a = random(5 + (ta ? k : m) * lda, 1);
                double[] b = random(2 + (tb ? n : k) * ldb, 2);
                double[] c = random(4 + m * ldc, 3);
                double[] expected = naive(ta, tb, m, n, k, 0.75, a, 5, lda, b, 2, ldb, -0.5, c, 4, ldc);
                backend.dgemm(ta, tb, m, n, k, 0.75, a, 5, lda, b, 2, ldb, -0.5, c, 4, ldc);
                for (int i = 0; i < c.length; i++) {
                    assertEquals(expected[i], c[i], 1e-12 * (1 + k), backend.name() + " " + m + "x" + n + "x" + k + " t=" + t + " at " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void sgemmMatchesTheDefinitionInFloat(DenseBackend backend) {
        int m = 45, n = 270, k = 140;
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
            double[] ad = random(m * k, 4), bd = random(k * n, 5), cd = random(m * n, 6);
            float[] a = new float[ad.length], b = new float[bd.length], c = new float[cd.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) ad[i];
                ad[i] = a[i];
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) bd[i];
                bd[i] = b[i];
            }
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) cd[i];
                cd[i] = c[i];
            }
            double[] expected = naive(ta, tb, m, n, k, 1.5, ad, 0, ta ? m : k, bd, 0, tb ? k : n, 2.0, cd, 0, n);
            backend.sgemm(ta, tb, m, n, k, 1.5f, a, 0, ta ? m : k, b, 0, tb ? k : n, 2.0f, c, 0, n);
            for (int i = 0; i < c.length; i++) {
                // float32 rounding of k = 140 products of magnitude <= 1.5
                assertEquals(expected[i], c[i], 2e-4, backend.name() + " t=" + t + " at " + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void betaZeroDoesNotReadC(DenseBackend backend) {
        double[] a = {1, 2, 3, 4};
        double[] c = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        backend.dgemm(false, false, 2, 2, 2, 1, a, 0, 2, a, 0, 2, 0, c, 0, 2);
        // [1 2; 3 4]^2 = [7 10; 15 22], by hand
        assertArrayEquals(new double[] {7, 10, 15, 22}, c);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void dgemmTransposedBothMatchesNumpy(DenseBackend backend) {
        // numpy: F(6,5,6).T @ F(4,6,7).T, a 5 x 4 result
        double[] a = ReferenceValues.formula(6, 5, 6), b = ReferenceValues.formula(4, 6, 7), c = new double[20];
        backend.dgemm(true, true, 5, 4, 6, 1, a, 0, 5, b, 0, 6, 0, c, 0, 4);
        assertArrayEquals(ReferenceValues.get("gemm_tt_5x4x6"), c, 1e-14);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void dsyrkWritesBothTrianglesAndMatchesNumpy(DenseBackend backend) {
        // numpy: F(9,6,8).T @ F(9,6,8)
        double[] a = ReferenceValues.formula(9, 6, 8);
        double[] c = new double[36];
        java.util.Arrays.fill(c, Double.NaN);
        backend.dsyrk(true, 6, 9, 1, a, 0, 6, 0, c, 0, 6);
        assertArrayEquals(ReferenceValues.get("syrk_t_6x9"), c, 1e-14);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(c[i * 6 + j], c[j * 6 + i], 0.0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void dsyrkNoTransMatchesTheDefinition(DenseBackend backend) {
        int n = 300, k = 150, lda = 151, ldc = 302;
        double[] a = random(n * lda, 7);
        double[] c = random(n * ldc, 8);
        double[] expected = naive(false, true, n, n, k, 2.0, a, 0, lda, a, 0, lda, 0.5, c, 0, ldc);
        // only the upper triangle of the old C is read: mirror it into the reference's lower one
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * lda + p] * a[j * lda + p];
                }
                expected[i * ldc + j] = 0.5 * c[j * ldc + i] + 2.0 * s;
            }
        }
        backend.dsyrk(false, n, k, 2.0, a, 0, lda, 0.5, c, 0, ldc);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(expected[i * ldc + j], c[i * ldc + j], 1e-11, backend.name() + " (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void javaResultsAreBitIdenticalForAnyThreadCount() {
        int m = 301, n = 517, k = 263;
        double[] a = random(m * k, 9), b = random(k * n, 10);
        float[] af = new float[a.length], bf = new float[b.length];
        for (int i = 0; i < a.length; i++) {
            af[i] = (float) a[i];
        }
        for (int i = 0; i < b.length; i++) {
            bf[i] = (float) b[i];
        }
        double[] one = new double[m * n];
        float[] onef = new float[m * n];
        double[] gram1 = new double[k * k];
        JavaBackend serial = new JavaBackend(1);
        serial.dgemm(false, false, m, n, k, 1, a, 0, k, b, 0, n, 0, one, 0, n);
        serial.sgemm(false, false, m, n, k, 1, af, 0, k, bf, 0, n, 0, onef, 0, n);
        serial.dsyrk(true, k, m, 1, a, 0, k, 0, gram1, 0, k);
        for (int threads = 2; threads <= 4; threads++) {
            JavaBackend parallel = new JavaBackend(threads);
            double[] many = new double[m * n];
            float[] manyf = new float[m * n];
            double[] gram = new double[k * k];
            parallel.dgemm(false, false, m, n, k, 1, a, 0, k, b, 0, n, 0, many, 0, n);
            parallel.sgemm(false, false, m, n, k, 1, af, 0, k, bf, 0, n, 0, manyf, 0, n);
            parallel.dsyrk(true, k, m, 1, a, 0, k, 0, gram, 0, k);
            assertArrayEquals(one, many, 0.0, threads + " threads");
            assertArrayEquals(onef, manyf, 0.0f, threads + " threads");
            assertArrayEquals(gram1, gram, 0.0, threads + " threads");
        }
        assertTrue(one[0] != 0.0);
    }
    @ParameterizedTest
    @MethodSource("backends")
    void crossProductsEqualTheDefinitionWithBothTrianglesWritten(DenseBackend backend) {
        // p != q, and sizes on both sides of the mirror's 32-element tiles
        int[][] shapes = {{1, 1, 1}, {7, 3, 5}, {300, 70, 41}, {129, 33, 64}};
        for (int[] s : shapes) {
            int n = s[0], p = s[1], q = s[2];
            double[] a = random(n * p, 11 + p);
            double[] b = random(n * q, 12 + q);
            double[] aa = new double[p * p];
            double[] ab = new double[p * q];
            double[] bb = new double[q * q];
            java.util.Arrays.fill(aa, Double.NaN);
            java.util.Arrays.fill(ab, Double.NaN);
            java.util.Arrays.fill(bb, Double.NaN);
            backend.crossProducts(n, a, null, p, b, null, q, aa, ab, bb, true);
            String at = backend.name() + " " + n + "x" + p + "|" + q;
            assertArrayEquals(naive(true, false, p, p, n, 1, a, 0, p, a, 0, p, 0, new double[p * p], 0, p), aa, 1e-12 * n, at + " A'A");
            assertArrayEquals(naive(true, false, p, q, n, 1, a, 0, p, b, 0, q, 0, new double[p * q], 0, q), ab, 1e-12 * n, at + " A'B");
            assertArrayEquals(naive(true, false, q, q, n, 1, b, 0, q, b, 0, q, 0, new double[q * q], 0, q), bb, 1e-12 * n, at + " B'B");
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < i; j++) {
                    assertEquals(aa[j * p + i], aa[i * p + j], 0.0, at + " A'A symmetric bit for bit");
                }
            }
        }
    }
    @ParameterizedTest
    @MethodSource("backends")
    void centredCrossProductNormsEqualTheNormsOfExplicitlyCentredProducts(DenseBackend backend) {
        // offsets 0.3 (mean below the spread: OpenBLAS corrects the raw products by rank-1 terms),
        // 1e4 (far above: it centres the copy first), and one of each; 300 x 9 | 5 has a
        // remainder block of rows; 50 x 600 | 430 has rows of at least StackedOperands.WIDE_ROW
        // (copied row by row, the others in batches); the reference centres in plain loops with ColumnMeans
        int[][] shapes = {{7, 3, 2}, {300, 9, 5}, {130, 40, 33}, {50, 600, 430}};
        double[][] offsets = {{0.3, 0.3}, {1e4, -3e4}, {0.0, 5e3}};
        for (int[] s : shapes) {
            for (double[] off : offsets) {
                int n = s[0], p = s[1], q = s[2];
                double[] a = random(n * p, 31 + p);
                double[] b = random(n * q, 32 + q);
                for (int k = 0; k < a.length; k++) {
                    a[k] += off[0];
                }
                for (int k = 0; k < b.length; k++) {
                    b[k] += off[1] + 0.5 * a[(k / q) * p];
                }
                Centred e = Centred.of(a, n, p, b, q);
                double[] ma = e.meanA();
                double[] mb = e.meanB();
                double aa = e.aa();
                double ab = e.ab();
                double bb = e.bb();
                double[] aCopy = a.clone();
                org.myelin.core.linalg.CentredCrossProducts c = backend.centredCrossProducts(n, a, p, b, q);
                String at = backend.name() + " " + n + "x" + p + "|" + q + " offsets " + off[0] + ", " + off[1];
                // OpenBLAS sums in its own order: within the summation bound n eps max|x|
                assertArrayEquals(ma, c.meanA(), n * 0x1p-52 * maxAbs(a), at + ": means of A, those of ColumnMeans");
                assertArrayEquals(mb, c.meanB(), n * 0x1p-52 * maxAbs(b), at + ": means of B");
                assertEquals(aa, c.aa(), 1e-12 * aa, at + ": ||Ac'Ac||^2");
                assertEquals(ab, c.ab(), 1e-12 * ab, at + ": ||Ac'Bc||^2");
                assertEquals(bb, c.bb(), 1e-12 * bb, at + ": ||Bc'Bc||^2");
                assertArrayEquals(aCopy, a, 0.0, at + ": A untouched");
            }
        }
        double[] bad = random(20 * 3, 5);
        bad[17] = Double.NaN;
        org.myelin.core.linalg.CentredCrossProducts c = backend.centredCrossProducts(20, random(20 * 4, 6), 4, bad, 3);
        assertTrue(Double.isNaN(c.meanB()[17 % 3]) && !c.finite(), backend.name() + ": a NaN shows in its column's mean");
        // with an offset that is centred before the product (row 1 of 300 is outside the sample)
        double[] offset = random(300 * 3, 7);
        for (int k = 0; k < offset.length; k++) {
            offset[k] += 1e3;
        }
        offset[3 + 2] = Double.NaN;
        c = backend.centredCrossProducts(300, random(300 * 4, 8), 4, offset, 3);
        assertTrue(Double.isNaN(c.meanB()[2]) && !c.finite(), backend.name() + ": a NaN shows in its column's mean after centring");
    }

    /**
     * The reference for centredCrossProducts: means by ColumnMeans, centred copies and their
     * products in plain loops, and the squared Frobenius norms of those products.
     */
    private record Centred(double[] meanA, double[] meanB, double[] centredA, double aa, double ab, double bb) {

        static Centred of(double[] a, int n, int p, double[] b, int q) {
            double[] ma = org.myelin.core.array.ColumnMeans.of(a, n, p);
            double[] mb = org.myelin.core.array.ColumnMeans.of(b, n, q);
            double[] ea = minusColumns(a, n, p, ma);
            double[] eb = minusColumns(b, n, q, mb);
            return new Centred(ma, mb, ea,
                    frobeniusSquared(naive(true, false, p, p, n, 1, ea, 0, p, ea, 0, p, 0, new double[p * p], 0, p)),
                    frobeniusSquared(naive(true, false, p, q, n, 1, ea, 0, p, eb, 0, q, 0, new double[p * q], 0, q)),
                    frobeniusSquared(naive(true, false, q, q, n, 1, eb, 0, q, eb, 0, q, 0, new double[q * q], 0, q)));
        }
    }

    /** {@code a - 1 shift'} for a row-major n x p array, in a plain loop. */
    private static double[] minusColumns(double[] a, int n, int p, double[] shift) {
        double[] out = new double[n * p];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < p; j++) {
                out[r * p + j] = a[r * p + j] - shift[j];
            }
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void centredCrossProductsStayExactWhenTheSampledRowsHideAnOffset(DenseBackend backend) {
        // the OpenBLAS backend decides from StackedOperands.sampleRows whether to centre before the
        // product; here exactly those rows are centred and all others carry an offset of 1e4, so the
        // decision is wrong and the exact means must send the block back for centring. With 128 of
        // 200 000 rows sampled the mean is about 40 times the spread. Reference: the explicitly centred
        // products in plain loops, as above.
        int n = 200_000, p = 3, q = 2;
        double[] a = random(n * p, 71);
        double[] b = random(n * q, 72);
        boolean[] sampled = new boolean[n];
        for (int r : StackedOperands.sampleRows(n)) {
            sampled[r] = true;
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < p; j++) {
                a[r * p + j] += sampled[r] ? 0.0 : 1e4;
            }
        }
        Centred e = Centred.of(a, n, p, b, q);
        double[] ma = e.meanA();
        double[] ea = e.centredA();
        double aa = e.aa();
        double ab = e.ab();
        double bb = e.bb();
        org.myelin.core.linalg.CentredCrossProducts c = backend.centredCrossProducts(n, a, p, b, q);
        String at = backend.name() + ": offset hidden from the sample";
        assertFalse(StackedOperands.sampledOffsetIsLarge(a, n, p), "the sample sees no offset (else this tests nothing)");
        for (int j = 0; j < p; j++) {
            double variance = 0;
            for (int r = 0; r < n; r++) {
                variance += ea[r * p + j] * ea[r * p + j] / n;
            }
            assertTrue(ma[j] * ma[j] > variance, "the true mean exceeds the spread, so the product is taken again");
        }
        assertArrayEquals(ma, c.meanA(), n * 0x1p-52 * maxAbs(a), at + ": means of A");
        // 2e-13: about 1e-14 when the block is centred again; the rank-1 terms alone (the
        // sample's decision kept) cancel about 10 bits here and miss by 2.3e-12
        assertEquals(aa, c.aa(), 2e-13 * aa, at + ": ||Ac'Ac||^2");
        assertEquals(ab, c.ab(), 2e-13 * ab, at + ": ||Ac'Bc||^2");
        assertEquals(bb, c.bb(), 2e-13 * bb, at + ": ||Bc'Bc||^2");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void crossProductWithSquaresEqualsTheDefinition(DenseBackend backend) {
        for (int[] s : new int[][] {{3, 2, 4}, {300, 9, 5}, {130, 40, 33}}) {
            int n = s[0], p = s[1], q = s[2];
            double[] a = random(n * p, 41 + p);
            double[] b = random(n * q, 42 + q);
            org.myelin.core.linalg.CrossProduct c = backend.crossProductWithSquares(n, a, p, b, q);
            String at = backend.name() + " " + n + "x" + p + "|" + q;
            assertArrayEquals(naive(true, false, p, q, n, 1, a, 0, p, b, 0, q, 0, new double[p * q], 0, q), c.product(), 1e-12 * n,
                    at + ": A'B");
            for (int j = 0; j < p; j++) {
                double sq = 0;
                for (int r = 0; r < n; r++) {
                    sq += a[r * p + j] * a[r * p + j];
                }
                assertEquals(sq, c.squaresA()[j], 1e-13 * sq, at + ": squares of A, column " + j);
            }
            for (int j = 0; j < q; j++) {
                double sq = 0;
                for (int r = 0; r < n; r++) {
                    sq += b[r * q + j] * b[r * q + j];
                }
                assertEquals(sq, c.squaresB()[j], 1e-13 * sq, at + ": squares of B, column " + j);
            }
        }
        double[] bad = random(20 * 3, 7);
        bad[10] = Double.POSITIVE_INFINITY;
        org.myelin.core.linalg.CrossProduct c = backend.crossProductWithSquares(20, bad, 3, random(20 * 2, 8), 2);
        assertTrue(Double.isInfinite(c.squaresA()[10 % 3]), backend.name() + ": an infinity shows in its column's squares");
    }

    private static double frobeniusSquared(double[] g) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shiftedCrossProductsEqualTheProductsOfExplicitlyShiftedCopies(DenseBackend backend) {
        // 1500 x 7: several batched native copies of rows, with a remainder batch
        int[][] shapes = {{5, 3, 2}, {1500, 7, 4}, {64, 40, 33}};
        for (int[] s : shapes) {
            int n = s[0], p = s[1], q = s[2];
            double[] a = random(n * p, 21 + p);
            double[] b = random(n * q, 22 + q);
            double[] sa = random(p, 23);
            double[] sb = random(q, 24);
            double[] ea = minusColumns(a, n, p, sa);
            double[] eb = minusColumns(b, n, q, sb);
            double[] aa = new double[p * p];
            double[] ab = new double[p * q];
            double[] bb = new double[q * q];
            double[] aCopy = a.clone();
            String at = backend.name() + " " + n + "x" + p + "|" + q;
            // upper triangles only: they equal those of the full call
            double[] upperAa = new double[p * p];
            double[] upperAb = new double[p * q];
            double[] upperBb = new double[q * q];
            backend.crossProducts(n, a, sa, p, b, sb, q, upperAa, upperAb, upperBb, false);
            backend.crossProducts(n, a, sa, p, b, sb, q, aa, ab, bb, true);
            assertArrayEquals(ab, upperAb, 0.0, at + " A'B without lower triangles");
            for (int i = 0; i < p; i++) {
                for (int j = i; j < p; j++) {
                    assertEquals(aa[i * p + j], upperAa[i * p + j], 0.0, at + " upper A'A");
                }
            }
            for (int i = 0; i < q; i++) {
                for (int j = i; j < q; j++) {
                    assertEquals(bb[i * q + j], upperBb[i * q + j], 0.0, at + " upper B'B");
                }
            }
            assertArrayEquals(aCopy, a, 0.0, at + " A untouched");
            assertArrayEquals(naive(true, false, p, p, n, 1, ea, 0, p, ea, 0, p, 0, new double[p * p], 0, p), aa, 1e-12 * n, at + " A'A");
            assertArrayEquals(naive(true, false, p, q, n, 1, ea, 0, p, eb, 0, q, 0, new double[p * q], 0, q), ab, 1e-12 * n, at + " A'B");
            assertArrayEquals(naive(true, false, q, q, n, 1, eb, 0, q, eb, 0, q, 0, new double[q * q], 0, q), bb, 1e-12 * n, at + " B'B");
        }
    }
}
