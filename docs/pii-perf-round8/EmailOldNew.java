import java.net.*; import java.nio.file.*; import java.util.*; import java.lang.reflect.*;
/** Old (base jar) vs new (classes dir) EMAIL-only analyzers on random texts: findings' toString must match. */
public class EmailOldNew {
  static final String[] PIECES = {
    "@", "at", "AT", "(at)", "[at]", "(a)", "[a]", "(A)", "[A]", "(a", "a)", "a", "A", "(", "[",
    ")", "]", "arroba", "Arroba", "ARROBA", "arobase", "Arobase", "chiocciola", "Chiocciola",
    "chİocciola", "chıocciola", "klammeraffe", "Klammeraffe", "\u212Alammeraffe", "aroba\u017Fe",
    "roba", "cciola", "lammeraffe", "zarroba", "jan", "wp", ".", "pl", " ", "  ", " ", " ", " ",
    "\n", "\u0301", "\uD835\uDC00", "\uD83D\uDE00", "\uD83D", "\u00E9", "-", "_", "1", "dot", " dot ", "punto", " punkt ",
    "john", "j.doe", "contoso", "gmail", "com", "de", "it", "co.uk", " com", "(dot)", "[.]", "<AT>", "mailto:", "\n> "
  };
  public static void main(String[] a) throws Exception {
    URL j = Path.of(a[0]).toUri().toURL(), n = Path.of(a[1]).toUri().toURL();
    ClassLoader oldL = new URLClassLoader(new URL[]{j}, ClassLoader.getPlatformClassLoader());
    ClassLoader newL = new URLClassLoader(new URL[]{n, j}, ClassLoader.getPlatformClassLoader());
    Method[] an = new Method[2]; Object[] inst = new Object[2]; ClassLoader[] ls = {oldL, newL};
    for (int k = 0; k < 2; k++) {
      Class<?> pa = ls[k].loadClass("io.leakguard.pii.PiiAnalyzer");
      Class<?> et = ls[k].loadClass("io.leakguard.pii.EntityType");
      Object b = pa.getMethod("builder").invoke(null);
      Object email = Enum.valueOf((Class) et, a.length > 3 ? a[3] : "EMAIL_ADDRESS");
      Set<Object> set = new HashSet<>(); set.add(email);
      b = b.getClass().getMethod("entities", Set.class).invoke(b, set);
      b = b.getClass().getMethod("minScore", double.class).invoke(b, 0.0);
      inst[k] = b.getClass().getMethod("build").invoke(b);
      an[k] = pa.getMethod("analyze", String.class);
    }
    Random r = new Random(Long.parseLong(a[2]));
    int diffs = 0, found = 0;
    for (int iter = 0; iter < 200_000; iter++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + r.nextInt(30);
      for (int k = 0; k < parts; k++) sb.append(PIECES[r.nextInt(PIECES.length)]);
      String s = sb.toString();
      String x = an[0].invoke(inst[0], s).toString(), y = an[1].invoke(inst[1], s).toString();
      if (!x.equals("[]")) found++;
      if (!x.equals(y)) { if (diffs++ < 5) System.out.println("DIFF " + s.replace("\n", "\\n") + "\n old " + x + "\n new " + y); }
    }
    System.out.println("texts with findings " + found + ", differing " + diffs);
  }
}
