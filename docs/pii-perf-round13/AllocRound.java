// Round 13: bytes allocated per 2 MB round of the bench corpus (minimum over rounds; deterministic, unlike CPU time on
// this host) by the whole analyzer, with the scan's JIT flags.
// javac -proc:none -cp <bench jar> -d /tmp/ar AllocRound.java && java <scan JIT flags> -cp [pii classes:]/tmp/ar:<bench jar> AllocRound 20
import io.leakguard.pii.*;
import java.util.*;
public class AllocRound {
  public static void main(String[] a) {
    List<String> texts = io.leakguard.bench.BenchCorpus.texts(2_000_000, 42);
    PiiAnalyzer an = PiiAnalyzer.builder().build();
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId(); long f = 0; long best = Long.MAX_VALUE; double bt = 1e18;
    for (int r = 0; r < Integer.parseInt(a[0]); r++) {
      long b0 = mx.getThreadAllocatedBytes(tid); long t0 = mx.getCurrentThreadCpuTime();
      for (String t : texts) f += an.analyze(t).size();
      best = Math.min(best, mx.getThreadAllocatedBytes(tid) - b0); bt = Math.min(bt, (mx.getCurrentThreadCpuTime() - t0) / 1e6);
    }
    System.out.printf(Locale.ROOT, "allocated per round (min) %.2f MB, cpu min %.1f ms (%d)%n", best / 1e6, bt, f);
  }
}
