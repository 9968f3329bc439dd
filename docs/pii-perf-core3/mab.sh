#!/bin/bash
# Stage A/B of the pii engine (round 3, core3): base = /work/wt/ab/base-benchmarks.jar, after = the
# pii sources of worktree $WT. Same process, alternating rounds.
# usage: WT=/work/wt/<you> docs/pii-perf-core3/mab.sh <rounds> <corpus|prose|short> <stage>...
#   stages: norm index analyze bare (CPU time per round, min over rounds), normMin indexMin
#   (per-text minimum of nanoTime over rounds, summed: robust on a loaded machine), fp (fingerprint
#   of every finding incl. canonical value and explanation, before and after)
set -e
D=$(cd "$(dirname "$0")" && pwd); T=/tmp/mab-$(basename "$WT"); BASE=/work/wt/ab/base-benchmarks.jar
rm -rf $T; mkdir -p $T/cls $T/wc $T/hc
javac -proc:none -cp "$BASE" -d "$T/wc" $D/Micro.java
javac -proc:none -d "$T/hc" $D/MAB.java
javac -proc:none -nowarn -cp "$BASE" -d "$T/cls" $(find "$WT/pii/src/main/java" -name '*.java')
cp -r "$WT"/pii/src/main/resources/* "$T/cls/" 2>/dev/null || true
java -Xmx2g -cp "$T/hc" MAB "$BASE" "$T/cls" "$T/wc" "$@"
