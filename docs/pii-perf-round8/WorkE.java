import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.lang.management.*;
import java.util.*;
/** Work with -Dents=EMAIL_ADDRESS,... : an analyzer for those entity types only (minScore 0). */
public class WorkE {
  static List<String> texts; static PiiAnalyzer an; public static long sink;
  public static double setup() {
    texts = BenchCorpus.texts(2_000_000, 42);
    EnumSet<EntityType> es = EnumSet.noneOf(EntityType.class);
    for (String e : System.getProperty("ents").split(",")) es.add(EntityType.valueOf(e));
    an = PiiAnalyzer.builder().entities(es).minScore(0).build();
    return BenchCorpus.bytes(texts) / 1e6;
  }
  public static long round() {
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    long c0 = tm.getCurrentThreadCpuTime();
    for (String t : texts) sink += an.analyze(t).size();
    return tm.getCurrentThreadCpuTime() - c0;
  }
  public static String fingerprint() {
    long h = 0; int n = 0;
    for (String t : texts) for (PiiFinding f : an.analyze(t)) { h = h * 31 + f.toString().hashCode(); n++; }
    return n + " findings, hash " + Long.toHexString(h);
  }
}
