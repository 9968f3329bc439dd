#!/bin/bash
# A/B of the pii engine: base = $HERE/base-benchmarks.jar (build it from the commit to compare against, see README.md),
# after = the pii sources of worktree $1. Same process, alternating rounds, CPU time per round,
# plus a fingerprint of all findings (must be identical for a pure speed change).
# usage: bench/perf-tools/pii-ab.sh <worktree-or-repo> [rounds=10]
# JAVA_OPTS adds JVM flags, e.g. JAVA_OPTS=-XX:TieredStopAtLevel=1 for the C1-only engine that
# the launcher runs for redact and scan.
set -e
WT=$1; R=${2:-10}; T=/tmp/ab-$(basename "$WT"); HERE=$(cd "$(dirname "$0")" && pwd); BASE=${BASE:-$HERE/base-benchmarks.jar}
rm -rf "$T"; mkdir -p "$T/w" "$T/h" "$T/cls"
javac -proc:none -cp "$BASE" -d "$T/w" $HERE/Work.java
javac -proc:none -d "$T/h" $HERE/AB.java
javac -proc:none -nowarn -cp "$BASE" -d "$T/cls" $(find "$WT/pii/src/main/java" -name '*.java')
cp -r "$WT"/pii/src/main/resources/* "$T/cls/" 2>/dev/null || true
java -Xmx2g ${JAVA_OPTS:-} -cp "$T/h" AB "$BASE" "$T/cls" "$R" "$T/w"
