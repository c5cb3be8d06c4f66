#!/usr/bin/env bash
# User-level checks of the unpacked distribution (issue 2 "done when" list). Run after
# `mvn -B verify` (or install). Prints one line per check and "N passed, M failed" at the end.
set -u
root="$(cd "$(dirname "$0")/.." && pwd)"
tarball=$(ls "$root"/distributions/myelin-distribution/target/myelin-*.tar.gz | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
home=$(ls -d "$work"/myelin-*)
cd "$work"   # run from a folder that is not the distribution's, to prove it does not matter
pass=0; fail=0
check() { # name expected-exit actual-exit [extra-condition-result]
  if [ "$2" = "$3" ] && [ "${4:-0}" = 0 ]; then echo "ok   $1"; pass=$((pass+1)); else echo "FAIL $1 (expected exit $2, got $3)"; fail=$((fail+1)); fi
}
M="$home/bin/myelin"

"$M" --version >/dev/null; check "--version" 0 $?
"$M" --help | grep -q "Exit codes"; check "--help lists exit codes" 0 $?

out=$("$M" run "$home/examples/quickstart.yaml" --json 2>run.err); rc=$?
echo "$out" > run.json
acc=$(python3 -c 'import json,sys; print(json.load(open("run.json"))["test_accuracy"])' 2>/dev/null || echo 0)
good=$(python3 -c "print(0 if float('$acc') >= 0.85 else 1)")
check "quickstart finishes, test_accuracy=$acc >= 0.85" 0 $rc $good
id=$(python3 -c 'import json; print(json.load(open("run.json"))["run_id"])' 2>/dev/null || echo 0)
"$M" runs show "$id" --json > show.json; rc=$?
python3 - <<'PY'; c=$?
import json, sys
r = json.load(open("show.json"))
assert r["status"] == "FINISHED", r["status"]
assert r["params"] and r["metrics"]["test_accuracy"] >= 0.85
assert len(r["spec_hash"]) == 64 and r["seed"] == 42
assert any(b["symbolic_name"] == "neuron-lif" and len(b["sha256"]) == 64 for b in r["bundles"])
PY
check "runs show --json: FINISHED with params, metrics, seed, spec hash, bundles" 0 $rc $c
"$M" runs list --json | python3 -c 'import json,sys; r=json.load(sys.stdin)["runs"]; sys.exit(0 if r and r[0]["status"]=="FINISHED" else 1)'
check "runs list --json shows the run" 0 $?

printf 'experiment: x\ndata: { plugin: ucr\nmodel: []\n' > bad.yaml
"$M" run bad.yaml 2>err.txt; rc=$?
grep -q "bad.yaml:3:" err.txt; check "malformed spec exits 3 naming file and line" 3 $rc $?
sed 's/neuron: lif/neuron: lfi/' "$home/examples/quickstart.yaml" > "$home/examples/unknown.yaml"
"$M" run "$home/examples/unknown.yaml" 2>err.txt; rc=$?
grep -q "lif" err.txt; check "unknown neuron exits 4 listing lif" 4 $rc $?
"$M" run does-not-exist.yaml 2>/dev/null; check "missing spec exits 3" 3 $?

# kill -9 after "run <id> started": the run is INTERRUPTED at the next start
"$M" run "$home/examples/quickstart.yaml" --set model.layers.0.size=5000 > killed.out 2>&1 &
pid=$!
for _ in $(seq 1 200); do grep -q "started" killed.out && break; sleep 0.1; done
kid=$(sed -n 's/^run \([0-9]*\) started.*/\1/p' killed.out)
java_pid=$(pgrep -P $pid java || echo $pid)
kill -9 $java_pid $pid 2>/dev/null; wait $pid 2>/dev/null
status=$("$M" runs show "$kid" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
[ "$status" = INTERRUPTED ]; check "kill -9 after 'run $kid started' -> INTERRUPTED (got $status)" 0 0 $?

echo "$pass passed, $fail failed"
[ $fail = 0 ]
