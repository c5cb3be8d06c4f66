#!/usr/bin/env python3
"""Markdown table from benchmarks/metrics/run.sh output: per metric and shape, the median over
rounds of Myelin's and the peer's median compute seconds, their ratio, and the value agreement."""
import json
import statistics
import sys

rows = {}
for line in (sys.stdin if len(sys.argv) < 2 else open(sys.argv[1])):
    line = line.strip()
    if not line.startswith("{"):
        continue
    r = json.loads(line)
    key = (tuple(r["shape"]), r["peer_metric"], r["myelin_args"])
    rows.setdefault(key, []).append(r)

print("| shape | metric (Myelin arguments) | Myelin s | peer s | peer / Myelin | values agree to | load |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for (shape, peer, args), rs in rows.items():
    mine = statistics.median(r["myelin_s"] for r in rs)
    theirs = statistics.median(r["peer_s"] for r in rs)
    diff = max(abs(r["myelin_value"] - r["peer_value"]) / max(abs(r["peer_value"]), 1e-300) for r in rs)
    loads = [r["loadavg"] for r in rs]
    print(f"| {shape[0]} x {shape[1]} | `{args}` | {mine:.3f} | {theirs:.3f} | {theirs / mine:.2f}x | "
          f"{diff:.0e} relative | {min(loads):.1f}-{max(loads):.1f} |")
