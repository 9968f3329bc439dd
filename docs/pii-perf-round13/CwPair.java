package io.leakguard.pii.internal;
import io.leakguard.pii.*;
import io.leakguard.pii.detectors.BuiltinDetectors;
import io.leakguard.pii.spi.*;
import java.util.*;
/**
 * Round 13: Context.contextWords alone, old (OldContext: the class at a base commit, renamed by cw.sh) against new, in
 * one JVM. Records every contextWords call the built-in detectors make over a text set (bench corpus seed, "pool" =
 * the scan's 4,000 cases, "poolN" = the first N of them), then replays the calls through both contexts in turns
 * (order swapped every round), each answer compared (equal lists), CPU time per replay. Prints the ratio of the
 * minimum rounds and the median of per-round ratios.
 * usage: cw.sh <worktree> <base commit> [rounds=30] [seed|pool|poolN]
 */
public class CwPair {
  record Call(int text, int s, int e, int w, Set<String> v) {}
  static final List<Call> calls = new ArrayList<>(); static int cur;
  /** {@code d} seeing its context through a proxy that records each contextWords call. */
  static Detector recording(Detector d) {
    return (Detector) java.lang.reflect.Proxy.newProxyInstance(CwPair.class.getClassLoader(), new Class<?>[] {Detector.class}, (p, m, args) -> {
      if (!m.getName().equals("detect")) return m.invoke(d, args);
      DetectionContext ctx = (DetectionContext) args[0];
      d.detect((DetectionContext) java.lang.reflect.Proxy.newProxyInstance(CwPair.class.getClassLoader(), new Class<?>[] {DetectionContext.class}, (q, n, xs) -> {
        if (n.getName().equals("contextWords")) calls.add(new Call(cur, (int) xs[0], (int) xs[1], (int) xs[2], (Set<String>) xs[3]));
        return n.invoke(ctx, xs);
      }));
      return null;
    });
  }

  public static void main(String[] a) {
    int R = a.length > 0 ? Integer.parseInt(a[0]) : 30;
    String which = a.length > 1 ? a[1] : "42";
    List<String> texts = TextSets.texts(which);
    PiiAnalyzer.Builder b = PiiAnalyzer.builder().clearDetectors();
    for (Detector d : BuiltinDetectors.all()) b.addDetector(recording(d));
    PiiAnalyzer an = b.build();
    List<String> norm = new ArrayList<>();
    for (cur = 0; cur < texts.size(); cur++) { norm.add(TextNormalizer.normalize(texts.get(cur)).text()); an.analyze(texts.get(cur)); }
    TextIndex[] idx = new TextIndex[texts.size()]; for (int i = 0; i < idx.length; i++) idx[i] = TextIndex.of(norm.get(i), norm.get(i).toCharArray(), null); // own chars (TextIndex.of(String) shares a per-thread buffer)
    Context nc = new Context(new Context.VocabCache());
    OldContext oc = new OldContext(new OldContext.VocabCache());
    // every answer compared once
    long differ = 0, found = 0; int last = -1;
    for (Call c : calls) {
      if (c.text != last) { last = c.text; nc.reset(norm.get(last), idx[last], "US"); oc.reset(norm.get(last), idx[last], "US"); }
      List<String> x = oc.contextWords(c.s, c.e, c.w, c.v), y = nc.contextWords(c.s, c.e, c.w, c.v);
      if (!x.equals(y)) differ++; found += x.size();
    }
    System.out.printf(Locale.ROOT, "%d texts, %d calls, %d words found, %d answers differing%n", texts.size(), calls.size(), found, differ);
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long sink = 0; double minO = 1e18, minN = 1e18; double[] ratio = new double[R];
    for (int round = 0; round < R; round++) {
      double[] t = new double[2];
      for (int j = 0; j < 2; j++) {
        int k = (round + j) & 1; // 0 old, 1 new; the order swaps every round
        long t0 = mx.getCurrentThreadCpuTime(); last = -1;
        for (Call c : calls) {
          if (c.text != last) { last = c.text; if (k == 0) oc.reset(norm.get(last), idx[last], "US"); else nc.reset(norm.get(last), idx[last], "US"); }
          sink += (k == 0 ? oc.contextWords(c.s, c.e, c.w, c.v) : nc.contextWords(c.s, c.e, c.w, c.v)).size();
        }
        t[k] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
      }
      minO = Math.min(minO, t[0]); minN = Math.min(minN, t[1]); ratio[round] = t[0] / t[1];
    }
    double[] tail = Arrays.copyOfRange(ratio, R / 3, R); Arrays.sort(tail);
    System.out.printf(Locale.ROOT, "contextWords replay: old min %.2f ms, new min %.2f ms, old/new (minima) %.3fx, median per-round ratio (last 2/3) %.3fx [%.3f-%.3f] (sink %d)%n",
        minO, minN, minO / minN, tail[tail.length / 2], tail[0], tail[tail.length - 1], sink);
  }
}
