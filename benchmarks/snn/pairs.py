"""Ratios of interleaved 1-/2-thread pairs of `myelin bench snn --json` lines (same workload and
batch, one after the other), as benchmarks/snn/README.md reports them.

    python3 benchmarks/snn/pairs.py RESULTS.jsonl [--min-cpu-over-wall 1.75]

A pair counts as clean when the 2-thread run's median CPU time / wall time is at least the given
value (both cores were ours; another tenant's process on one core shows as ~1.0-1.4).
"""
import json
import statistics
import sys


def main(path, min_cw):
    rows = [json.loads(l) for l in open(path) if l.startswith('{"bench"')]
    pending, ratios, clean = {}, {}, {}
    for d in rows:
        key = (d["workload"], d["batch"])
        pending.setdefault(key, []).append(d)
        if len(pending[key]) < 2:
            continue
        a, b = pending.pop(key)
        one, two = (a, b) if a["threads"] == 1 else (b, a)
        r = two["samples_per_s"]["median"] / one["samples_per_s"]["median"]
        cw = two["cpu_time_over_wall"]["median"]
        ok = cw >= min_cw
        ratios.setdefault(key, []).append(r)
        if ok:
            clean.setdefault(key, []).append(r)
        print(f'{key[0]} batch {key[1]}: 1 thread {one["samples_per_s"]["median"]:.0f}, 2 threads '
              f'{two["samples_per_s"]["median"]:.0f} (cpu/wall {cw:.2f}), ratio {r:.2f}, load '
              f'{one["loadavg_before"][0]}-{two["loadavg_before"][0]}{"" if ok else "  [other load on a core]"}')
    for key in sorted(ratios):
        c = clean.get(key, [])
        print(f'{key[0]} batch {key[1]}: all {len(ratios[key])} pairs median {statistics.median(ratios[key]):.2f}; '
              f'clean {len(c)} pairs median {statistics.median(c) if c else float("nan"):.2f} {[round(x, 2) for x in c]}')


if __name__ == "__main__":
    args = sys.argv[1:]
    min_cw = 1.75
    if "--min-cpu-over-wall" in args:
        i = args.index("--min-cpu-over-wall")
        min_cw = float(args[i + 1])
        del args[i:i + 2]
    main(args[0], min_cw)
