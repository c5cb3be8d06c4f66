"""Reference values for OptimizerTest, from PyTorch (Debian python3-torch 1.13.1, float32 tensors).

Run: /usr/bin/python3 torch_reference.py > torch_reference.json
Parameters start at P0; the gradient of step t (1-based), element j, is
float32(sin(0.7 * t + j) * (j + 1)), which the Java test recomputes the same way.
"""
import json
import math

import torch

P0 = [0.5, -1.2, 2.0, 0.0, 3.0]
STEPS = 5


def grad(t):
    return torch.tensor([math.sin(0.7 * t + j) * (j + 1) for j in range(len(P0))], dtype=torch.float32)


def run(make):
    p = torch.nn.Parameter(torch.tensor(P0, dtype=torch.float32))
    opt = make([p])
    out = []
    for t in range(1, STEPS + 1):
        opt.zero_grad()
        p.grad = grad(t)
        opt.step()
        out.append([float(x) for x in p.detach()])
    return out


res = {
    "adam": run(lambda ps: torch.optim.Adam(ps, lr=0.01)),
    "adam_l2": run(lambda ps: torch.optim.Adam(ps, lr=0.01, weight_decay=0.1)),
    "adamw": run(lambda ps: torch.optim.AdamW(ps, lr=0.01, weight_decay=0.1)),
    "sgd": run(lambda ps: torch.optim.SGD(ps, lr=0.1)),
    "sgd_momentum": run(lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9)),
    "sgd_nesterov_wd": run(lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)),
}

a = torch.nn.Parameter(torch.zeros(2))
b = torch.nn.Parameter(torch.zeros(1))
a.grad = torch.tensor([3.0, 4.0])
b.grad = torch.tensor([12.0])
norm = torch.nn.utils.clip_grad_norm_([a, b], max_norm=5.0)
res["clip"] = {"norm": float(norm), "a": [float(x) for x in a.grad], "b": [float(x) for x in b.grad]}


def lrs(make_sched, n, momentum=False):
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.Adam([p], lr=0.1)
    sched = make_sched(opt)
    out, mom = [], []
    for _ in range(n):
        out.append(opt.param_groups[0]["lr"])
        mom.append(opt.param_groups[0]["betas"][0])
        p.grad = torch.zeros(1)
        opt.step()
        sched.step()
    return {"lr": out, "momentum": mom} if momentum else out


res["step_lr"] = lrs(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5), 10)
res["cosine"] = lrs(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=10, eta_min=0.001), 12)
res["one_cycle"] = lrs(lambda o: torch.optim.lr_scheduler.OneCycleLR(o, max_lr=0.01, total_steps=20), 20, momentum=True)
print(json.dumps(res, indent=1))
