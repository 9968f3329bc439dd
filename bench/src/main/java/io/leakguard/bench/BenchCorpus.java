package io.leakguard.bench;

import io.leakguard.testkit.LabeledCase;
import io.leakguard.testkit.SupportCaseGenerator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Realistic generated support-case texts for benchmarks (seeded, so runs are comparable). */
public final class BenchCorpus {
  private BenchCorpus() {}

  /** Support-case texts adding up to at least {@code bytes} UTF-8 bytes. */
  public static List<String> texts(long bytes, long seed) {
    SupportCaseGenerator gen = new SupportCaseGenerator(seed);
    List<String> out = new ArrayList<>();
    long total = 0;
    for (int i = 0; total < bytes; i++) {
      LabeledCase c = gen.caseAt(i);
      out.add(c.text());
      total += c.text().getBytes(StandardCharsets.UTF_8).length;
    }
    return out;
  }

  /** Total UTF-8 bytes of {@code texts}. */
  public static long bytes(List<String> texts) {
    long n = 0;
    for (String t : texts) {
      n += t.getBytes(StandardCharsets.UTF_8).length;
    }
    return n;
  }
}
