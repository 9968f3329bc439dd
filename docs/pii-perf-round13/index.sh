#!/bin/bash
# Round 13: TextIndex at <base commit> (renamed OldTextIndex) against the worktree's, one JVM (IndexPair.java).
# usage: docs/pii-perf-round13/index.sh <worktree> <base commit> [rounds=60] [seed=42|pool|poolN]   (env BASE=<a benchmarks.jar>)
set -e
WT=$(cd "$1" && pwd); C=$2; R=${3:-60}; S=${4:-42}; HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d); mkdir -p "$T/src" "$T/cls"
git -C "$WT" show "$C:pii/src/main/java/io/leakguard/pii/spi/TextIndex.java" \
  | sed -e 's/\bTextIndex\b/OldTextIndex/g' > "$T/src/OldTextIndex.java"
javac -proc:none -nowarn -cp "$BASE" -d "$T/cls" $(find "$WT/pii/src/main/java" -name '*.java') "$T/src/OldTextIndex.java" \
  "$HERE/TextSets.java" "$HERE/IndexPair.java"
cp -r "$WT"/pii/src/main/resources/* "$T/cls/" 2>/dev/null || true
java -Xmx2g -XX:InlineSmallCode=500 -XX:MaxInlineLevel=4 -XX:FreqInlineSize=60 -XX:LoopUnrollLimit=16 -XX:TypeProfileLevel=0 \
  -cp "$T/cls:$BASE" io.leakguard.pii.spi.IndexPair "$R" "$S"
rm -rf "$T"
