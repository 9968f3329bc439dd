#!/bin/bash
set -e
D=$(cd "$(dirname "$0")" && pwd)
WT=$1; R=$2; T=/tmp/core4profr-$(basename $WT); BASE=/work/wt/ab/base-benchmarks.jar
rm -rf $T; mkdir -p $T/cls $T/w
javac -proc:none -nowarn -cp "$BASE" -d "$T/cls" $(find "$WT/pii/src/main/java" -name '*.java')
cp -r "$WT"/pii/src/main/resources/* "$T/cls/" 2>/dev/null || true
javac -proc:none -cp "$BASE" -d "$T/w" $D/ReplayWork.java $D/ProfReplay.java
F=""; [ -n "$3" ] && F="-Dfields=$3"
java -Djfc=$D/fast.jfc -Dout=$T/p.jfr $F -cp "$T/cls:$BASE:$T/w" ProfReplay "$R"
jfr print --stack-depth 60 --events jdk.ExecutionSample $T/p.jfr > $T/p.txt
python3 $D/attr2.py $T/p.txt
