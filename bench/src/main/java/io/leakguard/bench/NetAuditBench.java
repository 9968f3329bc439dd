package io.leakguard.bench;

import io.leakguard.net.AuditReport;
import io.leakguard.net.NetAudit;
import io.leakguard.net.NetDiff;
import io.leakguard.net.NetModel;
import io.leakguard.net.Policy;
import io.leakguard.net.Reports;
import io.leakguard.net.read.ExportReader;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * In-process timing of {@code net audit} (read, audit, JSON rendering) on export sets of several
 * sizes, and of a single-rule-change {@code net diff} once both sides are loaded.
 *
 * <pre>
 * ./mvnw -B -q -o -pl net test-compile
 * java -cp net/target/test-classes:... io.leakguard.net.bench.BenchmarkExports /tmp/nb01 1000 200 50
 * java -cp net/target/test-classes:... io.leakguard.net.bench.BenchmarkExports /tmp/nb1 10000 2000 50
 * ./mvnw -B -q -o -pl bench -am package -DskipTests -Dspotless.check.skip
 * java -cp bench/target/benchmarks.jar io.leakguard.bench.NetAuditBench /tmp/nb01 /tmp/nb1
 * </pre>
 *
 * <p>Each directory is audited {@code runs} times (system property {@code runs}, default 2; the
 * best run is printed, the first one includes JIT warm-up), printing wall and process CPU time (all
 * threads and GC) of each phase; the model is read as {@code net audit} reads it (no diff
 * fingerprints) and the JSON goes to a byte counter. The diff changes the first {@code
 * "access":"Deny"} of {@code nsg-list.json} of the last directory to {@code Allow} in a copy, and
 * runs the (incremental) {@code NetDiff.diff} {@code runs} times, printing wall and CPU time.
 * {@code -DdiffOnly=true} skips the audits; {@code -DfullDiff=true} also times {@code
 * NetDiff.fullDiff} (both sides audited whole) for comparison.
 *
 * <p>Known limits: wall-clock timing with {@link System#nanoTime()}, no JMH forks; on a loaded
 * machine compare CPU time ({@code /usr/bin/time}) as well.
 */
public final class NetAuditBench {
  private NetAuditBench() {}

  public static void main(String[] args) throws IOException {
    int runs = Integer.getInteger("runs", 2);
    LocalDate today = LocalDate.of(2026, 1, 1);
    Policy policy = Policy.defaults();
    for (String a : Boolean.getBoolean("diffOnly") ? new String[0] : args) {
      Path dir = Path.of(a);
      long best = Long.MAX_VALUE;
      for (int i = 0; i < runs; i++) {
        long c0 = cpu();
        long t0 = System.nanoTime();
        NetModel m = ExportReader.read(List.of(dir), ExportReader.PlanSide.AFTER, false);
        long t1 = System.nanoTime();
        long c1 = cpu();
        AuditReport r = NetAudit.audit(m, policy, today);
        long t2 = System.nanoTime();
        long c2 = cpu();
        CountingStream w = new CountingStream();
        Reports.writeJson(r, w);
        long t3 = System.nanoTime();
        long c3 = cpu();
        best = Math.min(best, t3 - t0);
        System.out.printf(
            Locale.ROOT,
            "%s run %d: %d targets, %d findings, %.1f MB JSON; wall (process CPU) read %.2f"
                + " (%.2f) s, audit %.2f (%.2f) s, json %.2f (%.2f) s, total %.2f (%.2f) s%n",
            dir,
            i + 1,
            m.targets().size(),
            r.findings().size(),
            w.bytes / 1e6,
            (t1 - t0) / 1e9,
            (c1 - c0) / 1e9,
            (t2 - t1) / 1e9,
            (c2 - c1) / 1e9,
            (t3 - t2) / 1e9,
            (c3 - c2) / 1e9,
            (t3 - t0) / 1e9,
            (c3 - c0) / 1e9);
      }
      System.out.printf(Locale.ROOT, "%s best total %.2f s%n", dir, best / 1e9);
    }
    if (args.length > 0) {
      Path before = Path.of(args[args.length - 1]);
      Path after = Files.createTempDirectory("netbench-after");
      try (Stream<Path> files = Files.list(before)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.copy(f, after.resolve(f.getFileName()));
        }
      }
      Path nsgs = after.resolve("nsg-list.json");
      String text = Files.readString(nsgs, StandardCharsets.UTF_8);
      String deny = "\"access\":\"Deny\"";
      int at = text.indexOf(deny);
      if (at < 0) {
        throw new IllegalStateException("no deny rule in " + nsgs);
      }
      Files.writeString(
          nsgs,
          text.substring(0, at) + "\"access\":\"Allow\"" + text.substring(at + deny.length()),
          StandardCharsets.UTF_8);
      NetModel b = ExportReader.read(List.of(before));
      NetModel n = ExportReader.read(List.of(after));
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      for (int i = 0; i < runs; i++) {
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        NetDiff.Report d = NetDiff.diff(b, n, policy, today);
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        System.out.printf(
            Locale.ROOT,
            "single-rule diff (models loaded) run %d: %d changed findings, %.1f ms wall,"
                + " %.1f ms CPU%n",
            i + 1,
            d.entries().size(),
            (t1 - t0) / 1e6,
            (c1 - c0) / 1e6);
      }
      if (Boolean.getBoolean("fullDiff")) {
        long t0 = System.nanoTime();
        NetDiff.Report d = NetDiff.fullDiff(b, n, policy, today);
        System.out.printf(
            Locale.ROOT,
            "single-rule full diff (both sides audited): %d changed findings, %.2f s%n",
            d.entries().size(),
            (System.nanoTime() - t0) / 1e9);
      }
      try (Stream<Path> files = Files.list(after)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.delete(f);
        }
      }
      Files.delete(after);
    }
  }

  /** CPU time of the whole process (every thread, GC included), ns. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Discards bytes, counting them. */
  private static final class CountingStream extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      bytes += len;
    }
  }
}
