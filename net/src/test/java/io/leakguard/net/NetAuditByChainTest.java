package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.net.bench.BenchmarkExports;
import io.leakguard.net.internal.Parallel;
import io.leakguard.net.read.ExportReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code NetAudit.byChain} (targets grouped by layers so one thread computes a chain) returns the
 * outputs in target order, exactly what one thread walking the targets gives, and keeps a chain's
 * targets on one thread except where a task ends inside a group.
 */
class NetAuditByChainTest {
  @TempDir static Path tmp;

  @Test
  void outputsInTargetOrderAndChainsMostlyOnOneThread() throws IOException {
    // 600 NICs over 40 NIC NSGs: NIC i has chain i % 40, so the chains interleave in target order
    BenchmarkExports.write(tmp, 600, 40, 5);
    NetModel m = ExportReader.read(List.of(tmp), ExportReader.PlanSide.AFTER, false);
    List<Target> targets = m.targets();
    assertThat(targets.size()).isGreaterThan(Parallel.MIN_PARALLEL);

    // 0, 1 or 2 outputs per target, so the concatenation is checked, not only the order
    Parallel.Step<Target, String> step =
        (t, out) -> {
          for (int k = 0; k < t.name().length() % 3; k++) {
            out.add(t.id() + "#" + k);
          }
        };
    List<String> expected = new ArrayList<>();
    for (Target t : targets) {
      step.apply(t, expected);
    }
    assertThat(expected).isNotEmpty();

    Map<List<Layer>, Set<String>> threads = new ConcurrentHashMap<>();
    List<String> got =
        NetAudit.byChain(
            targets,
            (Target t, List<String> out) -> {
              threads
                  .computeIfAbsent(t.layers(), k -> ConcurrentHashMap.newKeySet())
                  .add(Thread.currentThread().getName() + "@" + Thread.currentThread().getId());
              step.apply(t, out);
            });
    assertThat(got).containsExactlyElementsOf(expected);

    Set<List<Layer>> chains = new HashSet<>();
    targets.forEach(t -> chains.add(t.layers()));
    assertThat(threads.keySet()).hasSameSizeAs(chains);
    long split = threads.values().stream().filter(s -> s.size() > 1).count();
    int size =
        Math.max(16, (targets.size() + Parallel.threads() * 8 - 1) / (Parallel.threads() * 8));
    int tasks = (targets.size() + size - 1) / size;
    // a chain is split only where a task ends inside its group (contiguous chunks would split
    // nearly every chain across the threads)
    assertThat(split).isLessThanOrEqualTo(tasks - 1);
  }
}
