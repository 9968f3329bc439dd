// The index pass alone on the normalized bench corpus: best of N rounds, ns per char, and a
// fingerprint of every token start and flag (must not change). Lead, session 10.
// javac -proc:none -cp <bench jar> -d /tmp/it IndexTimes.java && java <scan JIT flags> -cp [pii classes:]/tmp/it:<bench jar> IndexTimes 60
import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.internal.*;
import io.leakguard.pii.spi.*;
import java.util.*;
public class IndexTimes {
  public static void main(String[] a) throws Exception {
    List<String> texts = BenchCorpus.texts(2_000_000, 42);
    TextNormalizer.Scratch sc = new TextNormalizer.Scratch();
    List<String> norm = new ArrayList<>(); List<char[]> cs = new ArrayList<>();
    long chars = 0;
    for (String t : texts) { String x = TextNormalizer.normalize(t, sc).text(); norm.add(x); cs.add(x.toCharArray()); chars += x.length(); }
    int R = Integer.parseInt(a[0]);
    double best = 1e18; long h = 0;
    for (int r = 0; r < R; r++) {
      TextIndex last = null;
      long t0 = System.nanoTime();
      for (int k = 0; k < norm.size(); k++) { last = TextIndex.of(norm.get(k), cs.get(k), last); h += last.size() + last.textFlags(); }
      best = Math.min(best, (System.nanoTime() - t0) / 1e6);
    }
    // fingerprint of all flags
    long fp = 0; TextIndex last = null;
    for (int k = 0; k < norm.size(); k++) { last = TextIndex.of(norm.get(k), cs.get(k), last); for (int t = 0; t < last.size(); t++) fp = fp * 31 + last.flags(t) * 7 + last.start(t); fp += last.atTriggerCount(); }
    System.out.printf(Locale.ROOT, "chars %d index best %.2f ms (%.2f ns/char) fp %x%n", chars, best, best * 1e6 / chars, fp);
  }
}
