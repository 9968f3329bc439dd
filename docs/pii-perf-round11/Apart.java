package io.leakguard.pii.detectors;
import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.*;
import io.leakguard.pii.spi.*;
import java.util.*;
/**
 * Round 11: like round 10's Pair (an old and a new copy of one detector, same process, same texts), but each copy runs in
 * its own engine and the two engines take turns per text: between two runs of a copy the other engine's detectors have run,
 * so a detector's tables are as cold as in a scan (Pair runs the copies back to back, so the second finds the first one's
 * tables warm and cache misses are under-reported). Prints the candidate check, then per-text minima of the detector alone
 * and of the whole analyze (everything else is the same code in both engines).
 * usage: Apart person|secret <rounds> [seed]
 */
public class Apart {
  public static long sink;
  static final class W implements Detector {
    final Detector d; long ns; final List<Candidate> out = new ArrayList<>();
    W(Detector d) { this.d = d; }
    public String name() { return d.name(); }
    public Set<EntityType> entities() { return d.entities(); }
    public int triggerFlags() { return d.triggerFlags(); }
    public void detect(DetectionContext ctx) { long t0 = System.nanoTime(); d.detect(ctx); ns += System.nanoTime() - t0; }
  }
  static final class Rec implements Detector {
    final Detector d; final List<Candidate> out = new ArrayList<>();
    Rec(Detector d) { this.d = d; }
    public String name() { return d.name(); }
    public Set<EntityType> entities() { return d.entities(); }
    public int triggerFlags() { return d.triggerFlags(); }
    public void detect(DetectionContext ctx) { d.detect(RecordingContext.of(ctx, out::add)); }
  }
  static PiiAnalyzer engine(Detector swap, Class<?> skip) {
    PiiAnalyzer.Builder b = PiiAnalyzer.builder().clearDetectors();
    for (Detector d : BuiltinDetectors.all()) b.addDetector(d.getClass() == skip ? swap : d);
    return b.build();
  }
  public static void main(String[] args) throws Exception {
    String which = args[0]; int R = Integer.parseInt(args[1]); long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    List<String> texts = BenchCorpus.texts(2_000_000, seed);
    Class<?> skip = which.equals("person") ? PersonDetector.class : SecretDetector.class;
    Detector oldD = which.equals("person") ? new PersonDetectorOld() : new SecretDetectorOld();
    Detector newD = which.equals("person") ? new PersonDetector() : new SecretDetector();
    // exactness: every candidate, every field
    Rec ro = new Rec(oldD), rn = new Rec(newD);
    PiiAnalyzer co = engine(ro, skip), cn = engine(rn, skip);
    long diff = 0, cands = 0;
    for (String s : texts) {
      ro.out.clear(); rn.out.clear(); co.analyze(s); cn.analyze(s);
      List<String> x = new ArrayList<>(), y = new ArrayList<>();
      for (Candidate c : ro.out) x.add(c + " canonical=" + c.canonical() + " words=" + c.contextWords());
      for (Candidate c : rn.out) y.add(c + " canonical=" + c.canonical() + " words=" + c.contextWords());
      cands += x.size();
      if (!x.equals(y)) { if (diff++ < 3) System.out.println("DIFF in text: " + s.substring(0, Math.min(200, s.length())) + "\n old " + x + "\n new " + y); }
    }
    System.out.println(which + " seed " + seed + ": " + cands + " candidates, texts differing: " + diff);
    W o = new W(oldD), nw = new W(newD);
    PiiAnalyzer ao = engine(o, skip), an = engine(nw, skip);
    int N = texts.size();
    long[] mo = new long[N], mn = new long[N], eo = new long[N], en = new long[N];
    Arrays.fill(mo, Long.MAX_VALUE); Arrays.fill(mn, Long.MAX_VALUE); Arrays.fill(eo, Long.MAX_VALUE); Arrays.fill(en, Long.MAX_VALUE);
    for (int r = 0; r < R; r++) {
      boolean flip = (r & 1) == 1;
      for (int i = 0; i < N; i++) {
        String s = texts.get(i);
        for (int k = 0; k < 2; k++) {
          boolean old = (k == 0) != flip;
          W w = old ? o : nw; PiiAnalyzer a = old ? ao : an;
          long d0 = w.ns, t0 = System.nanoTime();
          sink += a.analyze(s).size();
          long t = System.nanoTime() - t0, d = w.ns - d0;
          if (old) { mo[i] = Math.min(mo[i], d); eo[i] = Math.min(eo[i], t); } else { mn[i] = Math.min(mn[i], d); en[i] = Math.min(en[i], t); }
        }
      }
    }
    long so = 0, sn = 0, to = 0, tn = 0;
    for (int i = 0; i < N; i++) { so += mo[i]; sn += mn[i]; to += eo[i]; tn += en[i]; }
    System.out.printf(Locale.ROOT, "%s (engines apart): sum of per-text minima old %.2f ms, new %.2f ms, old/new %.3fx%n", which, so / 1e6, sn / 1e6, (double) so / sn);
    System.out.printf(Locale.ROOT, "whole analyze: sum of per-text minima old %.2f ms, new %.2f ms, old/new %.3fx%n", to / 1e6, tn / 1e6, (double) to / tn);
  }
}
