package io.leakguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.leakguard.cli.redact.QuarantineFile;
import io.leakguard.cli.redact.RedactPipeline;
import io.leakguard.cli.redact.Summary;
import io.leakguard.core.UserInputException;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.redact.Keys;
import io.leakguard.pii.redact.Operator;
import io.leakguard.pii.redact.RedactionPolicy;
import io.leakguard.pii.redact.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Jazzer fuzz target for the redaction pipeline (record reader, JSON/CSV parsing, field paths,
 * redaction, verify, quarantine). Regression mode runs the inputs in {@code
 * src/test/resources/io/leakguard/cli/RedactPipelineFuzzTestInputs/}; {@code JAZZER_FUZZ=1 ./mvnw
 * -pl cli test -Dtest=RedactPipelineFuzzTest} mutates them.
 *
 * <p>Invariants (fail closed, nothing silently skipped): the run never throws except a {@link
 * UserInputException} for a bad CSV header; every record read is written, dropped or quarantined
 * ({@code in == out + dropped + quarantined}); the output holds exactly the written records, one
 * per line (plus the CSV header).
 */
class RedactPipelineFuzzTest {
  private static final Redactor REDACTOR =
      Redactor.create(
          PiiAnalyzer.builder().build(),
          RedactionPolicy.builder().defaultOperator(Operator.replace()).build(),
          Keys.none());

  @FuzzTest(maxDuration = "10s")
  void everyRecordIsAccountedFor(FuzzedDataProvider data) throws IOException {
    RedactPipeline.Format format =
        RedactPipeline.Format.values()[
            data.consumeInt(0, RedactPipeline.Format.values().length - 1)];
    byte[] input = data.consumeRemainingAsBytes();
    RedactPipeline p =
        RedactPipeline.builder(REDACTOR)
            .format(format)
            .fields(
                format == RedactPipeline.Format.CSV ? List.of("text") : List.of("text", "a[*].b"))
            .verify(true)
            .threads(1)
            .maxRecordBytes(1 << 12)
            .build();
    Path dir = Files.createTempDirectory("lg-redact-fuzz");
    Path qf = dir.resolve("q.jsonl");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Summary s;
    try (QuarantineFile q = new QuarantineFile(qf)) {
      s =
          p.run(
              List.of(new RedactPipeline.Input("fuzz", new ByteArrayInputStream(input), -1)),
              out,
              q,
              null);
    } catch (UserInputException e) {
      assertThat(format).isEqualTo(RedactPipeline.Format.CSV);
      assertThat(e.getMessage()).startsWith("fuzz");
      return;
    } finally {
      Files.deleteIfExists(qf);
      Files.deleteIfExists(dir);
    }
    assertThat(s.recordsIn()).isEqualTo(s.recordsOut() + s.dropped() + s.quarantined());
    String text = out.toString(StandardCharsets.UTF_8);
    long lines = text.isEmpty() ? 0 : text.chars().filter(c -> c == '\n').count();
    if (format == RedactPipeline.Format.CSV) {
      // multi-line quoted cells hold line breaks: at least one line per written record + header
      assertThat(lines).isGreaterThanOrEqualTo(s.recordsOut());
    } else if (format == RedactPipeline.Format.JSONL) {
      assertThat(lines).isEqualTo(s.recordsOut());
    } else {
      assertThat(lines).isGreaterThanOrEqualTo(s.recordsOut());
    }
  }
}
