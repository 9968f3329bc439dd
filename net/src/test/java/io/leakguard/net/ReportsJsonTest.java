package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.core.Severity;
import io.leakguard.core.SourceRef;
import io.leakguard.core.Warning;
import io.leakguard.net.read.ExportReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streamed audit JSON ({@link Reports#writeJson} to a writer and to a byte stream) is byte for
 * byte the tree rendering of {@link Reports#json(AuditReport)}, on every audit scenario and on a
 * made-up report with every optional field, strings Jackson escapes, shared and unshared lists,
 * suppressed findings and more findings than one rendering block.
 */
class ReportsJsonTest {
  static Stream<String> auditScenarios() throws IOException {
    return ScenarioTest.scenarios()
        .filter(n -> Files.isDirectory(ScenarioTest.ROOT.resolve(n).resolve("input")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("auditScenarios")
  void streamedJsonEqualsTheTree(String name) throws IOException {
    NetModel m = ExportReader.read(List.of(ScenarioTest.ROOT.resolve(name).resolve("input")));
    AuditReport r = NetAudit.audit(m, Policy.defaults(), ScenarioTest.TODAY);
    String tree = Reports.mapper().writeValueAsString(Reports.json(r));
    StringWriter w = new StringWriter();
    Reports.writeJson(r, w);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    Reports.writeJson(r, b);
    assertThat(r.findings()).isNotEmpty();
    assertThat(w.toString()).isEqualTo(tree);
    assertThat(b.toString(StandardCharsets.UTF_8)).isEqualTo(tree);
  }

  /** Strings that take every path of the hand-written escaping. */
  private static final String[] ODD = {
    "plain",
    "",
    "quote \" and back\\slash",
    "tab\tnew\nline\rcr\bbs\fff",
    "ctl \u0001\u001f del \u007f",
    "caf\u00e9 \u6771\u4eac",
    "emoji \ud83d\ude00",
    "slash / and </script>"
  };

  @Test
  void handWrittenJsonEqualsTheTreeOnOddReports() throws IOException {
    List<String> shared = List.of("1.0.0.0/8", "2.0.0.0/7");
    List<Finding.PathStep> sharedPath =
        List.of(
            new Finding.PathStep("subnet-nsg", "n\"sg", "id", "r", 100L, "allow", "f", "$[0]"),
            new Finding.PathStep("nic-nsg", null, null, null, null, "deny", null, null));
    List<Finding> fs = new ArrayList<>();
    int n = JsonBytes.BLOCK * 2 + 7;
    for (int i = 0; i < n; i++) {
      String odd = ODD[i % ODD.length];
      boolean alt = i % 3 == 0;
      fs.add(
          new Finding(
              Integer.toHexString(i),
              "check-" + odd,
              Severity.values()[i % Severity.values().length],
              "title " + odd,
              "target/" + odd,
              alt ? null : "name " + odd,
              Provider.values()[i % Provider.values().length],
              alt ? null : "10.0.0." + (i % 250),
              Direction.INBOUND,
              "tcp",
              alt ? List.of() : List.of(Integer.toString(i), "1-" + i),
              i % 5 == 0 ? List.of(odd, "x" + i) : shared,
              i % 7 == 0 ? List.of() : shared,
              alt,
              !alt,
              i % 2 == 0,
              i % 4 == 0 ? List.of() : i % 11 == 0 ? List.of(sharedPath.get(1)) : sharedPath,
              alt ? null : new Finding.Packet(odd, "10.0.0.1", "udp", i),
              alt ? null : "file " + odd,
              alt ? null : "$[" + i + "]",
              i % 4 == 1 ? "module.x[\"" + odd + "\"]" : null));
    }
    List<Warning> ws =
        List.of(
            new Warning("w1", "message " + ODD[2], null),
            new Warning("w2", "message " + ODD[6], SourceRef.ofPath("f\\1", "$.a")));
    for (AuditReport r :
        List.of(
            new AuditReport(fs, ws, fs.subList(0, 3)),
            new AuditReport(fs.subList(0, 1), List.of(), List.of()),
            new AuditReport(List.of(), ws, List.of()),
            new AuditReport(List.of(), List.of(), fs.subList(5, 6)))) {
      String tree = Reports.mapper().writeValueAsString(Reports.json(r));
      StringWriter w = new StringWriter();
      Reports.writeJson(r, w);
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      Reports.writeJson(r, b);
      assertThat(b.toString(StandardCharsets.UTF_8)).isEqualTo(tree);
      assertThat(w.toString()).isEqualTo(tree);
    }
  }
}
