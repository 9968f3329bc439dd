package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakguard.net.read.ExportReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden scenarios: real-format exports with their expected findings. Each folder under {@code
 * ScenarioTest/} holds {@code input/} (audit), or {@code before/} + {@code after/} (diff), or
 * {@code plan.json} (plan diff; {@code expected-audit.json} holds the audit of the plan's after
 * state), an optional {@code policy.yaml}, and {@code expected.json}.
 *
 * <p>Regenerate the golden files (then review every change!) with {@code
 * -Dleakguard.golden.update=true}.
 */
class ScenarioTest {
  static final Path ROOT = Path.of("src/test/resources/io/leakguard/net/ScenarioTest");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  static final ObjectMapper M = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Stream<String> scenarios() throws IOException {
    try (Stream<Path> s = Files.list(ROOT)) {
      return s
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    Policy policy =
        Files.exists(dir.resolve("policy.yaml"))
            ? Policy.load(dir.resolve("policy.yaml"))
            : Policy.defaults();
    if (Files.isDirectory(dir.resolve("input"))) {
      NetModel m = ExportReader.read(List.of(dir.resolve("input")));
      golden(dir, "expected.json", Reports.json(NetAudit.audit(m, policy, TODAY)));
    } else if (Files.exists(dir.resolve("plan.json"))) {
      Path plan = dir.resolve("plan.json");
      NetModel b = ExportReader.read(List.of(plan), ExportReader.PlanSide.BEFORE);
      NetModel a = ExportReader.read(List.of(plan), ExportReader.PlanSide.AFTER);
      golden(dir, "expected.json", Reports.json(NetDiff.diff(b, a, policy, TODAY)));
      golden(dir, "expected-audit.json", Reports.json(NetAudit.audit(a, policy, TODAY)));
    } else {
      NetModel b = ExportReader.read(List.of(dir.resolve("before")));
      NetModel a = ExportReader.read(List.of(dir.resolve("after")));
      golden(dir, "expected.json", Reports.json(NetDiff.diff(b, a, policy, TODAY)));
    }
  }

  private static void golden(Path dir, String file, ObjectNode actual) throws IOException {
    String text = M.writeValueAsString(normalize(actual, dir.toString())) + "\n";
    Path expected = dir.resolve(file);
    if (Boolean.getBoolean("leakguard.golden.update") || !Files.exists(expected)) {
      Files.writeString(expected, text, StandardCharsets.UTF_8);
    }
    JsonNode want = M.readTree(Files.readString(expected, StandardCharsets.UTF_8));
    assertThat(text).isEqualTo(M.writeValueAsString(want) + "\n");
  }

  /** File names relative to the scenario folder, so goldens do not depend on the checkout. */
  static JsonNode normalize(JsonNode n, String prefix) throws IOException {
    String s = M.writeValueAsString(n).replace(prefix + "/", "");
    return M.readTree(s);
  }
}
