package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leakguard.core.UserInputException;
import io.leakguard.net.read.ExportReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input is a clear error naming the file and the JSON path or line (exit code 2). */
class ExportReaderErrorsTest {
  static final Path DIR = Path.of("src/test/resources/io/leakguard/net/ExportReaderErrorsTest");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "malformed.json          | malformed JSON at line 2, column 1",
        "unknown-format.json     | $: unknown format",
        "array-of-numbers.json   | $[0]: unknown format: expected an object",
        "empty.json              | empty file",
        "duplicate-priority.json | at $[0].securityRules[1]: duplicate priority 100 in direction inbound of NSG nsg-dup (also used by rule a at $[0].securityRules[0])",
        "prefix-list-wrong-name.json | must be named after the prefix list id",
        "nacl-duplicate.json     | at $.NetworkAcls[0].Entries[1]: duplicate RuleNumber 100 in direction inbound",
        "gcp-bad-cidr.json       | at $[0].sourceRanges: expected a CIDR, got 'not-a-cidr'",
        "gcp-rule-without-name.json | at $[0].name: expected the firewall rule's name",
        "gcp-bad-direction.json  | at $[0].direction: expected INGRESS or EGRESS, got 'SIDEWAYS'",
        "nacl-reversed-ports.json | at $.NetworkAcls[0].Entries[0]: PortRange: expected From <= To within 0-65535, got 443-22",
        "concatenated-second-malformed.json | malformed JSON at line 3, column 1",
        "sg-rule-without-group.json | at $.SecurityGroupRules[0].GroupId: expected the security group id",
        "gcp-policy-bad-action.json | at $.rules[0].action: expected allow, deny, goto_next or apply_security_profile_group, got 'permit'",
        "gcp-effective-bad-cidr.json | at $.firewallPolicys[0].rules[0].match.srcIpRanges: expected a CIDR, got 'everyone'",
        "aws-config-malformed-configuration.json | at $.configurationItems[0].configuration: malformed JSON in the string",
        "malformed.yaml          | malformed JSON or YAML at line",
        "powershell-nsg-bad-port-list.json | at $[0].SecurityRules[0]: destinationPortRange: not a port or port range: 'ssh'",
      })
  void namesFileAndPath(String file, String message) {
    Path p = DIR.resolve(file);
    assertThatThrownBy(() -> ExportReader.read(List.of(p)))
        .isInstanceOf(UserInputException.class)
        .hasMessageStartingWith(p.toString())
        .hasMessageContaining(message.trim());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"does-not-exist.json"})
  void missingFile(String file) {
    assertThatThrownBy(() -> ExportReader.read(List.of(DIR.resolve(file))))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("no such file or folder");
  }

  @ParameterizedTest(name = "empty export {0}")
  @CsvSource({"[]"})
  void emptyListIsNotAnError(String ignored) throws Exception {
    Path f = java.nio.file.Files.createTempFile("empty-list", ".json");
    java.nio.file.Files.writeString(f, "[]");
    assertThat(ExportReader.read(List.of(f)).targets()).isEmpty();
  }
}
