#!/bin/bash
# Round 10: an old and a new copy of one detector inside the same engine (Pair.java): same texts,
# same index, the order of the two alternating per round; candidates compared (every field) first.
# The old copy is the detector (and, for person, NameSet and PersonNames) at <base commit>, renamed
# *Old. Prints the sum of per-text minima (precise: a same/same control reads 0.999x) and the
# ratio of the per-round minima (noisy: +-3% at load 3-4).
# usage: docs/pii-perf-round10/pair.sh <worktree> <base commit> person|secret|phone [rounds=30] [seed=42]
#        (phone: round 12; the old copy shares the new DigitRuns, PhoneValidity and NumberGuards)
#        (env BASE=<a benchmarks.jar for everything else, e.g. one built at the base commit>;
#         MAIN=<source of another harness class in this package>, e.g. round 11's Apart.java;
#         JOPTS=<more JVM options>)
set -e
WT=$(cd "$1" && pwd); C=$2; D=$3; R=${4:-30}; S=${5:-42}; HERE=$(cd "$(dirname "$0")" && pwd)
BASE=${BASE:-$WT/bench/target/benchmarks.jar}
T=$(mktemp -d); mkdir -p "$T/src" "$T/cls"
P=pii/src/main/java/io/leakguard/pii/detectors
REN='s/\bPersonDetector\b/PersonDetectorOld/g; s/\bSecretDetector\b/SecretDetectorOld/g; s/\bNameSet\b/NameSetOld/g; s/\bPersonNames\b/PersonNamesOld/g; s/\bPhoneDetector\b/PhoneDetectorOld/g'
for c in PersonDetector SecretDetector NameSet PersonNames PhoneDetector; do
  git -C "$WT" show "$C:$P/$c.java" | sed "$REN" > "$T/src/${c}Old.java"
done
javac -proc:none -nowarn -cp "$BASE" -d "$T/cls" $(find "$WT/pii/src/main/java" -name '*.java') "$T"/src/*.java \
  "${MAIN:-$HERE/Pair.java}" "$WT/pii/src/test/java/io/leakguard/pii/detectors/RecordingContext.java"
cp -r "$WT"/pii/src/main/resources/* "$T/cls/"
java -Xmx2g ${JOPTS:-} -XX:InlineSmallCode=500 -XX:MaxInlineLevel=4 -XX:FreqInlineSize=60 -XX:LoopUnrollLimit=16 -XX:TypeProfileLevel=0 \
  -cp "$T/cls:$BASE" io.leakguard.pii.detectors.$(basename "${MAIN:-Pair}" .java) "$D" "$R" "$S"
rm -rf "$T"
