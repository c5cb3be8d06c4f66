#!/bin/sh
# Runs the dense JMH benchmarks and prints the GFLOP/s table (benchmarks/README.md).
# Build first: mvn -B -q -o -pl benchmarks -am -DskipTests install   (or just -pl benchmarks package)
# Arguments go to org.myelin.benchmarks.DenseTable: benchmark regexes and -p name=v1,v2.
#   benchmarks/run.sh                               everything (about 15 minutes on 2 cores)
#   benchmarks/run.sh GemmBenchmark -p n=2048       one group, one size
# Plain JMH (its own options and output): JMH=1 benchmarks/run.sh -h
set -e
here=$(cd "$(dirname "$0")" && pwd -P)
if [ ! -d "$here/target/lib" ] || [ ! -d "$here/target/classes/META-INF" ]; then
  echo "run.sh: $here/target/lib or the compiled benchmarks are missing; build with: mvn -B -q -o -pl benchmarks package" >&2
  exit 2
fi
if [ -n "$JAVA_HOME" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
main=org.myelin.benchmarks.DenseTable
if [ -n "$JMH" ]; then main=org.openjdk.jmh.Main; fi
exec "$JAVA" -cp "$here/target/classes:$here/target/lib/*" \
  -Dorg.bytedeco.javacpp.cachedir="$here/target/javacpp-cache" $main "$@"
