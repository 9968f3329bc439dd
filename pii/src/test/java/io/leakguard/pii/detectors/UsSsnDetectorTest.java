package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven cases for {@link UsSsnDetector}: {@code UsSsnDetectorTest/cases.tsv}. */
class UsSsnDetectorTest {
  static Stream<Arguments> cases() {
    return CaseTable.load(UsSsnDetectorTest.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsExactSpans(String name, String input, String expected) {
    assertThat(CaseTable.render(EntityType.US_SSN, input)).as(name).isEqualTo(expected);
  }

  static Stream<Arguments> scores() {
    return CaseTable.load(UsSsnDetectorTest.class, "scores.tsv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scores")
  void scoresPatternsAndContext(String name, String input, String expected) {
    assertThat(CaseTable.renderScores(EntityType.US_SSN, input)).as(name).isEqualTo(expected);
  }
}
