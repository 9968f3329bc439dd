import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.internal.NormalizedText;
import io.leakguard.pii.internal.TextNormalizer;
import io.leakguard.pii.spi.TextIndex;
import java.lang.management.*;
import java.nio.file.*;
import java.util.*;
public class Micro {
  static List<String> corpus, prose, shortT; static PiiAnalyzer an; public static long sink;
  static List<String> texts(String which) { return which.equals("corpus") ? corpus : which.equals("prose") ? prose : shortT; }
  public static double setup(String which) throws Exception {
    corpus = BenchCorpus.texts(2_000_000, 42);
    StringBuilder sb = new StringBuilder();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(Paths.get("/work/main/docs"), "*.md")) { List<Path> ps = new ArrayList<>(); ds.forEach(ps::add); Collections.sort(ps); for (Path p : ps) sb.append(Files.readString(p)); }
    String all = sb.toString(); prose = new ArrayList<>(); for (int i = 0; i + 1000 < all.length(); i += 1000) prose.add(all.substring(i, i + 1000));
    List<String> t2 = new ArrayList<>(); while (t2.size() * 1000 < 2_000_000) t2.addAll(prose); prose = t2;
    shortT = new ArrayList<>(); for (String t : corpus) for (int i = 0; i + 300 <= t.length(); i += 300) shortT.add(t.substring(i, i + 300));
    an = PiiAnalyzer.builder().build();
    return BenchCorpus.bytes(texts(which)) / 1e6;
  }
  public static long getClass0(String w, String st) throws Throwable { return st.equals("norm") ? norm(w) : st.equals("index") ? index(w) : st.equals("bare") ? bare(w) : analyze(w); }
  static char[] bbuf = new char[1 << 16];
  public static long bare(String which) { long c0 = cpu(); for (String t : texts(which)) { int n = t.length(); t.getChars(0, n, bbuf, 0); int h = 0; for (int i = 0; i < n; i++) h += bbuf[i] * 31 ^ h; sink += h; } return cpu() - c0; }
  static long[] mins;
  /** per-text minimum over calls of this method (nanoTime per text), summed: robust on a loaded machine */
  public static long indexMin(String which) { List<String> ts = texts(which); if (mins == null || mins.length != ts.size()) { mins = new long[ts.size()]; Arrays.fill(mins, Long.MAX_VALUE); }
    for (int k = 0; k < ts.size(); k++) { String t = ts.get(k); long t0 = System.nanoTime(); TextIndex x = TextIndex.of(t, last); last = x; sink += x.size(); long d = System.nanoTime() - t0; if (d < mins[k]) mins[k] = d; }
    long sum = 0; for (long m : mins) sum += m; return sum; }
  static long[] nmins;
  public static long normMin(String which) throws Throwable { norm("short"); List<String> ts = texts(which); if (nmins == null || nmins.length != ts.size()) { nmins = new long[ts.size()]; Arrays.fill(nmins, Long.MAX_VALUE); }
    for (int k = 0; k < ts.size(); k++) { String t = ts.get(k); long t0 = System.nanoTime(); sink += ((NormalizedText) NS.invokeExact(t, SCR)).text().length(); long d = System.nanoTime() - t0; if (d < nmins[k]) nmins[k] = d; }
    long sum = 0; for (long m : nmins) sum += m; return sum; }
  static long cpu() { return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }
  static java.lang.invoke.MethodHandle NS; static Object SCR;
  public static long norm(String which) throws Throwable {
    if (NS == null) { try { Class<?> sc = Class.forName("io.leakguard.pii.internal.TextNormalizer$Scratch"); var ctor = sc.getDeclaredConstructor(); ctor.setAccessible(true); SCR = ctor.newInstance(); NS = java.lang.invoke.MethodHandles.lookup().findStatic(TextNormalizer.class, "normalize", java.lang.invoke.MethodType.methodType(NormalizedText.class, String.class, sc)).asType(java.lang.invoke.MethodType.methodType(NormalizedText.class, String.class, Object.class)); } catch (ReflectiveOperationException e) { NS = java.lang.invoke.MethodHandles.lookup().findStatic(TextNormalizer.class, "normalize", java.lang.invoke.MethodType.methodType(NormalizedText.class, String.class)); NS = java.lang.invoke.MethodHandles.dropArguments(NS, 1, Object.class); } }
    long c0 = cpu(); for (String t : texts(which)) sink += ((NormalizedText) NS.invokeExact(t, SCR)).text().length(); return cpu() - c0; }
  static TextIndex last;
  public static long index(String which) { long c0 = cpu(); for (String t : texts(which)) { TextIndex x = TextIndex.of(t, last); last = x; sink += x.size(); } return cpu() - c0; }
  public static long analyze(String which) { long c0 = cpu(); for (String t : texts(which)) sink += an.analyze(t).size(); return cpu() - c0; }
  public static String fingerprint(String which) { long h = 0; int n = 0; int fails = 0; for (String t : texts(which)) { List<io.leakguard.pii.PiiFinding> fs; try { fs = an.analyze(t); } catch (RuntimeException e) { fails++; h = h * 31 + 17; continue; } for (var f : fs) { h = h * 31 + f.toString().hashCode() + f.canonical().hashCode() * 7 + f.explanation().hashCode(); n++; } } return n + " findings, hash " + Long.toHexString(h) + ", failed texts " + fails; }
}
