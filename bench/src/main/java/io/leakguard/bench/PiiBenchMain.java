package io.leakguard.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link PiiThroughputBench} and prints MB/s per benchmark and the ratios the issue asks for.
 *
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.leakguard.bench.PiiBenchMain [ITERATIONS [JVM-FLAG...]]
 * </pre>
 *
 * <p>JVM flags after the iteration count go to the forked benchmark JVM, e.g. the launcher's {@code
 * engine_jit} set (C2 with tight inlining, {@code docs/jit.md}).
 */
public final class PiiBenchMain {
  private PiiBenchMain() {}

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String[] jvm = new String[Math.max(1, args.length)];
    jvm[0] = "-Xmx1g";
    System.arraycopy(args, Math.min(1, args.length), jvm, 1, jvm.length - 1);
    Options opt =
        new OptionsBuilder()
            .include(PiiThroughputBench.class.getSimpleName())
            .forks(1)
            // the detectors reach C2's steady state only after ~20-25 s of this workload (measured:
            // 2 s iterations go 780, 390, 360, 250, 200, 160, 135 ms/op...): warm up for 30 s
            .warmupIterations(15)
            .warmupTime(TimeValue.seconds(2))
            .measurementIterations(iterations)
            .measurementTime(TimeValue.seconds(2))
            .threads(1)
            .jvmArgs(jvm)
            .build();
    Collection<RunResult> results = new Runner(opt).run();
    PiiThroughputBench probe = new PiiThroughputBench();
    probe.setup();
    double mb = BenchCorpus.bytes(probe.texts) / 1e6;
    double engine = 0;
    double naive = 0;
    double jackson = 0;
    System.out.printf(Locale.ROOT, "%n%-28s %10s %10s%n", "benchmark (1 thread)", "ms/op", "MB/s");
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
      double ms = r.getPrimaryResult().getScore();
      double rate = mb / (ms / 1000);
      System.out.printf(Locale.ROOT, "%-28s %10.1f %10.1f%n", name, ms, rate);
      if (name.equals("leakguardAllEntities")) {
        engine = rate;
      } else if (name.equals("naiveRegexPerEntity")) {
        naive = rate;
      } else if (name.equals("jacksonReadWriteCeiling")) {
        jackson = rate;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%ncorpus %.1f MB; engine / naive regex = %.2fx; engine / Jackson ceiling = %.2f%n",
        mb,
        engine / naive,
        engine / jackson);
  }
}
