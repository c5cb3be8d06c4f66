"""Reference numbers for the metric-soft-matching tests, computed independently with POT.

Run from this folder:  /usr/bin/python3 generate_pot_reference.py > pot_reference.txt
(Debian packages python3-pot 0.8.2, python3-numpy, python3-scipy). Every block is

    case NAME kind=KIND p=P q=Q [mass=M] [reg=R]
    <key> v1 v2 ...        one line per array, row-major, repr() floats

kinds: emd (ot.emd on cost C with uniform marginals), partial (ot.partial.partial_wasserstein),
sinkhorn (ot.bregman.sinkhorn_log), entropic_partial (ot.partial.entropic_partial_wasserstein),
metric_* (the whole metric on X, Y: cost matrix built here with numpy, then the POT solver).
"""
import numpy as np
import ot
import ot.partial

rng = np.random.default_rng(20260301)


def arr(key, a):
    print(key, " ".join(repr(float(v)) for v in np.asarray(a, dtype=np.float64).ravel()))


def unif(n):
    return np.full(n, 1.0 / n)


def header(name, kind, p, q, **kw):
    extra = "".join(f" {k}={v!r}" for k, v in kw.items())
    print(f"case {name} kind={kind} p={p} q={q}{extra}")


def emd_case(name, C, with_plan=True):
    p, q = C.shape
    P = ot.emd(unif(p), unif(q), C, numItermax=10_000_000)
    header(name, "emd", p, q)
    arr("C", C)
    if with_plan:
        arr("P", P)
    arr("cost", [np.sum(P * C)])


def partial_case(name, C, m):
    p, q = C.shape
    P = ot.partial.partial_wasserstein(unif(p), unif(q), C, m=m, numItermax=10_000_000)
    header(name, "partial", p, q, mass=m)
    arr("C", C)
    arr("P", P)
    arr("cost", [np.sum(P * C)])


def sinkhorn_case(name, C, reg):
    p, q = C.shape
    P = ot.bregman.sinkhorn_log(unif(p), unif(q), C, reg, numItermax=200_000, stopThr=1e-14)
    header(name, "sinkhorn", p, q, reg=reg)
    arr("C", C)
    arr("P", P)
    arr("cost", [np.sum(P * C)])


def entropic_partial_case(name, C, reg, m):
    p, q = C.shape
    P = ot.partial.entropic_partial_wasserstein(unif(p), unif(q), C, reg, m=m, numItermax=200_000, stopThr=1e-300)
    header(name, "entropic_partial", p, q, mass=m, reg=reg)
    arr("C", C)
    arr("P", P)
    arr("cost", [np.sum(P * C)])


def center(A):
    return A - A.mean(axis=0, keepdims=True)


def sq_cost(X, Y):
    C = ot.dist(X.T, Y.T)  # squared Euclidean between unit tuning curves (columns)
    return np.maximum(C, 0)


def corr_cost(X, Y):
    Xc, Yc = center(X), center(Y)
    Xn = Xc / np.linalg.norm(Xc, axis=0, keepdims=True)
    Yn = Yc / np.linalg.norm(Yc, axis=0, keepdims=True)
    return np.clip(1.0 - Xn.T @ Yn, 0, 2)


def metric_case(name, X, Y):
    n, p = X.shape
    q = Y.shape[1]
    header(name, "metric", p, q, n=n)
    arr("X", X)
    arr("Y", Y)
    a, b = unif(p), unif(q)
    for label, C in (("sq_raw", sq_cost(X, Y)), ("sq_centered", sq_cost(center(X), center(Y))), ("corr", corr_cost(X, Y))):
        P = ot.emd(a, b, C, numItermax=10_000_000)
        arr(f"soft_{label}", [np.sum(P * C)])
        for m in (0.3, 0.6):
            Pp = ot.partial.partial_wasserstein(a, b, C, m=m, numItermax=10_000_000)
            arr(f"partial_{label}_{m}", [np.sum(Pp * C)])
        Ps = ot.bregman.sinkhorn_log(a, b, C, 0.5 * np.median(C), numItermax=200_000, stopThr=1e-14)
        arr(f"sinkhorn_{label}_halfmedian", [np.sum(Ps * C), 0.5 * np.median(C)])


print(f"# POT {ot.__version__}, numpy {np.__version__}; seed 20260301")
emd_case("emd_6x6", rng.random((6, 6)))
emd_case("emd_5x9", rng.random((5, 9)))
emd_case("emd_9x4", rng.random((9, 4)))
emd_case("emd_30x30", rng.random((30, 30)))
emd_case("emd_40x25", rng.random((40, 25)))
emd_case("emd_ties_12x8", rng.integers(0, 4, (12, 8)).astype(float), with_plan=False)
emd_case("emd_ties_20x20", rng.integers(0, 3, (20, 20)).astype(float), with_plan=False)
C = rng.random((8, 10))
for m in (0.3, 0.6, 0.95):
    partial_case(f"partial_8x10_m{m}", C, m)
C = rng.random((20, 15))
for m in (0.25, 0.5, 0.8):
    partial_case(f"partial_20x15_m{m}", C, m)
C = rng.random((6, 8))
for reg in (1.0, 0.1, 0.02):
    sinkhorn_case(f"sinkhorn_6x8_reg{reg}", C, reg)
C = rng.random((7, 5))
for reg, m in ((1.0, 0.5), (0.2, 0.7)):
    entropic_partial_case(f"entropic_partial_7x5_reg{reg}_m{m}", C, reg, m)
X = rng.standard_normal((12, 5))
Y = np.hstack([X[:, [2, 0]], rng.standard_normal((12, 5))]) + 0.3 * rng.standard_normal((12, 7))
metric_case("metric_12x5_vs_12x7", X, Y)
X = rng.standard_normal((40, 16))
Y = X @ rng.standard_normal((16, 11)) / 4 + 0.5 * rng.standard_normal((40, 11))
metric_case("metric_40x16_vs_40x11", X, Y)
