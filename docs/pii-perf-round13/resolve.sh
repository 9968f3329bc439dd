#!/bin/bash
# Round 13: the engine's overlap resolution alone, before (Engine.resolve of every candidate) against after
# (Engine.resolveGroups), both from the worktree's Engine, one JVM (ResolvePair.java).
# usage: docs/pii-perf-round13/resolve.sh <worktree> [rounds=40] [seed=42|pool|poolN]   (env BASE=<a benchmarks.jar>)
set -e
WT=$(cd "$1" && pwd); R=${2:-40}; S=${3:-42}; HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
javac -proc:none -nowarn -cp "$BASE" -d "$T" $(find "$WT/pii/src/main/java" -name '*.java') "$HERE/TextSets.java" "$HERE/ResolvePair.java"
cp -r "$WT"/pii/src/main/resources/* "$T/" 2>/dev/null || true
java -Xmx2g -XX:InlineSmallCode=500 -XX:MaxInlineLevel=4 -XX:FreqInlineSize=60 -XX:LoopUnrollLimit=16 -XX:TypeProfileLevel=0 \
  -cp "$T:$BASE" io.leakguard.pii.internal.ResolvePair "$R" "$S"
rm -rf "$T"
