package io.leakguard.net.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.net.Direction;
import io.leakguard.net.NetModel;
import io.leakguard.net.RuleSet;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GCP firewall policies flattened into first-match lines: {@code goto_next} carved out of the later
 * deny rules of the same policy, or the deny dropped when that cannot be done exactly.
 */
class GcpPoliciesTest {
  static final Path DIR = Path.of("src/test/resources/io/leakguard/net/read/GcpPoliciesTest");

  static String describe(RuleSet rs) {
    return Stream.of(Direction.INBOUND, Direction.OUTBOUND)
        .flatMap(d -> rs.lines(d).stream())
        .map(
            l ->
                l.direction().word()
                    + " "
                    + l.priority()
                    + " "
                    + l.name()
                    + " "
                    + l.action()
                    + " "
                    + l.protocols().stream()
                        .map(p -> p.word())
                        .sorted()
                        .collect(Collectors.joining("+"))
                    + " "
                    + String.join(",", l.ports().toStrings())
                    + " from "
                    + String.join(",", l.remote().toCidrs())
                    + (l.unknown() ? " unknown" : ""))
        .collect(Collectors.joining("; "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // deny tcp after 'goto_next tcp/22 from 198.51.100.0/24': every tcp port from elsewhere,
        // and every tcp port but 22 from the partner range; the egress deny has no goto_next
        "goto-next-partial.json | carve-fw | inbound 400 deny-tcp deny tcp 0-65535 from 0.0.0.0/1,128.0.0.0/2,192.0.0.0/6,196.0.0.0/7,198.0.0.0/11,198.32.0.0/12,198.48.0.0/15,198.50.0.0/16,198.51.0.0/18,198.51.64.0/19,198.51.96.0/22,198.51.101.0/24,198.51.102.0/23,198.51.104.0/21,198.51.112.0/20,198.51.128.0/17,198.52.0.0/14,198.56.0.0/13,198.64.0.0/10,198.128.0.0/9,199.0.0.0/8,200.0.0.0/5,208.0.0.0/4,224.0.0.0/3;"
            + " inbound 400 deny-tcp deny tcp 0-21,23-65535 from 0.0.0.0/0;"
            + " inbound 400 deny-tcp deny tcp 8080-8090 from 0.0.0.0/1,128.0.0.0/2,192.0.0.0/6,196.0.0.0/7,198.0.0.0/11,198.32.0.0/12,198.48.0.0/15,198.50.0.0/16,198.51.0.0/18,198.51.64.0/19,198.51.96.0/22,198.51.101.0/24,198.51.102.0/23,198.51.104.0/21,198.51.112.0/20,198.51.128.0/17,198.52.0.0/14,198.56.0.0/13,198.64.0.0/10,198.128.0.0/9,199.0.0.0/8,200.0.0.0/5,208.0.0.0/4,224.0.0.0/3;"
            + " inbound 400 deny-tcp deny tcp 8080-8090 from 0.0.0.0/0;"
            + " outbound 300 no-smtp-out deny tcp 25 from 0.0.0.0/0 | ",
        // a goto_next limited to a service account cannot be carved out: the deny is dropped;
        // apply_security_profile_group counts as allow
        // a policy with no association is not applied; one listed without its rules allows
        // everything, unknown
        "unattached-and-listed-without-rules.json | listed-fw | inbound 0 (rules not exported) allow icmp+other+tcp+udp 0-65535 from 0.0.0.0/0,::/0 unknown;"
            + " outbound 0 (rules not exported) allow icmp+other+tcp+udp 0-65535 from 0.0.0.0/0,::/0 unknown"
            + " | gcp-policy-unattached,gcp-policy-without-rules",
        "goto-next-before-deny.json | sa-fw | inbound 300 inspect-web allow tcp 443 from 0.0.0.0/0 | gcp-policy-goto-next",
      })
  void flattened(String file, String policy, String expected, String warnings) {
    NetModel m = ExportReader.read(List.of(DIR.resolve(file.trim())));
    RuleSet rs =
        m.ruleSets().stream().filter(r -> r.name().equals(policy.trim())).findFirst().orElseThrow();
    assertThat(describe(rs)).isEqualTo(expected.trim());
    assertThat(m.warnings().stream().map(w -> w.code()).collect(Collectors.joining(",")))
        .isEqualTo(warnings == null ? "" : warnings.trim());
  }
}
