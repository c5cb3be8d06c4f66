"""Markdown table of a benchmarks/snn/run.sh results file (JSON lines).

One row per (workload, batch, threads) Myelin measurement, with the best plain-PyTorch variant
of the same workload, batch and thread count from the same file (best = highest median
samples/s), and the ratio of the medians. Usage: python3 table.py RESULTS.jsonl
"""
import json
import sys


def fmt(s):
    return "%.0f [%.0f-%.0f]" % (s["median"], s["min"], s["max"]) if s["median"] >= 100 else \
        "%.1f [%.1f-%.1f]" % (s["median"], s["min"], s["max"])


torch = {}
rows = []
for line in open(sys.argv[1]):
    line = line.strip()
    if not line:
        continue
    d = json.loads(line)
    if d.get("peer") == "torch_plain":
        threads = d["env"]["torch_num_threads"]
        for r in d["results"]:
            if "error" in r:
                continue
            key = (r["workload"], r["batch"], threads)
            r["loadavg"] = d["loadavg_before"][0]
            if key not in torch or r["samples_per_s"]["median"] > torch[key]["samples_per_s"]["median"]:
                torch[key] = r
    elif d.get("bench") == "snn":
        rows.append(d)

print("| workload | batch | threads | Myelin samples/s, median [min-max] | per CPU-s | torch plain best variant, samples/s | per CPU-s | ratio (median) | hidden / output spikes per neuron-step (Myelin; torch) | backend | load 1 min (Myelin; torch) |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for d in rows:
    key = (d["workload"], d["batch"], d["threads"])
    t = torch.get(key)
    a = d["activity"]
    act = "%.4f / %.4f" % (a["hidden_spikes_per_neuron_step"], a["output_spikes_per_neuron_step"])
    if t:
        ta = t["activity"]
        act += "; %.4f / %.4f" % (ta["hidden_spikes_per_neuron_step"], ta["output_spikes_per_neuron_step"])
        ratio = "%.1fx" % (d["samples_per_s"]["median"] / t["samples_per_s"]["median"])
        tcol = "%s (%s)" % (fmt(t["samples_per_s"]), t["variant"])
        tcpu = "%.0f" % t["samples_per_cpu_s"]["median"]
        tload = "%.1f" % t["loadavg"]
    else:
        ratio = tcol = tcpu = tload = "-"
    print("| %s | %d | %d | %s | %.0f | %s | %s | %s | %s | %s | %.1f; %s |" % (
        d["workload"].upper(), d["batch"], d["threads"], fmt(d["samples_per_s"]), d["samples_per_cpu_s"]["median"],
        tcol, tcpu, ratio, act, d["dense_backend"], d["loadavg_before"][0], tload))

# thread scaling of Myelin
by = {(d["workload"], d["batch"], d["threads"]): d for d in rows}
lines = []
for (w, b, th), d in sorted(by.items()):
    if th == 2 and (w, b, 1) in by:
        one = by[(w, b, 1)]["samples_per_s"]["median"]
        lines.append("%s batch %d: 2 threads / 1 thread = %.2f" % (w.upper(), b, d["samples_per_s"]["median"] / one))
if lines:
    print()
    for l in lines:
        print("- " + l)
