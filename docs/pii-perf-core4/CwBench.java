package io.leakguard.pii.internal;
import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.*;
import io.leakguard.pii.detectors.BuiltinDetectors;
import io.leakguard.pii.spi.*;
import java.util.*;
public class CwBench {
  record Call(int text, int s, int e, int w, Set<String> v) {}
  static List<Call> calls = new ArrayList<>(); static int cur;
  public static void main(String[] a) {
    List<String> texts = BenchCorpus.texts(2_000_000, 42);
    List<String> norm = new ArrayList<>();
    PiiAnalyzer.Builder b = PiiAnalyzer.builder().clearDetectors();
    for (Detector d : BuiltinDetectors.all()) b.addDetector(new Detector() {
      public String name() { return d.name(); } public Set<EntityType> entities() { return d.entities(); } public int triggerFlags() { return d.triggerFlags(); }
      public void detect(DetectionContext ctx) { d.detect(new DetectionContext() {
        public String text() { return ctx.text(); } public TextIndex tokens() { return ctx.tokens(); } public String region() { return ctx.region(); }
        public List<String> contextWords(int s, int e, int w, Set<String> v) { calls.add(new Call(cur, s, e, w, v)); return ctx.contextWords(s, e, w, v); }
        public void report(Candidate c) { ctx.report(c); } }); } });
    PiiAnalyzer an = b.build();
    for (cur = 0; cur < texts.size(); cur++) { norm.add(TextNormalizer.normalize(texts.get(cur)).text()); try { an.analyze(texts.get(cur)); } catch (RuntimeException e) {} }
    TextIndex[] idx = new TextIndex[texts.size()]; for (int i = 0; i < idx.length; i++) idx[i] = TextIndex.of(norm.get(i));
    Context.VocabCache vc = new Context.VocabCache(); Context nc = new Context(vc);
    ReferenceContext.VocabCache rc = new ReferenceContext.VocabCache();
    long sink = 0; long[] tn = new long[2];
    for (int round = 0; round < 30; round++) {
      for (int k = 0; k < 2; k++) {
        long t0 = System.nanoTime(); int last = -1; ReferenceContext ref = null;
        for (Call c : calls) {
          if (c.text != last) { last = c.text; if (k == 0) ref = new ReferenceContext(norm.get(last), idx[last], "US", rc); else nc.reset(norm.get(last), idx[last], "US"); }
          sink += (k == 0 ? ref.contextWords(c.s, c.e, c.w, c.v) : nc.contextWords(c.s, c.e, c.w, c.v)).size();
        }
        long d = System.nanoTime() - t0; if (round >= 10) tn[k] += d;
      }
    }
    System.out.printf("calls %d, old %.1f ns/call, new %.1f ns/call, old/new %.2fx (sink %d)%n", calls.size(), tn[0] / 20.0 / calls.size(), tn[1] / 20.0 / calls.size(), (double) tn[0] / tn[1], sink);
  }
}
