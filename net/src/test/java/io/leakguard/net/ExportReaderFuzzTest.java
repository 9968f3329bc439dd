package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.leakguard.core.UserInputException;
import io.leakguard.net.read.ExportReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Jazzer fuzz target for the export readers and the audit behind them. In a plain {@code mvn test}
 * it runs in regression mode over the real-shaped exports in {@code
 * src/test/resources/io/leakguard/ net/ExportReaderFuzzTestInputs/} (AWS NACLs and security groups,
 * Azure NSG in ARM, {@code az} show and list shapes, GCP firewall rules, Terraform state and plan);
 * {@code JAZZER_FUZZ=1 ./mvnw -pl net test -Dtest=ExportReaderFuzzTest} mutates them.
 *
 * <p>Invariant: any file either reads into a model that audits without error, or fails with a
 * {@link UserInputException} that names the file (exit code 2, a clear message): never another
 * exception (no NullPointerException, ClassCastException, NumberFormatException... from odd
 * values), never a hang.
 */
class ExportReaderFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void readsOrSaysWhy(FuzzedDataProvider data) throws IOException {
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("lg-export-fuzz");
    Path file = dir.resolve("export.json");
    try {
      Files.write(file, bytes);
      NetModel model;
      try {
        model = ExportReader.read(List.of(file));
      } catch (UserInputException e) {
        assertThat(e.getMessage()).contains("export.json");
        return;
      }
      AuditReport report = NetAudit.audit(model, Policy.defaults(), LocalDate.of(2026, 1, 1));
      assertThat(report).isNotNull();
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}
