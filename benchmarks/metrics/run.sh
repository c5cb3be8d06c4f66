#!/bin/sh
# Side-by-side speed of Myelin's similarity metrics and the numpy/scipy/POT peer
# (../shared/peers/metrics_numpy.py) on the same float64 files, Y = X + noise.
#
#   sh benchmarks/metrics/run.sh [N P] [REPS]      (default 2000 512, 3 rounds)
#
# METRICS=cka,rsa (peer metric names) runs only those; many rounds of one metric (e.g.
# METRICS=cka ... 2000 512 30) give table.py enough pairs for its interval on a near tie.
# Needs: an unpacked distribution (MYELIN, default distributions/myelin-distribution/target/myelin),
# the peer script (PEER, default ../shared/peers/metrics_numpy.py) and a python3 with numpy, scipy
# and POT (PYTHON, default /usr/bin/python3; Debian: python3-numpy python3-scipy python3-pot).
# Each round runs every metric once in Myelin and once in the peer, back to back (which goes
# first alternates by round), so both see the same machine load. Output: one JSON line per
# metric and round on stdout (and in $OUT if set); benchmarks/metrics/table.py turns the lines
# into the README table.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
N=${1:-2000}
P=${2:-512}
REPS=${3:-3}
MYELIN=${MYELIN:-$root/distributions/myelin-distribution/target/myelin}
PEER=${PEER:-$root/../shared/peers/metrics_numpy.py}
PYTHON=${PYTHON:-/usr/bin/python3}
WARMUP=${WARMUP:-1}
OUT=${OUT:-/dev/null}
[ -x "$MYELIN/bin/myelin" ] || { echo "no distribution at $MYELIN (mvn -B -DskipTests install first, or set MYELIN)" >&2; exit 2; }
[ -f "$PEER" ] || { echo "no peer script at $PEER (set PEER)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$PYTHON" - "$N" "$P" "$work" <<'PY'
import sys, numpy as np
n, p, d = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(7)  # the peer's own construction: X ~ N(0,1), Y = X + N(0,1)
X = rng.standard_normal((n, p)); Y = X + rng.standard_normal((n, p))
np.save(d + "/x.npy", X); np.save(d + "/y.npy", Y)
PY
# peer metric name | myelin arguments
cat > "$work/metrics" <<'M'
cka|--metric cka
cka_rbf|--metric cka --param kernel=rbf
rsa|--metric rsa --param rdm=correlation --param compare=spearman
procrustes|--metric procrustes --param alpha=1 --param score=angular
softmatch|--metric soft-matching --param cost=sqeuclidean --param center=false
partial_softmatch|--metric partial-soft-matching --param mass=0.6 --param cost=correlation --param ranking=false
partial_softmatch|--metric partial-soft-matching --param mass=0.6 --param cost=correlation
M
if [ -n "${METRICS:-}" ]; then
  # keep the lines whose peer metric is in the comma-separated list
  awk -F'|' -v keep=",$METRICS," 'index(keep, "," $1 ",") > 0' "$work/metrics" > "$work/kept"
  mv "$work/kept" "$work/metrics"
  [ -s "$work/metrics" ] || { echo "METRICS=$METRICS matches none of: cka cka_rbf rsa procrustes softmatch partial_softmatch" >&2; exit 2; }
fi
mine() {
  # shellcheck disable=SC2086
  "$MYELIN/bin/myelin" compare "$work/x.npy" "$work/y.npy" $args --json --timing --repeat 5 --warmup "$WARMUP" > "$work/mine.json"
}
theirs() {
  "$PYTHON" "$PEER" --x "$work/x.npy" --y "$work/y.npy" --threads 2 --metrics "$peer" > "$work/theirs.json"
}
round=1
while [ "$round" -le "$REPS" ]; do
  while IFS='|' read -r peer args; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    # odd rounds Myelin first, even rounds the peer first: a drift in load favours neither
    if [ $((round % 2)) -eq 1 ]; then mine; theirs; else theirs; mine; fi
    "$PYTHON" - "$N" "$P" "$round" "$peer" "$args" "$load" "$WARMUP" "$work/mine.json" "$work/theirs.json" <<'PY' | tee -a "$OUT"
import sys, json
n, p, rnd, peer, args, load, warm, mine, theirs = sys.argv[1:]
m = json.load(open(mine)); t = json.load(open(theirs))["results"][peer]
print(json.dumps({"shape": [int(n), int(p)], "round": int(rnd), "peer_metric": peer, "myelin_args": args,
                  "loadavg": float(load), "warmup": int(warm),
                  "myelin_s": m["timing"]["compute_s"], "myelin_min_s": m["timing"]["min_s"], "myelin_max_s": m["timing"]["max_s"],
                  "peer_s": t["seconds"]["median"], "peer_min_s": t["seconds"]["min"], "peer_max_s": t["seconds"]["max"],
                  "myelin_value": m["value"], "peer_value": t["value"]}))
PY
  done < "$work/metrics"
  round=$((round + 1))
done
