import java.net.*; import java.nio.file.*; import java.util.*; import java.lang.reflect.*;
public class MAB {
  // usage: MAB base.jar newcls wdir rounds which stage...
  public static void main(String[] a) throws Exception {
    URL w = Path.of(a[2]).toUri().toURL(), j = Path.of(a[0]).toUri().toURL(), n = Path.of(a[1]).toUri().toURL();
    int rounds = Integer.parseInt(a[3]); String which = a[4];
    ClassLoader[] ls = { new URLClassLoader(new URL[]{w, j}, ClassLoader.getPlatformClassLoader()), new URLClassLoader(new URL[]{w, n, j}, ClassLoader.getPlatformClassLoader()) };
    Class<?>[] c = new Class<?>[2]; double mb = 0;
    for (int k = 0; k < 2; k++) { c[k] = ls[k].loadClass("Micro"); mb = (double) c[k].getMethod("setup", String.class).invoke(null, which); }
    if (Arrays.asList(a).contains("fp")) { for (int k = 0; k < 2; k++) System.out.println((k==0?"before ":"after  ") + c[k].getMethod("fingerprint", String.class).invoke(null, which)); }
    for (int s = 5; s < a.length; s++) { String st = a[s]; if (st.equals("fp")) continue;
      Method[] m = { c[0].getMethod(st, String.class), c[1].getMethod(st, String.class) };
      for (int i = 0; i < 3; i++) for (int k = 0; k < 2; k++) m[k].invoke(null, which);
      long[][] t = new long[2][rounds];
      for (int i = 0; i < rounds; i++) for (int k = 0; k < 2; k++) t[k][i] = (long) m[k].invoke(null, which);
      double[] ratio = new double[rounds]; for (int i = 0; i < rounds; i++) ratio[i] = (double) t[0][i] / t[1][i]; Arrays.sort(ratio);
      long[] b = t[0].clone(), f = t[1].clone(); Arrays.sort(b); Arrays.sort(f);
      if (st.endsWith("Min")) { System.out.printf(Locale.ROOT, "%s %s: per-text min summed, last round: before %.2f ns/char, after %.2f ns/char, after/before speed %.2fx%n", which, st, t[0][rounds-1] / (mb * 1e6), t[1][rounds-1] / (mb * 1e6), (double) t[0][rounds-1] / t[1][rounds-1]); continue; }
      System.out.printf(Locale.ROOT, "%s %s: before min %.2f ns/char, after min %.2f ns/char; after/before speed median %.2fx (min %.2f max %.2f)%n", which, st, b[0] / (mb * 1e6), f[0] / (mb * 1e6), ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
    }
  }
}
