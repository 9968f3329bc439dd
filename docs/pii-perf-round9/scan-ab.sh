#!/bin/bash
# Round 9: the scan-level overlay A/B of bench/perf-tools/README.md ("Scan-level A/B"), base jar and
# the worktree's pii classes compiled onto it, runs interleaved.
# usage: docs/pii-perf-round9/scan-ab.sh <base benchmarks jar> <worktree> [pairs=3]
set -e
BASE=$1; WT=$2; P=${3:-3}
E="-XX:InlineSmallCode=500 -XX:MaxInlineLevel=4 -XX:FreqInlineSize=60 -XX:LoopUnrollLimit=16 -XX:TypeProfileLevel=0"
T=$(mktemp -d)
javac -proc:none -nowarn -cp "$BASE" -d $T $(find "$WT/pii/src/main/java" -name '*.java')
cp -r "$WT"/pii/src/main/resources/* $T/
for r in $(seq 1 $P); do
  echo "base:"; java -Xmx2g $E -cp "$BASE" io.leakguard.bench.ScanBench --rows 1000000 --workers 2 --only scan | grep "^| full\|^| *mode\|^|---" | tail -1
  echo "new :"; java -Xmx2g $E -cp $T:"$BASE" io.leakguard.bench.ScanBench --rows 1000000 --workers 2 --only scan | grep "^| full" | tail -1
done
rm -rf $T
