#!/bin/bash
# JFR profile with the scan's JIT flags and -XX:+DebugNonSafepoints (without it, samples in
# intrinsics and inlined code land on the wrong frames: see docs/pii-perf.md, Round 8).
# usage: docs/pii-perf-round8/prof.sh <worktree> [rounds=25]   (env BASE=<base benchmarks jar>)
set -e
WT=$1; R=${2:-25}; HERE=$(cd "$(dirname "$0")" && pwd); TOOLS=$HERE/../../bench/perf-tools
T=$(mktemp -d); BASE=${BASE:-$TOOLS/base-benchmarks.jar}
mkdir -p "$T/cls" "$T/w"
javac -proc:none -nowarn -cp "$BASE" -d "$T/cls" $(find "$WT/pii/src/main/java" -name '*.java')
cp -r "$WT"/pii/src/main/resources/* "$T/cls/" 2>/dev/null || true
javac -proc:none -cp "$BASE" -d "$T/w" $TOOLS/Loop.java
cat > $T/s.jfc <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">2 ms</setting></event>
</configuration>
X
java -XX:InlineSmallCode=500 -XX:MaxInlineLevel=4 -XX:FreqInlineSize=60 -XX:LoopUnrollLimit=16 -XX:TypeProfileLevel=0 \
  -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:StartFlightRecording=filename=$T/p.jfr,settings=$T/s.jfc \
  -cp "$T/cls:$BASE:$T/w" Loop "$R" | tail -2
jfr print --stack-depth 60 --events jdk.ExecutionSample $T/p.jfr > $T/p.txt
python3 $TOOLS/attribute.py $T/p.txt
echo "samples: $T/p.txt"
