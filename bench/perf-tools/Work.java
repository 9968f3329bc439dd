import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.lang.management.*;
import java.util.*;
public class Work {
  static List<String> texts; static PiiAnalyzer an; public static long sink;
  public static double setup() { texts = BenchCorpus.texts(2_000_000, 42); an = PiiAnalyzer.builder().build(); return BenchCorpus.bytes(texts) / 1e6; }
  public static long round() {
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    long c0 = tm.getCurrentThreadCpuTime();
    for (String t : texts) sink += an.analyze(t).size();
    return tm.getCurrentThreadCpuTime() - c0;
  }
  /** count and hash of every finding's toString: must be equal before and after a pure speed change. */
  public static String fingerprint() {
    long h = 0; int n = 0;
    for (String t : texts) for (PiiFinding f : an.analyze(t)) { h = h * 31 + f.toString().hashCode(); n++; }
    return n + " findings, hash " + Long.toHexString(h);
  }
}
