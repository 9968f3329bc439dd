import java.net.*; import java.nio.file.*; import java.util.*; import java.lang.reflect.*;
public class AB {
  public static void main(String[] a) throws Exception {
    String jar = a[0]; String newCls = a[1]; int rounds = Integer.parseInt(a[2]); String wdir = a[3];
    URL w = Path.of(wdir).toUri().toURL(), j = Path.of(jar).toUri().toURL(), n = Path.of(newCls).toUri().toURL();
    ClassLoader base = new URLClassLoader(new URL[]{w, j}, ClassLoader.getPlatformClassLoader());
    ClassLoader neu = new URLClassLoader(new URL[]{w, n, j}, ClassLoader.getPlatformClassLoader());
    Method[] r = new Method[2]; Method[] fp = new Method[2]; double mb = 0;
    ClassLoader[] ls = {base, neu};
    for (int k = 0; k < 2; k++) { Class<?> c = ls[k].loadClass(System.getProperty("work", "Work")); mb = (double) c.getMethod("setup").invoke(null); r[k] = c.getMethod("round"); fp[k] = c.getMethod("fingerprint"); }
    String f0 = (String) fp[0].invoke(null), f1 = (String) fp[1].invoke(null);
    System.out.println("before: " + f0); System.out.println("after : " + f1 + (f0.equals(f1) ? "  (identical)" : "  (FINDINGS DIFFER)"));
    for (int i = 0; i < 4; i++) for (int k = 0; k < 2; k++) r[k].invoke(null);
    double[][] rate = new double[2][rounds];
    for (int i = 0; i < rounds; i++) for (int k = 0; k < 2; k++) rate[k][i] = mb / ((long) r[k].invoke(null) / 1e9);
    for (int k = 0; k < 2; k++) { double[] x = rate[k].clone(); Arrays.sort(x); System.out.printf(Locale.ROOT, "%s: median %.2f MB/cpu-s, best %.2f%n", k == 0 ? "before" : "after ", x[x.length/2], x[x.length-1]); }
    double[] ratio = new double[rounds]; for (int i = 0; i < rounds; i++) ratio[i] = rate[1][i] / rate[0][i]; Arrays.sort(ratio);
    System.out.printf(Locale.ROOT, "after/before per round: median %.2fx (min %.2f, max %.2f)%n", ratio[rounds/2], ratio[0], ratio[rounds-1]);
    try { for (int k = 0; k < 2; k++) { Class<?> c = ls[k].loadClass(System.getProperty("work", "Work")); System.out.println((k == 0 ? "before" : "after ") + " allocated bytes per round: " + c.getMethod("alloc").invoke(null)); } } catch (NoSuchMethodException e) { }
  }
}
