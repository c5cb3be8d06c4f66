package org.myelin.core.linalg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.core.linalg.ReferenceValues;
import org.myelin.core.linalg.Svd;
import org.myelin.core.linalg.SymmetricEigen;

/**
 * SVD, symmetric eigen and Cholesky solve of every backend against numpy/scipy LAPACK values
 * (reference.txt), plus the defining identities: {@code U diag(s) Vt = A} with orthonormal
 * factors, {@code A V = V diag(values)} with orthonormal V.
 */
class LapackBackendTest {

    static List<DenseBackend> backends() {
        return Backends.all();
    }

    private static void checkSvd(DenseBackend backend, int m, int n, int seed, String reference) {
        double[] a = ReferenceValues.formula(m, n, seed);
        double[] copy = a.clone();
        Svd svd = backend.svd(a, m, n);
        assertArrayEquals(copy, a, 0.0, "input not modified");
        int r = Math.min(m, n);
        assertEquals(r, svd.s().length);
        assertArrayEquals(ReferenceValues.get(reference), svd.s(), 1e-13, backend.name() + " singular values");
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double x = 0;
                for (int p = 0; p < r; p++) {
                    x += svd.u()[i * r + p] * svd.s()[p] * svd.vt()[p * n + j];
                }
                assertEquals(a[i * n + j], x, 1e-13, backend.name() + " U S Vt at (" + i + ", " + j + ")");
            }
        }
        for (int p = 0; p < r; p++) {
            for (int q = 0; q < r; q++) {
                double uu = 0, vv = 0;
                for (int i = 0; i < m; i++) {
                    uu += svd.u()[i * r + p] * svd.u()[i * r + q];
                }
                for (int j = 0; j < n; j++) {
                    vv += svd.vt()[p * n + j] * svd.vt()[q * n + j];
                }
                assertEquals(p == q ? 1 : 0, uu, 1e-13, backend.name() + " U^T U");
                assertEquals(p == q ? 1 : 0, vv, 1e-13, backend.name() + " V^T V");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void svdOfTallWideAndLargerMatricesMatchesScipy(DenseBackend backend) {
        checkSvd(backend, 7, 5, 0, "svd_7x5_s");
        checkSvd(backend, 5, 7, 1, "svd_5x7_s");
        checkSvd(backend, 40, 30, 2, "svd_40x30_s");
    }

    @org.junit.jupiter.api.Test
    void javaSvdIsBitIdenticalForAnyThreadCount() {
        double[] a = ReferenceValues.formula(300, 200, 9);
        Svd one = new JavaBackend(1).svd(a, 300, 200);
        for (int threads = 2; threads <= 3; threads++) {
            Svd many = new JavaBackend(threads).svd(a, 300, 200);
            assertArrayEquals(one.s(), many.s(), 0.0, threads + " threads");
            assertArrayEquals(one.u(), many.u(), 0.0, threads + " threads");
            assertArrayEquals(one.vt(), many.vt(), 0.0, threads + " threads");
        }
    }

    @org.junit.jupiter.api.Test
    void roundRobinRoundsCoverEveryPairOnceWithDisjointPairs() {
        for (int n : new int[] {1, 2, 5, 8}) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int[] round : JacobiSvd.rounds(n)) {
                java.util.Set<Integer> used = new java.util.HashSet<>();
                for (int k = 0; k < round.length; k += 2) {
                    assertTrue(used.add(round[k]) && used.add(round[k + 1]), "pairs of a round are disjoint");
                    assertTrue(seen.add(round[k] + "," + round[k + 1]), "each pair once");
                }
            }
            assertEquals(n * (n - 1) / 2, seen.size(), "all pairs of " + n);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void svdOfARankOneMatrixHasOrthonormalFactors(DenseBackend backend) {
        // x y^T with x = (1, 2, 3), y = (1, 1): one singular value |x| |y| = sqrt(14) sqrt(2), the rest 0
        double[] a = {1, 1, 2, 2, 3, 3};
        Svd svd = backend.svd(a, 3, 2);
        assertEquals(Math.sqrt(28), svd.s()[0], 1e-14);
        assertEquals(0.0, svd.s()[1], 1e-14);
        double dot = 0, norm = 0;
        for (int i = 0; i < 3; i++) {
            dot += svd.u()[i * 2] * svd.u()[i * 2 + 1];
            norm += svd.u()[i * 2 + 1] * svd.u()[i * 2 + 1];
        }
        assertEquals(0.0, dot, 1e-14);
        assertEquals(1.0, norm, 1e-14);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void symmetricEigenMatchesNumpyAndItsDefinition(DenseBackend backend) {
        for (int n : new int[] {6, 50}) {
            double[] f = ReferenceValues.formula(n, n, 5);
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i * n + j] = f[i * n + j] + f[j * n + i];
                }
            }
            SymmetricEigen eig = backend.symmetricEigen(a, n);
            assertArrayEquals(ReferenceValues.get("eig_" + n + "_values"), eig.values(), 1e-12, backend.name());
            double[] v = eig.vectors();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double av = 0, vtv = 0;
                    for (int p = 0; p < n; p++) {
                        av += a[i * n + p] * v[p * n + j];
                        vtv += v[p * n + i] * v[p * n + j];
                    }
                    assertEquals(v[i * n + j] * eig.values()[j], av, 1e-12, backend.name() + " A v_j = lambda_j v_j");
                    assertEquals(i == j ? 1 : 0, vtv, 1e-12, backend.name() + " V^T V");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void eigenvaluesAloneMatchNumpyAndReadOnlyTheLowerTriangle(DenseBackend backend) {
        for (int n : new int[] {6, 50}) {
            double[] f = ReferenceValues.formula(n, n, 5);
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i * n + j] = f[i * n + j] + f[j * n + i];
                    // the upper triangle holds garbage: only the lower one may be read
                    a[j * n + i] = i == j ? a[i * n + j] : 1e6;
                }
            }
            double[] before = a.clone();
            double[] w = backend.symmetricEigenvalues(a, n);
            assertArrayEquals(ReferenceValues.get("eig_" + n + "_values"), w, 1e-12, backend.name());
            assertArrayEquals(before, a, 0.0, backend.name() + " input untouched");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void choleskySolveMatchesNumpy(DenseBackend backend) {
        int n = 8;
        double[] f = ReferenceValues.formula(n, n, 3);
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < n; p++) {
                    s[i * n + j] += f[i * n + p] * f[j * n + p];
                }
            }
            s[i * n + i] += n;
        }
        double[] b = ReferenceValues.formula(n, 3, 4);
        double[] sCopy = s.clone(), bCopy = b.clone();
        double[] x = backend.choleskySolve(s, n, b, 3);
        assertArrayEquals(ReferenceValues.get("chol_8_x"), x, 1e-14, backend.name());
        assertArrayEquals(sCopy, s, 0.0);
        assertArrayEquals(bCopy, b, 0.0);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void choleskySolveNamesTheFailingPivot(DenseBackend backend) {
        // [1 2; 2 1] has eigenvalues 3 and -1: the second pivot 1 - 4 = -3 fails
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend.choleskySolve(new double[] {1, 2, 2, 1}, 2, new double[] {1, 1}, 1));
        assertTrue(e.getMessage().contains("pivot 1"), e.getMessage());
    }
}
