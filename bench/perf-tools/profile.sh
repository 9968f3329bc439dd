#!/bin/bash
# JFR profile of the engine built from worktree $1 (pii sources) over the bench corpus.
# usage: bench/perf-tools/profile.sh <worktree-or-repo> [rounds=20]
set -e
WT=$1; R=${2:-20}; T=/tmp/prof-$(basename "$WT"); HERE=$(cd "$(dirname "$0")" && pwd); BASE=${BASE:-$HERE/base-benchmarks.jar}
rm -rf "$T"; mkdir -p "$T/cls" "$T/w"
javac -proc:none -nowarn -cp "$BASE" -d "$T/cls" $(find "$WT/pii/src/main/java" -name '*.java')
cp -r "$WT"/pii/src/main/resources/* "$T/cls/" 2>/dev/null || true
javac -proc:none -cp "$BASE" -d "$T/w" $HERE/Loop.java
java -XX:StartFlightRecording=filename=$T/p.jfr,settings=profile -cp "$T/cls:$BASE:$T/w" Loop "$R" | tail -3
jfr print --stack-depth 60 --events jdk.ExecutionSample $T/p.jfr > $T/p.txt
python3 $HERE/attribute.py $T/p.txt
