#!/bin/bash
# Round 12: DigitRuns.walk + chunks old (DigitRuns and DigitSequence at <base commit>, renamed *Old)
# against the worktree's, same process, same index per text (RunsPair.java): every list and chunk
# compared first, then the sum of per-text minima. Scan's JIT flags.
# usage: docs/pii-perf-round12/runs.sh <worktree> <base commit> [rounds=30] [seed|pool]
#        (env BASE=<a benchmarks.jar for everything else>)
set -e
WT=$(cd "$1" && pwd); C=$2; R=${3:-30}; S=${4:-42}; HERE=$(cd "$(dirname "$0")" && pwd)
BASE=${BASE:-$WT/bench/target/benchmarks.jar}
T=$(mktemp -d); mkdir -p "$T/src" "$T/cls"
P=pii/src/main/java/io/leakguard/pii/detectors
REN='s/\bDigitRuns\b/DigitRunsOld/g; s/\bDigitSequence\b/DigitSequenceOld/g'
for c in DigitRuns DigitSequence; do
  git -C "$WT" show "$C:$P/$c.java" | sed "$REN" > "$T/src/${c}Old.java"
done
javac -proc:none -nowarn -cp "$BASE" -d "$T/cls" $(find "$WT/pii/src/main/java" -name '*.java') "$T"/src/*.java "$HERE/RunsPair.java"
cp -r "$WT"/pii/src/main/resources/* "$T/cls/"
java -Xmx2g ${JOPTS:-} -XX:InlineSmallCode=500 -XX:MaxInlineLevel=4 -XX:FreqInlineSize=60 -XX:LoopUnrollLimit=16 -XX:TypeProfileLevel=0 \
  -cp "$T/cls:$BASE" io.leakguard.pii.detectors.RunsPair "$R" "$S"
rm -rf "$T"
