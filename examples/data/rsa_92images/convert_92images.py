"""Converts the 92-image RDMs (Kriegeskorte et al. 2008, distributed with rsatoolbox) ONCE
from MATLAB v5 files into small NPY RDM vectors and writes the batch file pairs.jsonl.

    python3 convert_92images.py /work/shared/datasets/rsa_92images     # scipy, numpy

Every output is a 1 x 4186 float64 array: the upper triangle (i < j, row-major) of a 92 x 92
RDM, which is also MATLAB's squareform order for a symmetric matrix. It also prints the
Spearman and Kendall tau-a values of each comparison from scipy, for checking the Java results.
"""
import json
import os
import sys

import numpy as np
import scipy.io as sio
from scipy.stats import spearmanr

src = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))


def load(name, var):
    return sio.loadmat(os.path.join(src, name), squeeze_me=True, struct_as_record=False)[var]


def triu(m):
    m = np.asarray(m, dtype=np.float64)
    assert m.shape == (92, 92) and np.allclose(m, m.T) and not np.any(np.diag(m))
    return m[np.triu_indices(92, 1)]


def save(name, v):
    v = np.asarray(v, dtype=np.float64).reshape(1, -1)
    assert v.shape == (1, 4186) and np.all(np.isfinite(v))
    np.save(os.path.join(here, name + ".npy"), v)
    return v.ravel()


vectors = {}
for e in load("Kriegeskorte_Neuron2008_supplementalData.mat", "RDMs_mIT_hIT_fig1"):
    name = {"mIT_674neurons": "monkey_IT_674neurons", "hITvisStim_316vx": "human_IT_316voxels"}[e.name]
    vectors[name] = save(name, e.RDM)
# 92_brainRDMs.mat (4 subjects x 2 sessions) is not shipped: the mean of its 8 RDMs ranks the
# pairs exactly as the supplemental human IT RDM does (Spearman 1.0), so it adds nothing here.
brain = load("92_brainRDMs.mat", "RDMs").ravel()
mean = np.mean([triu(b.RDM) for b in brain], axis=0)
print("spearman(mean of 92_brainRDMs, human_IT_316voxels) = %.6f" % spearmanr(mean, vectors["human_IT_316voxels"]).statistic)
models = []
for e in load("92_modelRDMs.mat", "Models"):
    name = "model_" + e.name
    vectors[name] = save(name, triu(e.RDM))
    models.append(name)


def tau_a(a, b):
    sa = np.sign(a[:, None] - a[None, :])
    sb = np.sign(b[:, None] - b[None, :])
    n = a.size
    return np.sum(np.triu(sa * sb, 1)) / (n * (n - 1) / 2)


target = "human_IT_316voxels"
lines = []
for other in ["monkey_IT_674neurons"] + models:
    for method in ("spearman", "kendall-tau-a"):
        lines.append({"id": "%s~%s:%s" % (target, other, method), "x": target + ".npy", "y": other + ".npy",
                      "metric": "rsa", "params": {"input": "rdm", "compare": method}})
        a, b = vectors[target], vectors[other]
        value = spearmanr(a, b).statistic if method == "spearman" else tau_a(a, b)
        print("%-70s %.6f" % (lines[-1]["id"], value))
with open(os.path.join(here, "pairs.jsonl"), "w") as f:
    for line in lines:
        f.write(json.dumps(line) + "\n")
