import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.lang.management.*;
import java.util.*;
/**
 * Round 9: the bench corpus with its numbers made new every round (digits 1-9 permuted by a fresh
 * permutation per round, 0 kept, outside the timed part), so the engine's memos (national path,
 * international parse, PhoneValidity) cannot live off the corpus repeating its numbers: closer to a
 * real queue. -Dents=PHONE_NUMBER,... as WorkE (default: every entity).
 */
public class WorkU {
  static List<String> texts; static PiiAnalyzer an; public static long sink; static int round;
  public static double setup() {
    texts = BenchCorpus.texts(2_000_000, 42);
    String ents = System.getProperty("ents", "");
    if (ents.isEmpty() || ents.equals("ALL")) an = PiiAnalyzer.builder().build();
    else {
      EnumSet<EntityType> es = EnumSet.noneOf(EntityType.class);
      for (String e : ents.split(",")) es.add(EntityType.valueOf(e));
      an = PiiAnalyzer.builder().entities(es).minScore(0).build();
    }
    return BenchCorpus.bytes(texts) / 1e6;
  }
  static List<String> permuted(int r) {
    char[] map = "0123456789".toCharArray();
    SplittableRandom rnd = new SplittableRandom(1000 + r);
    for (int i = 9; i > 1; i--) { int j = 1 + rnd.nextInt(i); char t = map[i]; map[i] = map[j]; map[j] = t; }
    List<String> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      char[] c = t.toCharArray();
      for (int i = 0; i < c.length; i++) if (c[i] >= '0' && c[i] <= '9') c[i] = map[c[i] - '0'];
      out.add(new String(c));
    }
    return out;
  }
  public static long round() {
    List<String> ts = permuted(round++);
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    long c0 = tm.getCurrentThreadCpuTime();
    for (String t : ts) sink += an.analyze(t).size();
    return tm.getCurrentThreadCpuTime() - c0;
  }
  public static String fingerprint() {
    long h = 0; int n = 0;
    for (int r = 0; r < 3; r++) for (String t : permuted(-1 - r)) for (PiiFinding f : an.analyze(t)) { h = h * 31 + f.toString().hashCode(); n++; }
    return n + " findings (3 permuted corpora), hash " + Long.toHexString(h);
  }
}
