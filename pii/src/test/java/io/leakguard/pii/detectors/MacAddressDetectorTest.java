package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MacAddressDetectorTest {
  private static final PiiAnalyzer ANALYZER =
      PiiAnalyzer.builder().entities(EnumSet.of(EntityType.MAC_ADDRESS)).build();

  /** Both detectors together: a MAC is never an IPv6 address and vice versa. */
  private static final PiiAnalyzer BOTH =
      PiiAnalyzer.builder()
          .entities(EnumSet.of(EntityType.MAC_ADDRESS, EntityType.IP_ADDRESS))
          .build();

  static List<Arguments> cases() {
    return IpMacCaseTable.load(MacAddressDetectorTest.class, "cases.tsv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void table(IpMacCaseTable.Case c) {
    IpMacCaseTable.check(ANALYZER, c);
  }

  @Test
  void macAndIpv6DoNotClaimEachOther() {
    assertThat(BOTH.analyze("hwaddr 00:1a:2b:3c:4d:5e inet6 fe80::21a:2bff:fe3c:4d5e"))
        .extracting(f -> f.type() + " " + f.canonical())
        .containsExactly("MAC_ADDRESS 00:1a:2b:3c:4d:5e", "IP_ADDRESS fe80::21a:2bff:fe3c:4d5e");
  }

  /** Adversarial inputs: each must finish (linear scanners) and find nothing. */
  @Test
  void adversarialInputsAreLinearAndEmpty() {
    int mb = 1 << 20;
    assertThat(ANALYZER.analyze("mac " + "00:".repeat(mb / 3))).isEmpty();
    assertThat(ANALYZER.analyze("mac " + "0a ".repeat(mb / 3))).isEmpty();
    assertThat(ANALYZER.analyze("mac " + "001a.".repeat(mb / 5))).isEmpty();
    assertThat(ANALYZER.analyze("f".repeat(mb))).isEmpty();
  }
}
