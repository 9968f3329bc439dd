package io.leakguard.pii.detectors;
import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.*;
import io.leakguard.pii.spi.*;
import java.util.*;
/** Per-detector wall time inside the engine, with DigitRuns.of timed on its own, min over rounds. */
public class DetectorTimes {
  public static long sink;
  static class Timed implements Detector {
    final Detector d; long ns; final String name;
    Timed(Detector d, String name) { this.d = d; this.name = name; }
    public String name() { return name; }
    public Set<EntityType> entities() { return d.entities(); }
    public int triggerFlags() { return d.triggerFlags(); }
    public void detect(DetectionContext ctx) { long t0 = System.nanoTime(); d.detect(ctx); ns += System.nanoTime() - t0; }
  }
  static final class Runs implements Detector {
    public String name() { return "runs"; }
    public Set<EntityType> entities() { return Set.of(EntityType.IP_ADDRESS); }
    public int triggerFlags() { return TextIndex.DIGIT | TextIndex.LETTER; }
    public void detect(DetectionContext ctx) { sink += DigitRuns.of(ctx.tokens()).size(); }
  }
  public static void main(String[] a) throws Exception {
    List<String> texts = BenchCorpus.texts(2_000_000, 42);
    PiiAnalyzer.Builder b = PiiAnalyzer.builder().clearDetectors();
    List<Timed> ts = new ArrayList<>();
    for (Detector o : BuiltinDetectors.all()) {
      if (o instanceof IpAddressDetector) { Timed t = new Timed(new Runs(), "runs"); ts.add(t); b.addDetector(t); }
      Timed t = new Timed(o, o.name()); ts.add(t); b.addDetector(t);
    }
    PiiAnalyzer an = b.build();
    int R = Integer.parseInt(a[0]);
    double[] best = new double[ts.size() + 2]; Arrays.fill(best, 1e18);
    for (int r = 0; r < R; r++) {
      for (Timed t : ts) t.ns = 0;
      long t0 = System.nanoTime();
      for (String s : texts) sink += an.analyze(s).size();
      long tot = System.nanoTime() - t0; long sum = 0;
      for (int k = 0; k < ts.size(); k++) { best[k] = Math.min(best[k], ts.get(k).ns / 1e6); sum += ts.get(k).ns; }
      best[ts.size()] = Math.min(best[ts.size()], (tot - sum) / 1e6);
      best[ts.size() + 1] = Math.min(best[ts.size() + 1], tot / 1e6);
    }
    double total = best[ts.size() + 1];
    for (int k = 0; k < ts.size(); k++) System.out.printf(Locale.ROOT, "%-12s %7.1f ms %5.1f%%%n", ts.get(k).name(), best[k], 100 * best[k] / total);
    System.out.printf(Locale.ROOT, "%-12s %7.1f ms %5.1f%%%n", "core", best[ts.size()], 100 * best[ts.size()] / total);
    System.out.printf(Locale.ROOT, "%-12s %7.1f ms%n", "total", total);
  }
}
