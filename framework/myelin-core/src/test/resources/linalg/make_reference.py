"""Reference values for LapackTest and BlasTest, computed with numpy/scipy (LAPACK).

Run: python3 make_reference.py > reference.txt
Matrices are defined by closed formulas that the Java tests rebuild exactly:
  F(m, n, seed)[i, j] = sin(1 + seed + 0.7 * i + 1.3 * j + 0.1 * i * j)
  SPD(n) = F(n, n, 3) @ F(n, n, 3).T + n * I
  SYM(n) = F(n, n, 5) + F(n, n, 5).T
"""
import numpy as np
import scipy.linalg as sl


def F(m, n, seed):
    i = np.arange(m)[:, None]
    j = np.arange(n)[None, :]
    return np.sin(1 + seed + 0.7 * i + 1.3 * j + 0.1 * i * j)


def line(name, values):
    print(name + " " + " ".join(repr(float(v)) for v in np.ravel(values)))


line("svd_7x5_s", sl.svd(F(7, 5, 0), compute_uv=False, lapack_driver="gesvd"))
line("svd_5x7_s", sl.svd(F(5, 7, 1), compute_uv=False, lapack_driver="gesvd"))
line("svd_40x30_s", sl.svd(F(40, 30, 2), compute_uv=False, lapack_driver="gesvd"))
line("eig_6_values", np.linalg.eigvalsh(F(6, 6, 5) + F(6, 6, 5).T))
line("eig_50_values", np.linalg.eigvalsh(F(50, 50, 5) + F(50, 50, 5).T))
S = F(8, 8, 3) @ F(8, 8, 3).T + 8 * np.eye(8)
line("chol_8_x", np.linalg.solve(S, F(8, 3, 4)))
line("gemm_tt_5x4x6", F(6, 5, 6).T @ F(4, 6, 7).T)
line("syrk_t_6x9", F(9, 6, 8).T @ F(9, 6, 8))
