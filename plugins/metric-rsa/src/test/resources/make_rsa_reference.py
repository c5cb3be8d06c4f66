"""Reference values for the rsa metric plugin, computed independently of the Java code.

rsatoolbox itself is not installable here, so its definitions (rsagroup/rsatoolbox f1f83cad,
rdm/calc.py and rdm/compare.py, as written down in science/metrics.md section 3) are
transcribed below in plain numpy/scipy; rank statistics come from scipy.stats (rankdata,
kendalltau) and tau-a from its O(N^2) definition. Run from this folder:

    python3 make_rsa_reference.py     # writes rsa_*.csv, rsa_*.txt and rsa_reference.properties
"""
import numpy as np
from scipy.stats import rankdata, kendalltau


def triu(m):
    return m[np.triu_indices(m.shape[0], k=1)]


def rdm_euclidean(x):
    s = np.sum(x * x, axis=1, keepdims=True)
    return triu(s + s.T - 2 * x @ x.T) / x.shape[1]


def rdm_correlation(x):
    ma = x - x.mean(axis=1, keepdims=True)
    ma /= np.sqrt(np.einsum('ij,ij->i', ma, ma))[:, None]
    return 1 - triu(ma @ ma.T)


def condition_means(x, cond):
    labels = np.unique(cond)
    return np.array([x[cond == c].mean(axis=0) for c in labels])


def rdm_crossnobis(x, cond, folds, precision=None):
    p = x.shape[1]
    precision = np.eye(p) if precision is None else precision
    rdms = []
    for f in np.unique(folds):
        a = condition_means(x[folds != f], cond[folds != f])
        b = condition_means(x[folds == f], cond[folds == f])
        k = a @ precision @ b.T
        d = np.diag(k)[:, None] + np.diag(k)[None, :] - k - k.T
        rdms.append(triu(d) / p)
    return np.mean(rdms, axis=0)


def cosine(a, b):
    return a @ b / np.sqrt((a @ a) * (b @ b))


def pearson(a, b):
    return cosine(a - a.mean(), b - b.mean())


def spearman(a, b):
    return pearson(rankdata(a), rankdata(b))


def rho_a(a, b):
    ra, rb = rankdata(a), rankdata(b)
    n = a.size
    return (ra - ra.mean()) @ (rb - rb.mean()) / (n ** 3 - n) * 12


def tau_a(a, b):
    sa = np.sign(a[:, None] - a[None, :])
    sb = np.sign(b[:, None] - b[None, :])
    n = a.size
    return np.sum(np.triu(sa * sb, 1)) / (n * (n - 1) / 2)


def tau_b(a, b):
    return kendalltau(a, b).statistic


def square(v):
    n = int(round((1 + np.sqrt(1 + 8 * v.size)) / 2))
    d = np.zeros((n, n))
    d[np.triu_indices(n, 1)] = v
    return d + d.T


def whitened_cosine(a, b):
    da, db = square(a), square(b)
    n = da.shape[0]
    h = np.eye(n) - np.ones((n, n)) / n
    ga, gb = h @ da @ h, h @ db @ h
    return np.sum(ga * gb) / np.sqrt(np.sum(ga * ga) * np.sum(gb * gb))


COMPARE = {"spearman": spearman, "pearson": pearson, "cosine": cosine, "whitened-cosine": whitened_cosine,
           "kendall-tau-a": tau_a, "kendall-tau-b": tau_b, "rho-a": rho_a}


def save(name, m, fmt="%.17g"):
    np.savetxt(name, m, fmt=fmt, delimiter=",")


rng = np.random.default_rng(424242)
x = rng.standard_normal((30, 12))
y = x @ rng.standard_normal((12, 9)) * 0.4 + rng.standard_normal((30, 9))
save("rsa_x_30x12.csv", x)
save("rsa_y_30x9.csv", y)
# small integers: many tied distances
xi = rng.integers(0, 3, (16, 5)).astype(float)
yi = rng.integers(0, 3, (16, 4)).astype(float)
save("rsa_ties_x_16x5.csv", xi, "%d")
save("rsa_ties_y_16x4.csv", yi, "%d")
# crossnobis: 7 conditions x 3 folds in shuffled order, 10 channels, plus a noise precision
cond = np.tile(np.arange(7) * 10 + 3, 3)
folds = np.repeat([1, 2, 5], 7)
order = rng.permutation(21)
cond, folds = cond[order], folds[order]
truth = rng.standard_normal((7, 10))
cx = truth[(cond - 3) // 10] + 0.7 * rng.standard_normal((21, 10))
cy = (truth @ rng.standard_normal((10, 10)))[(cond - 3) // 10] * 0.3 + rng.standard_normal((21, 10))
save("rsa_cv_x_21x10.csv", cx)
save("rsa_cv_y_21x10.csv", cy)
np.savetxt("rsa_cv_conditions.txt", cond, fmt="%d")
np.savetxt("rsa_cv_folds.txt", folds, fmt="%d")
w = rng.standard_normal((10, 10))
precision = np.linalg.inv(w @ w.T / 10 + np.eye(10))
save("rsa_cv_precision_10x10.csv", precision)

ref = {}
rdms = {"euclidean": rdm_euclidean, "correlation": rdm_correlation}
for tag, (a, b) in {"gauss": (x, y), "ties": (xi, yi)}.items():
    for rname, rdm in rdms.items():
        if tag == "ties" and rname == "correlation":
            continue  # constant rows: 0/0 (rejected by the plugin, see ties.constant_row_x)
        ra, rb = rdm(a), rdm(b)
        ref["%s.%s.rdm_x.sum" % (tag, rname)] = ra.sum()
        ref["%s.%s.rdm_x.0" % (tag, rname)] = ra[0]
        ref["%s.%s.rdm_x.last" % (tag, rname)] = ra[-1]
        for cname, f in COMPARE.items():
            ref["%s.%s.%s" % (tag, rname, cname)] = f(ra, rb)
ref["ties.constant_row_x"] = int(np.flatnonzero(xi.std(axis=1) == 0)[0])
ca = rdm_crossnobis(cx, cond, folds)
cb = rdm_crossnobis(cy, cond, folds)
ref["cv.crossnobis.rdm_x.0"] = ca[0]
ref["cv.crossnobis.rdm_x.last"] = ca[-1]
ref["cv.crossnobis.rdm_x.min"] = ca.min()
ref["cv.crossnobis.rdm_x.sum"] = ca.sum()
for cname, f in COMPARE.items():
    ref["cv.crossnobis." + cname] = f(ca, cb)
pa = rdm_crossnobis(cx, cond, folds, precision)
pb = rdm_crossnobis(cy, cond, folds, precision)
ref["cv.crossnobis_noise.rdm_x.0"] = pa[0]
ref["cv.crossnobis_noise.rdm_x.sum"] = pa.sum()
ref["cv.crossnobis_noise.spearman"] = spearman(pa, pb)
ref["cv.crossnobis_noise.pearson"] = pearson(pa, pb)
# euclidean / correlation RDM of the condition means (rows averaged per condition)
ref["cv.euclidean_means.pearson"] = pearson(rdm_euclidean(condition_means(cx, cond)),
                                            rdm_euclidean(condition_means(cy, cond)))
# rotation changes the correlation RDM (metrics.md 3.3) but not the euclidean one
q, _ = np.linalg.qr(rng.standard_normal((12, 12)))
save("rsa_rotation_12x12.csv", q)
ref["gauss.correlation.spearman.rotated_x"] = spearman(rdm_correlation(x @ q), rdm_correlation(y))
ref["gauss.euclidean.spearman.rotated_x"] = spearman(rdm_euclidean(x @ q), rdm_euclidean(y))

with open("rsa_reference.properties", "w") as f:
    f.write("# generated by make_rsa_reference.py with numpy %s, scipy; do not edit\n" % np.__version__)
    for k, v in ref.items():
        f.write("%s=%r\n" % (k, float(v)))
for k, v in ref.items():
    print(k, v)
