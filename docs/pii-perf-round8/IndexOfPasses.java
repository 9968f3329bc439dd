import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.internal.*;
import io.leakguard.pii.spi.TextIndex;
import java.util.*;
public class IndexOfPasses {
  public static long sink;
  static final String[] T = {"(a)", "[a]", "(A)", "[A]", "roba", "cciola", "lammeraffe"};
  public static void main(String[] a) {
    List<String> texts = BenchCorpus.texts(2_000_000, 42);
    List<String> norm = new ArrayList<>();
    for (String t : texts) norm.add(TextNormalizer.normalize(t).text());
    List<TextIndex> ix = new ArrayList<>();
    int at = 0;
    for (String t : norm) { TextIndex i = TextIndex.of(t); if ((i.textFlags() & TextIndex.AT_WORD) != 0) at++; }
    System.out.println("texts with AT_WORD: " + at + " of " + norm.size());
    int R = Integer.parseInt(a[0]);
    double best = 1e18, bestAt = 1e18, bestWalk = 1e18;
    for (int r = 0; r < R; r++) {
      long t0 = System.nanoTime();
      for (String s : norm) for (String tr : T) { int p = s.indexOf(tr); while (p >= 0) { sink++; p = s.indexOf(tr, p + tr.length()); } }
      long t1 = System.nanoTime();
      for (String s : norm) { int p = s.indexOf('@'); while (p >= 0) { sink++; p = s.indexOf('@', p + 1); } }
      long t2 = System.nanoTime();
      best = Math.min(best, (t1 - t0) / 1e6); bestAt = Math.min(bestAt, (t2 - t1) / 1e6);
    }
    System.out.printf(Locale.ROOT, "7 indexOf passes: %.2f ms/round; indexOf('@'): %.2f ms%n", best, bestAt);
  }
}
