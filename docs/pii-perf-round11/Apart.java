package io.leakguard.pii.detectors;
import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.*;
import io.leakguard.pii.spi.*;
import java.util.*;
/**
 * Round 11: like round 10's Pair (an old and a new copy of one detector, same process, same texts), but each copy runs in
 * its own engine and the two engines take turns per text: between two runs of a copy the other engine's detectors have run,
 * so a detector's tables are as cold as in a scan (Pair runs the copies back to back, so the second finds the first one's
 * tables warm and cache misses are under-reported). Prints the candidate check, then sums of per-text minima: the other
 * detectors of each engine (does the new copy slow them?), the detector alone, the whole analyze. -DnewFirst=true builds
 * the new copy's engine first. Caveat (round 11): a same/same control reads the others and the whole analyze 4-9% slower
 * in the "new" engine in either build order; only the detector's own line has a clean control (1.007-1.009x).
 * usage: Apart person|secret|phone <rounds> [seed|pool]
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
  static PiiAnalyzer engine(Detector swap, Class<?> skip) { return engine(swap, skip, null); }
  /** The engine with {@code swap} in place of the detector of class {@code skip}; the others wrapped into {@code others} when given. */
  static PiiAnalyzer engine(Detector swap, Class<?> skip, List<W> others) {
    PiiAnalyzer.Builder b = PiiAnalyzer.builder().clearDetectors();
    for (Detector d : BuiltinDetectors.all()) {
      if (d.getClass() == skip) b.addDetector(swap);
      else if (others == null) b.addDetector(d);
      else { W w = new W(d); others.add(w); b.addDetector(w); }
    }
    return b.build();
  }
  static long sum(List<W> ws) { long t = 0; for (W w : ws) t += w.ns; return t; }
  public static void main(String[] args) throws Exception {
    String which = args[0]; int R = Integer.parseInt(args[1]); boolean pool = args.length > 2 && args[2].equals("pool"); long seed = args.length > 2 && !pool ? Long.parseLong(args[2]) : 42;
    List<String> texts = new ArrayList<>();
    if (pool) { // round 12: the 4,000 cases the 1M-row scan repeats (ScanBench's pool)
      io.leakguard.testkit.SupportCaseGenerator gen = new io.leakguard.testkit.SupportCaseGenerator(20261129);
      for (int i = 0; i < 4000; i++) texts.add(gen.caseAt(i).text());
    } else texts = BenchCorpus.texts(2_000_000, seed);
    Class<?> skip = which.equals("person") ? PersonDetector.class : which.equals("phone") ? PhoneDetector.class : SecretDetector.class;
    Detector oldD = which.equals("person") ? new PersonDetectorOld() : which.equals("phone") ? new PhoneDetectorOld() : new SecretDetectorOld();
    Detector newD = which.equals("person") ? new PersonDetector() : which.equals("phone") ? new PhoneDetector() : new SecretDetector();
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
    // the other detectors timed too (each engine its own instances): does the new copy slow them down?
    List<W> oo = new ArrayList<>(), on = new ArrayList<>();
    boolean newFirst = Boolean.getBoolean("newFirst"); // build the new copy's engine first (an order control)
    PiiAnalyzer an = newFirst ? engine(nw, skip, on) : null, ao = engine(o, skip, oo);
    if (!newFirst) an = engine(nw, skip, on);
    int N = texts.size();
    long[] mo = new long[N], mn = new long[N], eo = new long[N], en = new long[N], xo = new long[N], xn = new long[N];
    Arrays.fill(mo, Long.MAX_VALUE); Arrays.fill(mn, Long.MAX_VALUE); Arrays.fill(eo, Long.MAX_VALUE); Arrays.fill(en, Long.MAX_VALUE);
    Arrays.fill(xo, Long.MAX_VALUE); Arrays.fill(xn, Long.MAX_VALUE);
    for (int r = 0; r < R; r++) {
      boolean flip = (r & 1) == 1;
      for (int i = 0; i < N; i++) {
        String s = texts.get(i);
        for (int k = 0; k < 2; k++) {
          boolean old = (k == 0) != flip;
          W w = old ? o : nw; PiiAnalyzer a = old ? ao : an; List<W> ws = old ? oo : on;
          long d0 = w.ns, x0 = sum(ws), t0 = System.nanoTime();
          sink += a.analyze(s).size();
          long t = System.nanoTime() - t0, d = w.ns - d0, x = sum(ws) - x0;
          if (old) { mo[i] = Math.min(mo[i], d); eo[i] = Math.min(eo[i], t); xo[i] = Math.min(xo[i], x); }
          else { mn[i] = Math.min(mn[i], d); en[i] = Math.min(en[i], t); xn[i] = Math.min(xn[i], x); }
        }
      }
    }
    long so = 0, sn = 0, to = 0, tn = 0, xso = 0, xsn = 0;
    for (int i = 0; i < N; i++) { so += mo[i]; sn += mn[i]; to += eo[i]; tn += en[i]; xso += xo[i]; xsn += xn[i]; }
    System.out.printf(Locale.ROOT, "other detectors: sum of per-text minima old %.2f ms, new %.2f ms, old/new %.3fx (engine built first: %s)%n", xso / 1e6, xsn / 1e6, (double) xso / xsn, newFirst ? "new" : "old");
    System.out.printf(Locale.ROOT, "%s (engines apart): sum of per-text minima old %.2f ms, new %.2f ms, old/new %.3fx%n", which, so / 1e6, sn / 1e6, (double) so / sn);
    System.out.printf(Locale.ROOT, "whole analyze: sum of per-text minima old %.2f ms, new %.2f ms, old/new %.3fx%n", to / 1e6, tn / 1e6, (double) to / tn);
  }
}
