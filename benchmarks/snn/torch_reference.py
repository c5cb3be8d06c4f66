"""Adds the PyTorch reference to a folder written by `myelin bench snn --dump DIR`.

The folder holds pool batch 0 of the bench (inputs.npy [T, B, 700] 0/1, labels.npy [B]) and the
bench's initial weights (W0 [256, 700], b0, W1 [20, 256], b1, PyTorch layout). This script runs
the peers' own plain-PyTorch W1/W2 model (`PlainSNN` and `FastSigmoidSpike` from
peers/w12_torch_plain.py, `loop` variant) on them in float64, and writes

  logits.npy, dW0.npy, db0.npy, dW1.npy, db1.npy   float64: the W2 forward and backward
  adam_W1.npy, adam_b0.npy, adam_b1.npy             float64: the same parameters after one
                                                    torch.optim.Adam(lr=1e-3) step
  fixture.json                                      "expected" (loss, logits, grads), the
                                                    tolerance and "generated" filled in

so that `myelin gradcheck DIR` compares the engine with it (format myelin-bptt-fixture/1).
It also prints the float32 forward's logits difference and the smallest distance of any
membrane to the threshold (a tie closer than float32 rounding could flip a spike).

Usage: /usr/bin/python3 benchmarks/snn/torch_reference.py DIR [--peers ../shared/peers]
Needs python3-torch and python3-numpy (Debian packages).
"""
import argparse
import json
import os
import sys

import numpy as np

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("dir")
ap.add_argument("--peers", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "peers"))
args = ap.parse_args()
sys.path.insert(0, os.path.abspath(args.peers))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

import _snn_common as C  # noqa: E402
from w12_torch_plain import PlainSNN  # noqa: E402

d = args.dir
x = np.load(os.path.join(d, "inputs.npy"))
y = np.load(os.path.join(d, "labels.npy")).astype(np.int64)
params = {k: np.load(os.path.join(d, k + ".npy")) for k in ("W0", "b0", "W1", "b1")}


def model(dtype):
    m = PlainSNN(hoisted=False).to(dtype)
    with torch.no_grad():
        m.fc1.weight.copy_(torch.from_numpy(params["W0"]))
        m.fc1.bias.copy_(torch.from_numpy(params["b0"]))
        m.fc2.weight.copy_(torch.from_numpy(params["W1"]))
        m.fc2.bias.copy_(torch.from_numpy(params["b1"]))
    return m


def margin(m, xt):
    """Smallest |U - threshold| over both layers and all steps (forward of the peer model)."""
    beta, thr = C.BETA, C.THRESHOLD
    T, B, _ = xt.shape
    u1 = xt.new_zeros(B, C.N_HID); s1 = xt.new_zeros(B, C.N_HID)
    u2 = xt.new_zeros(B, C.N_OUT); s2 = xt.new_zeros(B, C.N_OUT)
    best = float("inf")
    with torch.no_grad():
        for t in range(T):
            u1 = beta * u1 + m.fc1(xt[t]) - thr * s1
            s1 = (u1 > thr).to(xt.dtype)
            u2 = beta * u2 + m.fc2(s1) - thr * s2
            s2 = (u2 > thr).to(xt.dtype)
            best = min(best, float((u1 - thr).abs().min()), float((u2 - thr).abs().min()))
    return best


m = model(torch.float64)
xt = torch.from_numpy(x.astype(np.float64))
yt = torch.from_numpy(y)
logits = m(xt)
loss = F.cross_entropy(logits, yt)
loss.backward()
names = {"W0": m.fc1.weight, "b0": m.fc1.bias, "W1": m.fc2.weight, "b1": m.fc2.bias}
np.save(os.path.join(d, "logits.npy"), logits.detach().numpy())
for k, p in names.items():
    np.save(os.path.join(d, "d" + k + ".npy"), p.grad.numpy())
opt = torch.optim.Adam(m.parameters(), lr=C.LR)
opt.step()
for k in ("W1", "b0", "b1"):
    np.save(os.path.join(d, "adam_" + k + ".npy"), names[k].detach().numpy())

m32 = model(torch.float32)
with torch.no_grad():
    l32 = m32(torch.from_numpy(x.astype(np.float32))).double().numpy()
gap = margin(m, xt)

fx = json.load(open(os.path.join(d, "fixture.json")))
fx["expected"] = {"loss": float(loss), "logits": "logits.npy",
                  "grads": {k: "d" + k + ".npy" for k in names},
                  "after_one_adam_step": {k: "adam_" + k + ".npy" for k in ("W1", "b0", "b1")}}
fx["tolerance"] = {"abs": 1e-4, "rel": 1e-3, "rule": "max|got-exp| <= abs + rel*max|exp|, per array"}
fx["generated"] = {"by": "PyTorch %s, float64 autograd, peers/w12_torch_plain.py PlainSNN (loop)" % torch.__version__,
                   "inputs_and_weights": "myelin bench snn --dump (pool batch 0)",
                   "min_margin_to_threshold": gap,
                   "float32_forward_max_abs_logit_diff": float(np.abs(l32 - logits.detach().numpy()).max())}
with open(os.path.join(d, "fixture.json"), "w") as f:
    json.dump(fx, f, indent=1)
print(json.dumps({"loss": float(loss), "min_margin_to_threshold": gap,
                  "float32_vs_float64_logits": fx["generated"]["float32_forward_max_abs_logit_diff"]}))
