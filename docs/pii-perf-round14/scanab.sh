#!/bin/bash
# Interleaved full scans of the 1M-row table, one run per jar, in the order given.
# usage: docs/pii-perf-round14/scanab.sh "--table support_cases_p100000" A.jar B.jar [...]
# (pass "" for the default table; pause other work first: bench/perf-tools/others.sh STOP/CONT)
E="-XX:InlineSmallCode=500 -XX:MaxInlineLevel=4 -XX:FreqInlineSize=60 -XX:LoopUnrollLimit=16 -XX:TypeProfileLevel=0 -XX:+UseParallelGC"
T=$1
shift
for j in "$@"; do
  printf "%s " "$(basename "$j")"
  # shellcheck disable=SC2086
  java -Xmx2g $E -cp "$j" io.leakguard.bench.ScanBench --rows 1000000 --workers 2 --only scan $T 2>/dev/null \
    | grep "^| full" | awk -F'|' '{print "wall", $5, "MB/s", $6, "JVM-CPU", $7, "PG-CPU", $8, $11}'
done
