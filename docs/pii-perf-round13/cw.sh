#!/bin/bash
# Round 13: contextWords alone, the worktree's Context against the one at <base commit>, one JVM (CwPair.java).
# usage: docs/pii-perf-round13/cw.sh <worktree> <base commit> [rounds=30] [seed=42|pool|poolN]   (env BASE=<a benchmarks.jar>)
set -e
WT=$(cd "$1" && pwd); C=$2; R=${3:-30}; S=${4:-42}; HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d); mkdir -p "$T/src" "$T/cls"
git -C "$WT" show "$C:pii/src/main/java/io/leakguard/pii/internal/Context.java" \
  | sed -e 's/\bContext(/OldContext(/g; s/class Context /class OldContext /' > "$T/src/OldContext.java"
javac -proc:none -nowarn -cp "$BASE" -d "$T/cls" $(find "$WT/pii/src/main/java" -name '*.java') "$T/src/OldContext.java" "$HERE/TextSets.java" "$HERE/CwPair.java"
cp -r "$WT"/pii/src/main/resources/* "$T/cls/" 2>/dev/null || true
java -Xmx2g -XX:InlineSmallCode=500 -XX:MaxInlineLevel=4 -XX:FreqInlineSize=60 -XX:LoopUnrollLimit=16 -XX:TypeProfileLevel=0 \
  -cp "$T/cls:$BASE" io.leakguard.pii.internal.CwPair "$R" "$S"
rm -rf "$T"
