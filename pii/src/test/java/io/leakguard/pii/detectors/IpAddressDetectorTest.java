package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IpAddressDetectorTest {
  private static final PiiAnalyzer ANALYZER =
      PiiAnalyzer.builder().entities(EnumSet.of(EntityType.IP_ADDRESS)).build();

  static List<Arguments> cases() {
    return IpMacCaseTable.load(IpAddressDetectorTest.class, "cases.tsv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void table(IpMacCaseTable.Case c) {
    IpMacCaseTable.check(ANALYZER, c);
  }

  @Test
  void explanationNamesValidation() {
    List<PiiFinding> v4 = ANALYZER.analyze("server 10.0.0.1");
    assertThat(v4)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.detector()).isEqualTo("ip");
              assertThat(f.explanation().validation()).isEqualTo("octets");
              assertThat(f.explanation().contextWords()).containsExactly("server");
              assertThat(f.explanation().baseScore()).isEqualTo(0.9);
            });
    List<PiiFinding> v6 = ANALYZER.analyze("2001:db8::1");
    assertThat(v6)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.explanation().validation()).isEqualTo("inet6");
              assertThat(f.explanation().contextWords()).isEmpty();
            });
  }

  @Test
  void weakIpv6AndCommaFormAppearWithLowerMinScoreOnlyWhereDocumented() {
    PiiAnalyzer lenient =
        PiiAnalyzer.builder().entities(EnumSet.of(EntityType.IP_ADDRESS)).minScore(0.3).build();
    // comma form without a context word is never reported (NUMBER_LIST), even when lenient
    assertThat(lenient.analyze("values 10,0,0,1")).isEmpty();
    // a bare ::1 stays under the default threshold but is not guessed from code
    assertThat(lenient.analyze("std::vector")).isEmpty();
  }

  /** With every detector on, a log line yields exactly the IP and MAC values, nothing else. */
  @Test
  void allDetectorsOnALogLine() {
    PiiAnalyzer all = PiiAnalyzer.builder().build();
    String line =
        "src=10.0.0.1 dst=[2001:db8::1]:443 mac 00:1a:2b:3c:4d:5e via ip-10-0-0-2.ec2.internal";
    assertThat(all.analyze(line))
        .extracting(f -> f.type() + " " + line.substring(f.charStart(), f.charEnd()))
        .containsExactly(
            "IP_ADDRESS 10.0.0.1",
            "IP_ADDRESS [2001:db8::1]:443",
            "MAC_ADDRESS 00:1a:2b:3c:4d:5e",
            "IP_ADDRESS ip-10-0-0-2");
  }

  /** Adversarial inputs: each must finish (linear scanners) and find nothing. */
  @Test
  void adversarialInputsAreLinearAndEmpty() {
    int mb = 1 << 20;
    assertThat(ANALYZER.analyze("1.".repeat(mb / 2) + "1")).isEmpty();
    assertThat(ANALYZER.analyze("1".repeat(mb))).isEmpty();
    assertThat(ANALYZER.analyze(":".repeat(mb))).isEmpty();
    assertThat(ANALYZER.analyze("1:".repeat(mb / 2))).isEmpty();
    assertThat(ANALYZER.analyze("[".repeat(mb / 2) + "1" + "]".repeat(mb / 2))).isEmpty();
    assertThat(ANALYZER.analyze("1[.]".repeat(mb / 4))).isEmpty();
    assertThat(ANALYZER.analyze("1 dot ".repeat(mb / 6))).isEmpty();
    assertThat(ANALYZER.analyze("1-2.".repeat(mb / 4))).isEmpty();
    assertThat(ANALYZER.analyze("ip-1-".repeat(mb / 5))).isEmpty();
    assertThat(ANALYZER.analyze("a:".repeat(mb / 2))).isEmpty();
    // a valid address at the end of a long hostile prefix is still found
    assertThat(ANALYZER.analyze("1.".repeat(mb / 2) + " 10.0.0.1")).hasSize(1);
  }

  static List<Arguments> ipv6Texts() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (InputStream in =
        IpAddressDetectorTest.class.getResourceAsStream("IpAddressDetectorTest/ipv6-text.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split("\t");
          out.add(Arguments.of(f[0], f[1]));
        }
      }
    }
    return out;
  }

  /** The allocation-free IPv6 parser and canonical text: a table of known answers. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("ipv6Texts")
  void ipv6TextTable(String text, String canonical) {
    assertThat(ownCanonical(text)).isEqualTo(canonical.equals("INVALID") ? null : canonical);
    assertThat(ownCanonical(text)).isEqualTo(guavaCanonical(text));
  }

  /**
   * The parser replaces Guava's {@code isInetAddress}/{@code forString}/{@code toAddrString} for
   * hex-and-colon text: both must agree on every such string. Seeded random strings biased to
   * near-addresses (group counts around eight, short groups, {@code ::} here and there).
   */
  @Test
  void ipv6TextAgreesWithGuava() {
    Random r = new Random(20261129L);
    String hex = "0123456789abcdefABCDEF";
    int valid = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      if (n % 2 == 0) {
        int groups = 1 + r.nextInt(10);
        for (int g = 0; g < groups; g++) {
          if (g > 0 || r.nextInt(8) == 0) {
            sb.append(r.nextInt(7) == 0 ? "::" : ":");
          }
          int len = r.nextInt(10) == 0 ? r.nextInt(7) : 1 + r.nextInt(4);
          for (int k = 0; k < len; k++) {
            sb.append(r.nextInt(3) == 0 ? '0' : hex.charAt(r.nextInt(hex.length())));
          }
        }
        if (r.nextInt(8) == 0) {
          sb.append(':');
        }
      } else {
        int len = 2 + r.nextInt(20);
        for (int k = 0; k < len; k++) {
          sb.append(r.nextInt(3) == 0 ? ':' : hex.charAt(r.nextInt(4)));
        }
      }
      String text = sb.toString();
      String guava = guavaCanonical(text);
      assertThat(ownCanonical(text)).as(text).isEqualTo(guava);
      if (guava != null) {
        valid++;
      }
    }
    assertThat(valid).as("valid addresses among the random strings").isGreaterThan(10_000);
  }

  private static String ownCanonical(String text) {
    int[] hextets = new int[8];
    char[] c = text.toCharArray();
    return IpAddressDetector.parseHextets(c, 0, c.length, hextets)
        ? IpAddressDetector.hextetsText(hextets)
        : null;
  }

  private static String guavaCanonical(String text) {
    if (!InetAddresses.isInetAddress(text)) {
      return null;
    }
    InetAddress ia = InetAddresses.forString(text);
    return ia instanceof Inet4Address ? ia.getHostAddress() : InetAddresses.toAddrString(ia);
  }
}
