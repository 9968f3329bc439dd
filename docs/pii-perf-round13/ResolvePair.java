package io.leakguard.pii.internal;
import io.leakguard.pii.*;
import io.leakguard.pii.detectors.BuiltinDetectors;
import io.leakguard.pii.spi.*;
import java.util.*;
/**
 * Round 13: the engine's overlap resolution alone, old (Engine.resolve of every kept candidate of a text with an
 * overlap, the path before round 13) against new (Engine.resolveGroups), on the candidates the built-in detectors
 * report over a text set (bench seed, "pool", "poolN"); results compared; CPU time per round of all texts with an
 * overlap, the two taking turns (order swapped every round).
 * usage: docs/pii-perf-round13/resolve.sh <worktree> [rounds=40] [seed=42|pool|poolN]   (env BASE=<a benchmarks.jar>)
 */
public class ResolvePair {
  record Text(Candidate[] all, int[] by, long[] keys, int kept, int[] inOrder) {}
  static final List<Candidate> got = new ArrayList<>(); static final List<Integer> who = new ArrayList<>();

  static Detector recording(Detector d, int number) {
    return (Detector) java.lang.reflect.Proxy.newProxyInstance(ResolvePair.class.getClassLoader(), new Class<?>[] {Detector.class}, (p, m, args) -> {
      if (!m.getName().equals("detect")) return m.invoke(d, args);
      DetectionContext ctx = (DetectionContext) args[0];
      d.detect((DetectionContext) java.lang.reflect.Proxy.newProxyInstance(ResolvePair.class.getClassLoader(), new Class<?>[] {DetectionContext.class}, (q, n, xs) -> {
        if (n.getName().equals("report")) { got.add((Candidate) xs[0]); who.add(number); }
        return n.invoke(ctx, xs);
      }));
      return null;
    });
  }

  public static void main(String[] a) {
    int R = a.length > 0 ? Integer.parseInt(a[0]) : 40; String which = a.length > 1 ? a[1] : "42";
    List<String> texts = TextSets.texts(which);
    List<Detector> ds = BuiltinDetectors.all(); String[] names = new String[ds.size()];
    PiiAnalyzer.Builder b = PiiAnalyzer.builder().clearDetectors();
    for (int k = 0; k < ds.size(); k++) { names[k] = ds.get(k).name(); b.addDetector(recording(ds.get(k), k)); }
    PiiAnalyzer an = b.build();
    List<Text> over = new ArrayList<>(); long cands = 0;
    for (String t : texts) {
      got.clear(); who.clear(); an.analyze(t);
      int n = got.size(); Candidate[] all = got.toArray(new Candidate[0]); int[] by = new int[n]; long[] keys = new long[n]; int kept = 0;
      for (int i = 0; i < n; i++) { by[i] = who.get(i); if (all[i].score() >= PiiAnalyzer.DEFAULT_MIN_SCORE) keys[kept++] = (long) all[i].start() << 32 | i; }
      Arrays.sort(keys, 0, kept);
      boolean overlap = false;
      for (int k = 1; k < kept; k++) { Candidate p = all[(int) keys[k - 1]], c = all[(int) keys[k]]; if (c.start() < p.end() || c.start() == p.start()) overlap = true; }
      if (overlap) {
        int[] inOrder = new int[kept]; int q = 0;
        for (int i = 0; i < n; i++) if (all[i].score() >= PiiAnalyzer.DEFAULT_MIN_SCORE) inOrder[q++] = i;
        over.add(new Text(all, by, keys, kept, inOrder)); cands += kept;
      }
    }
    Candidate[] cs = new Candidate[4096]; String[] ow = new String[4096]; int[] st = new int[4096], en = new int[4096];
    int differ = 0;
    for (Text x : over) {
      List<Engine.Resolved> e = Engine.resolve(owned(x, names));
      int m = Engine.resolveGroups(x.all, x.by, names, x.keys, x.kept, cs, ow, st, en);
      boolean same = m == e.size();
      for (int k = 0; same && k < m; k++) same = cs[k] == e.get(k).c && ow[k].equals(e.get(k).detector) && st[k] == e.get(k).start && en[k] == e.get(k).end;
      if (!same) differ++;
    }
    System.out.printf(Locale.ROOT, "%d texts, %d with an overlap (%d kept candidates), %d results differing%n", texts.size(), over.size(), cands, differ);
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long sink = 0; double minO = 1e18, minN = 1e18;
    for (int round = 0; round < R; round++) {
      for (int j = 0; j < 2; j++) {
        int k = (round + j) & 1; long t0 = mx.getCurrentThreadCpuTime();
        for (Text x : over) {
          if (k == 0) sink += Engine.resolve(owned(x, names)).size(); // the old path also built the Owned list
          else sink += Engine.resolveGroups(x.all, x.by, names, x.keys, x.kept, cs, ow, st, en);
        }
        double ms = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
        if (k == 0) minO = Math.min(minO, ms); else minN = Math.min(minN, ms);
      }
    }
    System.out.printf(Locale.ROOT, "resolution of the texts with an overlap: old min %.3f ms, new min %.3f ms, old/new %.2fx (sink %d)%n", minO, minN, minO / minN, sink);
  }

  static List<Engine.Owned> owned(Text x, String[] names) {
    // in candidate order, as the old engine built it
    List<Engine.Owned> o = new ArrayList<>(x.kept);
    for (int i : x.inOrder) o.add(new Engine.Owned(x.all[i], names[x.by[i]]));
    return o;
  }
}
