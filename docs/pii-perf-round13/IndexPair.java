package io.leakguard.pii.spi;
import io.leakguard.pii.internal.TextNormalizer;
import java.util.*;
/**
 * Round 13: the index pass alone, OldTextIndex (TextIndex at a base commit, renamed by index.sh) against the worktree's
 * TextIndex in one JVM, order swapped every round, CPU time per round over the normalized text set; every token's start,
 * end and flags and the at triggers compared first. Then the same for a reader's walk (start, end, flags of every token).
 * usage: docs/pii-perf-round13/index.sh <worktree> <base commit> [rounds=60] [seed=42|pool|poolN]   (env BASE=<a benchmarks.jar>)
 */
public class IndexPair {
  public static void main(String[] a) {
    int R = Integer.parseInt(a[0]);
    List<String> texts = io.leakguard.pii.internal.TextSets.texts(a[1]);
    List<String> norm = new ArrayList<>(); List<char[]> cs = new ArrayList<>(); long chars = 0;
    for (String t : texts) { String x = TextNormalizer.normalize(t).text(); norm.add(x); cs.add(x.toCharArray()); chars += x.length(); }
    int differ = 0; long tokens = 0;
    for (int k = 0; k < norm.size(); k++) {
      OldTextIndex o = OldTextIndex.of(norm.get(k), cs.get(k), null); TextIndex x = TextIndex.of(norm.get(k), cs.get(k), null);
      boolean same = o.size() == x.size() && o.textFlags() == x.textFlags() && o.atTriggerCount() == x.atTriggerCount();
      for (int t = 0; same && t < x.size(); t++) same = o.start(t) == x.start(t) && o.end(t) == x.end(t) && o.flags(t) == x.flags(t);
      for (int t = 0; same && t < x.atTriggerCount(); t++) same = o.atTriggers()[t] == x.atTriggers()[t];
      if (!same) differ++; tokens += x.size();
    }
    System.out.printf(Locale.ROOT, "%d texts, %d chars, %d tokens, %d texts differing%n", norm.size(), chars, tokens, differ);
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] bi = {1e18, 1e18}, bw = {1e18, 1e18}; long sink = 0;
    for (int r = 0; r < R; r++) {
      for (int j = 0; j < 2; j++) {
        int k = (r + j) & 1; OldTextIndex lo = null; TextIndex ln = null; long ti = 0, tw = 0;
        for (int q = 0; q < norm.size(); q++) {
          long t0 = mx.getCurrentThreadCpuTime();
          if (k == 0) lo = OldTextIndex.of(norm.get(q), cs.get(q), lo); else ln = TextIndex.of(norm.get(q), cs.get(q), ln);
          long t1 = mx.getCurrentThreadCpuTime();
          int s = 0;
          if (k == 0) { for (int t = 0, m = lo.size(); t < m; t++) if ((lo.flags(t) & TextIndex.ALNUM) != 0) s += lo.end(t) - lo.start(t); }
          else { for (int t = 0, m = ln.size(); t < m; t++) if ((ln.flags(t) & TextIndex.ALNUM) != 0) s += ln.end(t) - ln.start(t); }
          sink += s; tw += mx.getCurrentThreadCpuTime() - t1; ti += t1 - t0;
        }
        bi[k] = Math.min(bi[k], ti / 1e6); bw[k] = Math.min(bw[k], tw / 1e6);
      }
    }
    System.out.printf(Locale.ROOT, "index pass: old %.2f ms, new %.2f ms, old/new %.3fx; reader walk: old %.2f ms, new %.2f ms, old/new %.3fx (sink %d)%n",
        bi[0], bi[1], bi[0] / bi[1], bw[0], bw[1], bw[0] / bw[1], sink);
  }
}
