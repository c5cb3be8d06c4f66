#!/bin/sh
# Side-by-side run of the W1/W2 peer workloads (peers/README.md): plain PyTorch (both variants)
# and `myelin bench snn`, same thread counts, one JSON line per measurement, then the Markdown
# table. Order: torch 1 thread, Myelin 1 thread, Myelin 2 threads, torch 2 threads, so that
# each pair runs back to back.
#
#   sh benchmarks/snn/run.sh [RESULTS.jsonl]
#
# Environment: MYELIN (default: the unpacked distribution under distributions/), PEERS
# (default ../shared/peers), PY (default /usr/bin/python3, the Debian interpreter with
# python3-torch), BATCHES (default "32 1"). Leaves torch's thread environment to the peer script.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
MYELIN=${MYELIN:-$root/distributions/myelin-distribution/target/myelin/bin/myelin}
PEERS=${PEERS:-$root/../shared/peers}
PY=${PY:-/usr/bin/python3}
BATCHES=${BATCHES:-32 1}
out=${1:-$here/results/run-$(date +%Y%m%d-%H%M%S).jsonl}
mkdir -p "$(dirname "$out")"
batches_csv=$(echo $BATCHES | tr ' ' ',')

myelin_rows() {
  for b in $BATCHES; do
    for w in w1 w2; do
      "$MYELIN" bench snn --workload "$w" --batch "$b" --threads "$1" --json >>"$out"
    done
  done
}

echo "load before: $(cat /proc/loadavg)" >&2
"$PY" "$PEERS/w12_torch_plain.py" --threads 1 --batches "$batches_csv" >>"$out"
myelin_rows 1
myelin_rows 2
"$PY" "$PEERS/w12_torch_plain.py" --threads 2 --batches "$batches_csv" >>"$out"
echo "load after: $(cat /proc/loadavg)" >&2
"$PY" "$here/table.py" "$out"
