#!/bin/bash
# Pause or resume every other engineer's processes while a quiet benchmark runs (2 shared cores).
# usage: bench/perf-tools/others.sh STOP|CONT [MY_ROOT_PID]
# Signals every java/javac/postgres/bash/sh/python3/sleep/timeout/mvn process that is not
# MY_ROOT_PID or one of its descendants (default: the parent of the shell that runs this
# script, i.e. your own tool session). Always send CONT afterwards; keep pauses to a few minutes.
set -u
sig=$1
me=${2:-$(ps -o ppid= -p $PPID | tr -d ' ')}
desc() { for c in $(pgrep -P "$1"); do echo "$c"; desc "$c"; done; }
mine=" $me $PPID $$ $(desc "$me" | tr '\n' ' ') "
pids=""
for p in $(pgrep -x 'java|javac|postgres|bash|sh|python3|sleep|timeout|mvn'); do
  case "$mine" in *" $p "*) continue ;; esac
  pids="$pids $p"
done
[ -n "$pids" ] && kill -"$sig" $pids 2>/dev/null
echo "$sig $(echo $pids | wc -w) processes"
