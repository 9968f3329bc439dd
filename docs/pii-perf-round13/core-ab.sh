#!/bin/bash
# Round 13: round 4's core replay (docs/pii-perf-core4/ReplayWork.java: the detectors' recorded contextWords calls and
# candidates replayed through PiiAnalyzer.analyze: normalize, index, context words, candidates, resolution, findings),
# base jar against the worktree in one JVM (AB.java, two class loaders), with the scan's JIT flags and BASE from env.
# usage: docs/pii-perf-round13/core-ab.sh <worktree> <rounds> [fields]   (env BASE=<base benchmarks jar>)
set -e
D=$(cd "$(dirname "$0")/../pii-perf-core4" && pwd)
WT=$1; R=${2:-10}; T=$(mktemp -d)
mkdir -p "$T/w" "$T/h" "$T/cls"
javac -proc:none -cp "$BASE" -d "$T/w" $D/ReplayWork.java
javac -proc:none -d "$T/h" $D/../../bench/perf-tools/AB.java
javac -proc:none -nowarn -cp "$BASE" -d "$T/cls" $(find "$WT/pii/src/main/java" -name '*.java')
cp -r "$WT"/pii/src/main/resources/* "$T/cls/" 2>/dev/null || true
F=""; [ -n "$3" ] && F="-Dfields=$3"
java -Xmx2g -XX:InlineSmallCode=500 -XX:MaxInlineLevel=4 -XX:FreqInlineSize=60 -XX:LoopUnrollLimit=16 -XX:TypeProfileLevel=0 \
  -Dwork=ReplayWork $F -cp "$T/h" AB "$BASE" "$T/cls" "$R" "$T/w"
rm -rf "$T"
