#!/bin/bash
# Round 11: round 10's pair.sh with Apart.java: the old and the new copy of the detector each in its
# own engine, the two engines taking turns per text (so each copy's tables are as cold as in a
# scan); prints the candidate check, per-text minima of the other detectors, of the detector and
# of the whole analyze (only the detector's line has a clean same/same control: see Apart.java).
# usage: docs/pii-perf-round11/apart.sh <worktree> <base commit> person|secret|phone [rounds=30] [seed=42]
#        (env BASE=<a benchmarks.jar for everything else>; JOPTS=-DnewFirst=true: the new engine built first)
HERE=$(cd "$(dirname "$0")" && pwd)
MAIN="$HERE/Apart.java" exec "$HERE/../pii-perf-round10/pair.sh" "$@"
