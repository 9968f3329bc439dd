package io.leakguard.pii.detectors;
import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.internal.*;
import io.leakguard.pii.spi.*;
import java.util.*;
/**
 * Round 12: the shared digit walk (DigitRuns.walk + chunks) old against new in one process, on the same
 * index per text, the order alternating per round. First checks that every list and every kept chunk is
 * the same (numbers, seeds' chunks with their digits, groups, gaps, IBAN heads, MAC tokens, assigns),
 * then prints the sum of per-text minima of each. The old copy is DigitRuns and DigitSequence at a base
 * commit, renamed *Old (runs.sh does that).
 * usage: RunsPair <rounds> [seed|pool]
 */
public class RunsPair {
  static List<String> texts(String which) {
    if (which.equals("pool")) {
      List<String> t = new ArrayList<>();
      io.leakguard.testkit.SupportCaseGenerator gen = new io.leakguard.testkit.SupportCaseGenerator(20261129);
      for (int i = 0; i < 4000; i++) t.add(gen.caseAt(i).text());
      return t;
    }
    return BenchCorpus.texts(2_000_000, Long.parseLong(which));
  }
  /** Every list and kept chunk of a DigitRuns or DigitRunsOld (by reflection: the two share no type). */
  static String dump(Object r, TextIndex ix) throws Exception {
    StringBuilder b = new StringBuilder();
    for (String list : new String[] {"numbers", "ibanHeads", "macTokens", "assigns"}) {
      int[] a = (int[]) call(r, list);
      int n = (int) call(r, list.equals("numbers") ? "numberCount" : list.equals("ibanHeads") ? "ibanCount" : list.equals("macTokens") ? "macCount" : "assignCount");
      b.append(list).append(Arrays.toString(Arrays.copyOf(a, n)));
    }
    int size = (int) call(r, "size");
    for (int i = 0; i < size; i++) {
      java.lang.reflect.Method m = r.getClass().getDeclaredMethod("chunk", TextIndex.class, int.class);
      m.setAccessible(true);
      Object s = m.invoke(r, ix, i);
      int groups = (int) field(s, "groups");
      b.append('|').append(call(r, "start", i)).append(':').append(field(s, "digits")).append(',').append(groups)
          .append(',').append(field(s, "truncated")).append(',').append(field(s, "endToken")).append(',').append(call(s, "resumeToken"));
      for (int g = 0; g < groups; g++) {
        b.append(' ').append(((int[]) field(s, "groupToken"))[g]).append('/').append(((int[]) field(s, "gap"))[g]).append('/')
            .append(((boolean[]) field(s, "word"))[g]).append('/').append(call(s, "groupCharStart", g)).append('-').append(call(s, "groupCharEnd", g));
      }
      java.lang.reflect.Method d = s.getClass().getDeclaredMethod("digitsOf", int.class, int.class);
      d.setAccessible(true);
      b.append(' ').append(d.invoke(s, 0, groups));
    }
    return b.toString();
  }
  static Object call(Object o, String name, int... arg) throws Exception {
    java.lang.reflect.Method m = arg.length == 0 ? o.getClass().getDeclaredMethod(name) : o.getClass().getDeclaredMethod(name, int.class);
    m.setAccessible(true);
    return arg.length == 0 ? m.invoke(o) : m.invoke(o, arg[0]);
  }
  static Object field(Object o, String name) throws Exception {
    java.lang.reflect.Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }
  public static void main(String[] a) throws Exception {
    int R = Integer.parseInt(a[0]);
    List<String> texts = texts(a.length > 1 ? a[1] : "42");
    TextNormalizer.Scratch sc = new TextNormalizer.Scratch();
    int N = texts.size();
    // one index per text, kept (each on its own arrays: TextIndex.of without a previous index)
    TextIndex[] ix = new TextIndex[N];
    long chars = 0;
    for (int i = 0; i < N; i++) {
      TextNormalizer.Scratch s1 = new TextNormalizer.Scratch();
      String x = TextNormalizer.normalize(texts.get(i), s1).text();
      ix[i] = TextIndex.of(x, s1.text(), null);
      chars += x.length();
    }
    DigitRunsOld ro = DigitRunsOld.of(ix[0]);
    DigitRuns rn = DigitRuns.of(ix[0]);
    int diff = 0;
    for (int i = 0; i < N; i++) {
      ro.walk(ix[i]); ro.chunks(ix[i]); rn.walk(ix[i]); rn.chunks(ix[i]);
      String x = dump(ro, ix[i]), y = dump(rn, ix[i]);
      if (!x.equals(y) && diff++ < 3) System.out.println("DIFF text " + i + "\n old " + x + "\n new " + y);
    }
    System.out.println(N + " texts, " + chars + " chars: texts differing " + diff);
    long[] mo = new long[N], mn = new long[N];
    Arrays.fill(mo, Long.MAX_VALUE); Arrays.fill(mn, Long.MAX_VALUE);
    long sink = 0;
    for (int r = 0; r < R; r++) {
      boolean flip = (r & 1) == 1;
      for (int i = 0; i < N; i++) {
        TextIndex t = ix[i];
        for (int k = 0; k < 2; k++) {
          boolean old = (k == 0) != flip;
          long t0 = System.nanoTime();
          if (old) { ro.walk(t); ro.chunks(t); sink += ro.size(); } else { rn.walk(t); rn.chunks(t); sink += rn.size(); }
          long d = System.nanoTime() - t0;
          if (old) mo[i] = Math.min(mo[i], d); else mn[i] = Math.min(mn[i], d);
        }
      }
    }
    long so = 0, sn = 0;
    for (int i = 0; i < N; i++) { so += mo[i]; sn += mn[i]; }
    System.out.printf(Locale.ROOT, "walk+chunks: sum of per-text minima old %.2f ms, new %.2f ms, old/new %.3fx (sink %d)%n", so / 1e6, sn / 1e6, (double) so / sn, sink);
  }
}
