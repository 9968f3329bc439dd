package io.leakguard.pii.internal;
import io.leakguard.bench.BenchCorpus;
import java.util.*;
/** Round 13 harness helper: the text sets of CwPair and ResolvePair. */
public final class TextSets {
  /** The text set: a bench corpus seed, "pool" (the scan's 4,000 cases) or "poolN" (the first N of them). */
  public static List<String> texts(String which) {
    if (!which.startsWith("pool")) return BenchCorpus.texts(2_000_000, Long.parseLong(which));
    int n = which.equals("pool") ? 4000 : Integer.parseInt(which.substring(4));
    List<String> texts = new ArrayList<>(); io.leakguard.testkit.SupportCaseGenerator gen = new io.leakguard.testkit.SupportCaseGenerator(20261129);
    for (int i = 0; i < n; i++) texts.add(gen.caseAt(i).text());
    return texts;
  }

}
