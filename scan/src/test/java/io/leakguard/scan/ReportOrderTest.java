package io.leakguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reports list entity types in the enum's order, the same in every run and JVM. */
class ReportOrderTest {
  static Map<EntityType, Long> reversed() {
    Map<EntityType, Long> m = new LinkedHashMap<>();
    List<EntityType> all = Arrays.asList(EntityType.values());
    for (int i = all.size() - 1; i >= 0; i--) {
      m.put(all.get(i), (long) i + 1);
    }
    return m;
  }

  @Test
  void impactCustomerTypesFollowTheEnum() {
    ImpactReport.Customer c = new ImpactReport.Customer("C-1", 1, reversed(), List.of());
    assertThat(c.entityTypes()).containsExactly(EntityType.values());
    assertThat(c.types().get(EntityType.values()[0])).isEqualTo(1L);
  }

  @Test
  void scanTotalsFollowTheEnum() {
    ScanReport r = new ScanReport(List.of(), 0, reversed(), List.of());
    assertThat(r.counts().keySet()).containsExactly(EntityType.values());
  }
}
