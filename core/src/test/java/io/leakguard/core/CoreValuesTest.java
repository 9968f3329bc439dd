package io.leakguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CoreValuesTest {
  @Test
  void durationsRoundTrip() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("2m");
    assertThatThrownBy(() -> Durations.parse("2 weeks")).hasMessageContaining("2 weeks");
  }

  @Test
  void exitCodesHighestApplicableWins() {
    assertThat(ExitCodes.combine(ExitCodes.FINDINGS, ExitCodes.QUARANTINED)).isEqualTo(3);
    assertThat(ExitCodes.combine(ExitCodes.QUARANTINED, ExitCodes.USAGE)).isEqualTo(2);
    assertThat(ExitCodes.combine(ExitCodes.OK, ExitCodes.FINDINGS)).isEqualTo(1);
  }

  @Test
  void severityParsesWordsAndOrders() {
    assertThat(Severity.parse("High")).isEqualTo(Severity.HIGH);
    assertThat(Severity.CRITICAL.atLeast(Severity.HIGH)).isTrue();
    assertThatThrownBy(() -> Severity.parse("urgent")).hasMessageContaining("low, medium");
  }

  @Test
  void maskedPreviewKeepsShapeNotValue() {
    assertThat(MaskedPreview.of("jane.doe@contoso.com")).isEqualTo("j***.***@*******.**m");
    assertThat(MaskedPreview.of("abc")).isEqualTo("***");
    assertThat(MaskedPreview.of("555-0100")).isEqualTo("5**-***0");
  }

  @Test
  void warningsDeduplicate() {
    Warnings w = new Warnings();
    w.add("x", "m", SourceRef.ofLine("f", 1));
    w.add("x", "m", SourceRef.ofLine("f", 1));
    assertThat(w.list()).hasSize(1);
  }
}
