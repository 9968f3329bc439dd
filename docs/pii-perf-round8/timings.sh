#!/bin/bash
# Wall time per detector inside the engine (DetectorTimes), core pieces (CoreTimes: normalize,
# index, DigitRuns walk and chunks), and the cost of the seven indexOf passes the e-mail detector
# made before round 8 (IndexOfPasses); all with the scan's JIT flags, minimum over rounds.
# usage: docs/pii-perf-round8/timings.sh <classes dir or jar of the pii build to time, before the bench jar> [rounds=30]
set -e
CLS=$1; R=${2:-30}; HERE=$(cd "$(dirname "$0")" && pwd); JAR=${BASE:-$HERE/../../bench/target/benchmarks.jar}
T=$(mktemp -d)
javac -proc:none -nowarn -cp "$CLS:$JAR" -d "$T" $HERE/DetectorTimes.java $HERE/CoreTimes.java $HERE/IndexOfPasses.java
F="-XX:InlineSmallCode=500 -XX:MaxInlineLevel=4 -XX:FreqInlineSize=60 -XX:LoopUnrollLimit=16 -XX:TypeProfileLevel=0"
java $F -cp "$CLS:$JAR:$T" io.leakguard.pii.detectors.DetectorTimes "$R" | tail -13
java $F -cp "$CLS:$JAR:$T" io.leakguard.pii.detectors.CoreTimes "$R" | tail -1
java $F -cp "$CLS:$JAR:$T" IndexOfPasses "$R" | tail -2
rm -rf "$T"
