import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.*;
import io.leakguard.pii.detectors.BuiltinDetectors;
import io.leakguard.pii.spi.*;
import java.lang.management.*;
import java.util.*;
/** Records every detector's context calls and candidates on the corpus, then replays them: the engine core alone. */
public class ReplayWork {
  static List<String> texts; static PiiAnalyzer replay; public static long sink;
  // per text, per detector: ops. op = Object[]{"cw", start, end, window, set} or Object[]{"rep", Candidate}
  static List<Map<String, List<Object[]>>> rec = new ArrayList<>();
  static int cur;
  static final class Rec implements Detector {
    final Detector d; Rec(Detector d) { this.d = d; }
    public String name() { return d.name(); } public Set<EntityType> entities() { return d.entities(); } public int triggerFlags() { return d.triggerFlags(); }
    public void detect(DetectionContext ctx) {
      List<Object[]> ops = rec.get(cur).computeIfAbsent(d.name(), k -> new ArrayList<>());
      d.detect(new DetectionContext() {
        public String text() { return ctx.text(); } public TextIndex tokens() { return ctx.tokens(); } public String region() { return ctx.region(); }
        public List<String> contextWords(int s, int e, int w, Set<String> v) { ops.add(new Object[]{"cw", s, e, w, v}); return ctx.contextWords(s, e, w, v); }
        public void report(Candidate c) { ops.add(new Object[]{"rep", c}); ctx.report(c); }
      });
    }
  }
  static final class Rep implements Detector {
    final Detector d; Rep(Detector d) { this.d = d; }
    public String name() { return d.name(); } public Set<EntityType> entities() { return d.entities(); } public int triggerFlags() { return d.triggerFlags(); }
    @SuppressWarnings("unchecked")
    public void detect(DetectionContext ctx) {
      List<Object[]> ops = rec.get(cur).get(d.name()); if (ops == null) return;
      for (Object[] o : ops) {
        if (o[0] == "cw") { sink += ctx.contextWords((int) o[1], (int) o[2], (int) o[3], (Set<String>) o[4]).size(); }
        else { Candidate c = (Candidate) o[1];
          ctx.report(Candidate.builder(c.type(), c.start(), c.end()).baseScore(c.baseScore()).score(c.score()).form(c.form()).pattern(c.pattern()).validation(c.validation()).contextWords(c.contextWords()).canonical(c.canonical()).build()); }
      }
    }
  }
  public static double setup() {
    texts = BenchCorpus.texts(2_000_000, 42);
    String fw = System.getProperty("fields");
    if (fw != null) { int w = Integer.parseInt(fw); List<String> f = new ArrayList<>(); for (String s : texts) for (int i = 0; i < s.length(); i += w) f.add(s.substring(i, Math.min(s.length(), i + w))); texts = f; }
    PiiAnalyzer.Builder rb = PiiAnalyzer.builder().clearDetectors(), pb = PiiAnalyzer.builder().clearDetectors();
    for (Detector d : BuiltinDetectors.all()) { rb.addDetector(new Rec(d)); pb.addDetector(new Rep(d)); }
    PiiAnalyzer recorder = rb.build(); replay = pb.build();
    for (cur = 0; cur < texts.size(); cur++) { rec.add(new HashMap<>()); try { recorder.analyze(texts.get(cur)); } catch (RuntimeException e) { } }
    return BenchCorpus.bytes(texts) / 1e6;
  }
  public static long round() {
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    long c0 = tm.getCurrentThreadCpuTime();
    for (cur = 0; cur < texts.size(); cur++) { try { sink += replay.analyze(texts.get(cur)).size(); } catch (RuntimeException e) { sink++; } }
    return tm.getCurrentThreadCpuTime() - c0;
  }
  public static long alloc() {
    com.sun.management.ThreadMXBean tm = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long a0 = tm.getThreadAllocatedBytes(Thread.currentThread().getId());
    for (cur = 0; cur < texts.size(); cur++) { try { sink += replay.analyze(texts.get(cur)).size(); } catch (RuntimeException e) { sink++; } }
    return tm.getThreadAllocatedBytes(Thread.currentThread().getId()) - a0;
  }
  public static String fingerprint() {
    long h = 0; int n = 0;
    for (cur = 0; cur < texts.size(); cur++) { try { for (PiiFinding f : replay.analyze(texts.get(cur))) { h = h * 31 + f.toString().hashCode(); h = h * 31 + f.canonical().hashCode(); h = h * 31 + f.explanation().hashCode(); n++; } } catch (RuntimeException e) { h = h * 31 + 7; } }
    return n + " findings, hash " + Long.toHexString(h);
  }
}
