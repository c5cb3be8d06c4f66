#!/usr/bin/env python3
"""Markdown table from benchmarks/metrics/run.sh output: per metric and shape, the median over
rounds of Myelin's and the peer's median compute seconds, their ratio, how many rounds Myelin
won, a 95 % interval for the median of the per-round ratios, and the value agreement.

The interval is the distribution-free one of the sign test (order statistics of the per-round
ratios peer_s / myelin_s at the binomial(N, 1/2) ranks): it assumes only that rounds are
independent, not that the machine's noise is normal. An interval that contains 1 is a tie at
that number of rounds; one above 1 says Myelin is faster. With fewer than 6 rounds no 95 %
interval exists and the column shows a dash."""
import json
import math
import statistics
import sys


def median_interval(values, level=0.95):
    """(low, high) order statistics bracketing the median with at least `level` coverage, or None."""
    v = sorted(values)
    n = len(v)
    cdf = 0.0
    # largest k with P(Bin(n, 1/2) < k) <= (1 - level) / 2: the interval is [v[k-1], v[n-k]]
    k = 0
    for i in range(n + 1):
        cdf += math.comb(n, i) / 2 ** n
        if cdf > (1 - level) / 2:
            break
        k = i + 1
    if k < 1:
        return None
    return v[k - 1], v[n - k]


rows = {}
for line in (sys.stdin if len(sys.argv) < 2 else open(sys.argv[1])):
    line = line.strip()
    if not line.startswith("{"):
        continue
    r = json.loads(line)
    key = (tuple(r["shape"]), r["peer_metric"], r["myelin_args"])
    rows.setdefault(key, []).append(r)

print("| shape | metric (Myelin arguments) | Myelin s | peer s | peer / Myelin | Myelin faster | "
      "per-round ratio, median [95 %] | values agree to | load |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for (shape, peer, args), rs in rows.items():
    mine = statistics.median(r["myelin_s"] for r in rs)
    theirs = statistics.median(r["peer_s"] for r in rs)
    ratios = [r["peer_s"] / r["myelin_s"] for r in rs]
    wins = sum(1 for x in ratios if x > 1)
    ci = median_interval(ratios)
    interval = f"{statistics.median(ratios):.2f} [{ci[0]:.2f}, {ci[1]:.2f}]" if ci else f"{statistics.median(ratios):.2f} [-]"
    diff = max(abs(r["myelin_value"] - r["peer_value"]) / max(abs(r["peer_value"]), 1e-300) for r in rs)
    loads = [r["loadavg"] for r in rs]
    print(f"| {shape[0]} x {shape[1]} | `{args}` | {mine:.3f} | {theirs:.3f} | {theirs / mine:.2f}x | "
          f"{wins} of {len(rs)} | {interval} | {diff:.0e} relative | {min(loads):.1f}-{max(loads):.1f} |")
