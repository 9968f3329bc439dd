#!/bin/bash
# Round 8 A/B: like bench/perf-tools/pii-ab.sh, with the scan's JIT flags (engine_jit) built in and
# a choice of workload: Work (every entity) or WorkE (-Dents: only those entity types, minScore 0).
# usage: docs/pii-perf-round8/ab.sh <worktree> <rounds> [Work|WorkE]   (env BASE=<base benchmarks jar>, ENTS=EMAIL_ADDRESS,...;
#        EXTRA="a.java b.java": more workload classes to compile beside them, as round 9's ab.sh passes WorkU)
set -e
WT=$1; R=${2:-10}; W=${3:-Work}; HERE=$(cd "$(dirname "$0")" && pwd); TOOLS=$HERE/../../bench/perf-tools
T=$(mktemp -d); BASE=${BASE:-$TOOLS/base-benchmarks.jar}
mkdir -p "$T/w" "$T/h" "$T/cls"
javac -proc:none -cp "$BASE" -d "$T/w" $TOOLS/Work.java $HERE/WorkE.java ${EXTRA:-}
javac -proc:none -d "$T/h" $TOOLS/AB.java
javac -proc:none -nowarn -cp "$BASE" -d "$T/cls" $(find "$WT/pii/src/main/java" -name '*.java')
cp -r "$WT"/pii/src/main/resources/* "$T/cls/" 2>/dev/null || true
java -Xmx2g -XX:InlineSmallCode=500 -XX:MaxInlineLevel=4 -XX:FreqInlineSize=60 -XX:LoopUnrollLimit=16 -XX:TypeProfileLevel=0 \
  -Dwork=$W -Dents=${ENTS:-EMAIL_ADDRESS} -cp "$T/h" AB "$BASE" "$T/cls" "$R" "$T/w"
rm -rf "$T"
