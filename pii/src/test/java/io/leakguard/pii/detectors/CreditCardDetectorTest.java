package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven cases for {@link CreditCardDetector}: {@code CreditCardDetectorTest/cases.tsv}. */
class CreditCardDetectorTest {
  static Stream<Arguments> cases() {
    return CaseTable.load(CreditCardDetectorTest.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsExactSpans(String name, String input, String expected) {
    assertThat(CaseTable.render(EntityType.CREDIT_CARD, input)).as(name).isEqualTo(expected);
  }

  static Stream<Arguments> scores() {
    return CaseTable.load(CreditCardDetectorTest.class, "scores.tsv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scores")
  void scoresPatternsAndContext(String name, String input, String expected) {
    assertThat(CaseTable.renderScores(EntityType.CREDIT_CARD, input)).as(name).isEqualTo(expected);
  }
}
