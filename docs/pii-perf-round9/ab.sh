#!/bin/bash
# Round 9 A/B: round 8's ab.sh plus the WorkU workload (numbers new every round: no memo lives off repetition).
# usage: docs/pii-perf-round9/ab.sh <worktree> <rounds> [Work|WorkE|WorkU]   (env BASE=<base benchmarks jar>, ENTS=EMAIL_ADDRESS,... or ALL for WorkU)
HERE=$(cd "$(dirname "$0")" && pwd)
EXTRA="$HERE/WorkU.java" exec "$HERE/../pii-perf-round8/ab.sh" "$@"
