#!/usr/bin/env bash
# User-level checks of the unpacked distribution (issue 2 "done when" list). Run after
# `mvn -B install`: the third-party plugin check builds a project from the installed
# myelin-plugin-archetype against the installed myelin-api and myelin-testkit, offline.
# Prints one line per check and "N passed, M failed" at the end.
set -u
root="$(cd "$(dirname "$0")/.." && pwd)"
tarball=$(ls "$root"/distributions/myelin-distribution/target/myelin-*.tar.gz | head -1)
work=$(mktemp -d)
console_pid=""
trap '[ -n "$console_pid" ] && kill "$console_pid" 2>/dev/null; rm -rf "$work"' EXIT
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

# A lab's own plugin: generate it from the archetype, build it offline (its contract tests run),
# drop it into deploy/ of a running console, see it listed, delete it, see it gone.
version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
mkdir -p "$work/gen"
(cd "$work/gen" && mvn -B -q -o org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate \
  -DarchetypeGroupId=org.myelin -DarchetypeArtifactId=myelin-plugin-archetype -DarchetypeVersion="$version" \
  -DgroupId=org.example.lab -DartifactId=smoke-metric -Dversion=1.0.0 -Dpackage=org.example.lab > "$work/gen.log" 2>&1)
rc=$?; [ $rc = 0 ] || tail -20 "$work/gen.log"
check "archetype generates a standalone plugin project" 0 $rc
(cd "$work/gen/smoke-metric" && mvn -B -q -o package > "$work/plugin-build.log" 2>&1); rc=$?
plugin_jar="$work/gen/smoke-metric/target/smoke-metric-1.0.0.jar"
[ $rc = 0 ] || tail -30 "$work/plugin-build.log"
[ -f "$plugin_jar" ]; check "generated plugin builds offline with its contract tests" 0 $rc $?

# The console reads commands from a FIFO (CI has no TTY: JLine falls back to a dumb terminal and
# still runs them); its output is appended to a file that is emptied before each command.
mkfifo "$work/console.in"
: > "$work/console.out"
"$M" console < "$work/console.in" >> "$work/console.out" 2>&1 &
console_pid=$!
exec 3> "$work/console.in"
waited=0
until grep -q 'g!' "$work/console.out" || [ $waited -ge 600 ]; do sleep 0.1; waited=$((waited+1)); done
console_plugins() { # prints the console's answer to myelin:plugins
  : > "$work/console.out"
  echo 'myelin:plugins' >&3
  local n=0
  until grep -q 'DESCRIPTION\|no plugins registered' "$work/console.out" || [ $n -ge 50 ]; do sleep 0.1; n=$((n+1)); done
  sleep 0.2
  cat "$work/console.out"
}
listed() { console_plugins | grep -Eq '^metric +smoke-metric +1\.0\.0 +smoke-metric +active'; }
await_plugin() { # present|absent, within 30 s; sets $took to the seconds it took
  local start=$(date +%s)
  while :; do
    if listed; then [ "$1" = present ] && break; else [ "$1" = absent ] && break; fi
    [ $(( $(date +%s) - start )) -ge 30 ] && { took=timeout; return 1; }
    sleep 0.3
  done
  took=$(( $(date +%s) - start ))
}
grep -q 'g!' "$work/console.out"; check "console starts with stdin from a FIFO (g! prompt within 60 s)" 0 $?
listed; check "the running console does not list smoke-metric before the drop" 1 $?
cp "$plugin_jar" "$home/deploy/smoke-metric.jar.part" && mv "$home/deploy/smoke-metric.jar.part" "$home/deploy/smoke-metric.jar"
await_plugin present; check "jar dropped into deploy/ is listed by the running console (${took} s)" 0 $?
rm -f "$home/deploy/smoke-metric.jar"
await_plugin absent; check "deleted jar is gone from the running console (${took} s)" 0 $?
echo 'exit 0' >&3
exec 3>&-
n=0; while kill -0 "$console_pid" 2>/dev/null && [ $n -lt 200 ]; do sleep 0.1; n=$((n+1)); done
if kill -0 "$console_pid" 2>/dev/null; then rc=timeout; else wait "$console_pid"; rc=$?; fi
console_pid=""
check "console leaves with 'exit 0'" 0 $rc

echo "$pass passed, $fail failed"
[ $fail = 0 ]
