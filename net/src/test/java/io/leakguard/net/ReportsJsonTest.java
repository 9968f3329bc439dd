package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.net.read.ExportReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streamed audit JSON ({@link Reports#writeJson} to a writer and to a byte stream) is byte for
 * byte the tree rendering of {@link Reports#json(AuditReport)}, on every audit scenario.
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
}
