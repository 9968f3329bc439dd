package io.leakguard.pii.detectors;
import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.*;
import io.leakguard.pii.spi.*;
import java.util.*;
/**
 * Round 10: old and new copies of one detector inside the full engine (the other built-ins as they are), on the same texts
 * and the same index, the order of the two alternating per round. First every candidate of every text is compared (toString,
 * canonical value, context words), then R timed rounds: the sum over texts of each copy's minimum time per text (precise:
 * a same/same control reads 0.999x; it filters out interrupts and keeps warm-cache runs, so it shows compute, not cache
 * misses) and the ratio of the two copies' minimum round times (noisy, +-3% at load 3-4). Run by pair.sh.
 * usage: Pair person|secret|phone <rounds> [seed]
 */
public class Pair {
  static final class W implements Detector {
    final Detector d; long ns; final List<Candidate> out = new ArrayList<>(); boolean first;
    W(Detector d) { this.d = d; }
    public String name() { return d.name(); }
    public Set<EntityType> entities() { return d.entities(); }
    public int triggerFlags() { return d.triggerFlags(); }
    public void detect(DetectionContext ctx) { DetectionContext r = RecordingContext.of(ctx, out::add); long t0 = System.nanoTime(); d.detect(r); ns += System.nanoTime() - t0; }
  }
  static final class Both implements Detector {
    final W a, b; boolean flip;
    Both(W a, W b) { this.a = a; this.b = b; }
    public String name() { return a.name(); }
    public Set<EntityType> entities() { return a.entities(); }
    public int triggerFlags() { return a.triggerFlags() | b.triggerFlags(); }
    public void detect(DetectionContext ctx) { if (flip) { b.detect(ctx); a.detect(ctx); } else { a.detect(ctx); b.detect(ctx); } }
  }
  public static void main(String[] args) throws Exception {
    String which = args[0]; int R = Integer.parseInt(args[1]); long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    List<String> texts = BenchCorpus.texts(2_000_000, seed);
    Detector oldD, newD; Class<?> skip;
    if (which.equals("person")) { oldD = new PersonDetectorOld(); newD = new PersonDetector(); skip = PersonDetector.class; }
    else if (which.equals("phone")) { oldD = new PhoneDetectorOld(); newD = new PhoneDetector(); skip = PhoneDetector.class; }
    else { oldD = new SecretDetectorOld(); newD = new SecretDetector(); skip = SecretDetector.class; }
    W o = new W(oldD), nw = new W(newD); Both both = new Both(o, nw);
    PiiAnalyzer.Builder b = PiiAnalyzer.builder().clearDetectors();
    for (Detector d : BuiltinDetectors.all()) { if (d.getClass() == skip) b.addDetector(both); else b.addDetector(d); }
    PiiAnalyzer an = b.build();
    // exactness
    long diff = 0, cands = 0;
    for (String s : texts) {
      o.out.clear(); nw.out.clear(); an.analyze(s);
      List<String> x = new ArrayList<>(), y = new ArrayList<>();
      for (Candidate c : o.out) x.add(c + " canonical=" + c.canonical() + " words=" + c.contextWords());
      for (Candidate c : nw.out) y.add(c + " canonical=" + c.canonical() + " words=" + c.contextWords());
      cands += x.size();
      if (!x.equals(y)) { if (diff++ < 3) System.out.println("DIFF in text: " + s.substring(0, Math.min(200, s.length())) + "\n old " + x + "\n new " + y); }
    }
    System.out.println(which + " seed " + seed + ": " + cands + " candidates, texts differing: " + diff);
    long[] mo = new long[texts.size()], mn = new long[texts.size()]; Arrays.fill(mo, Long.MAX_VALUE); Arrays.fill(mn, Long.MAX_VALUE);
    double bo = 1e18, bn = 1e18; double[] ratios = new double[R];
    for (int r = 0; r < R; r++) {
      both.flip = (r & 1) == 1; o.ns = 0; nw.ns = 0;
      for (int i = 0; i < texts.size(); i++) { o.out.clear(); nw.out.clear(); long a0 = o.ns, b0 = nw.ns; an.analyze(texts.get(i)); mo[i] = Math.min(mo[i], o.ns - a0); mn[i] = Math.min(mn[i], nw.ns - b0); }
      bo = Math.min(bo, o.ns / 1e6); bn = Math.min(bn, nw.ns / 1e6); ratios[r] = (double) o.ns / nw.ns;
    }
    double lg = 0; for (double x : ratios) lg += Math.log(x); double gm = Math.exp(lg / R); Arrays.sort(ratios);
    long so = 0, sn = 0; for (int i = 0; i < mo.length; i++) { so += mo[i]; sn += mn[i]; }
    System.out.printf(Locale.ROOT, "%s: sum of per-text minima old %.2f ms, new %.2f ms, old/new %.3fx%n", which, so / 1e6, sn / 1e6, (double) so / sn);
    System.out.printf(Locale.ROOT, "%s: old min %.2f ms, new min %.2f ms, old/new of mins %.3fx, geomean per-round %.3fx, median %.3fx (%.3f-%.3f)%n", which, bo, bn, bo / bn, gm, ratios[R / 2], ratios[0], ratios[R - 1]);
  }
}
