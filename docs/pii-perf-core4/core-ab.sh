#!/bin/bash
# usage: core-ab.sh <worktree> <rounds> [fields]
set -e
D=$(cd "$(dirname "$0")" && pwd)
WT=$1; R=${2:-10}; T=/tmp/core4ab-$(basename "$WT"); BASE=/work/wt/ab/base-benchmarks.jar
rm -rf "$T"; mkdir -p "$T/w" "$T/h" "$T/cls"
javac -proc:none -cp "$BASE" -d "$T/w" $D/ReplayWork.java
javac -proc:none -d "$T/h" $D/../../bench/perf-tools/AB.java
javac -proc:none -nowarn -cp "$BASE" -d "$T/cls" $(find "$WT/pii/src/main/java" -name '*.java')
cp -r "$WT"/pii/src/main/resources/* "$T/cls/" 2>/dev/null || true
F=""; [ -n "$3" ] && F="-Dfields=$3"
java -Xmx2g -Dwork=ReplayWork $F -cp "$T/h" AB "$BASE" "$T/cls" "$R" "$T/w"
