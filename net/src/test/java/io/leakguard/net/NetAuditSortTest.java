package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.core.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code NetAudit.sorted} (runs sorted on every core, then merged) gives exactly the order of a
 * stable {@code List.sort} with the report's comparator chain, ties included (findings that differ
 * only by id keep their input order).
 */
class NetAuditSortTest {
  private static final Comparator<Finding> REPORT_ORDER =
      Comparator.comparing((Finding f) -> f.severity().ordinal(), Comparator.reverseOrder())
          .thenComparing(Finding::check)
          .thenComparing(Finding::targetName, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Finding::targetId)
          .thenComparing(f -> f.direction().ordinal())
          .thenComparing(Finding::protocol)
          .thenComparingInt(f -> NetAudit.firstPort(f.ports()));

  private static Finding finding(Random r, int i) {
    String[] checks = {Checks.OPEN, Checks.MANAGEMENT, Checks.DATASTORE, Checks.SHADOWED};
    String[] names = {null, "nic-1", "nic-10", "nic-2", "web"};
    String[] ports = {"22", "80-443", "0-65535", "3389", "1-21", "9200"};
    String name = names[r.nextInt(names.length)];
    return new Finding(
        String.format("%016x", i),
        checks[r.nextInt(checks.length)],
        Severity.values()[r.nextInt(Severity.values().length)],
        "t",
        "/subs/x/" + (name == null ? "rs" : name) + "/" + r.nextInt(2),
        name,
        Provider.AZURE,
        null,
        Direction.values()[r.nextInt(2)],
        r.nextBoolean() ? "tcp" : "udp",
        r.nextInt(10) == 0 ? List.of() : List.of(ports[r.nextInt(ports.length)]),
        List.of(),
        List.of(),
        false,
        false,
        false,
        List.of(),
        null,
        null,
        null,
        null);
  }

  @Test
  void sameOrderAsAStableSortAtEverySize() {
    Random r = new Random(7);
    // sizes below the one-run threshold, at it, odd sizes and one large enough for every core
    for (int n : new int[] {0, 1, 2, 255, 256, 257, 1001, 20_000}) {
      List<Finding> fs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        fs.add(finding(r, i));
      }
      List<Finding> expected = new ArrayList<>(fs);
      expected.sort(REPORT_ORDER);
      List<String> got = NetAudit.sorted(fs).stream().map(Finding::id).toList();
      assertThat(got).as("n=%d", n).isEqualTo(expected.stream().map(Finding::id).toList());
    }
  }
}
