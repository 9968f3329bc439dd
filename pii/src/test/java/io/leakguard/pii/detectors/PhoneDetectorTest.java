package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven cases for {@link PhoneDetector}: {@code PhoneDetectorTest/cases.tsv}. */
class PhoneDetectorTest {
  static Stream<Arguments> cases() {
    return CaseTable.load(PhoneDetectorTest.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsExactSpans(String name, String input, String expected) {
    assertThat(CaseTable.render(EntityType.PHONE_NUMBER, input)).as(name).isEqualTo(expected);
  }

  static Stream<Arguments> scores() {
    return CaseTable.load(PhoneDetectorTest.class, "scores.tsv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scores")
  void scoresPatternsAndContext(String name, String input, String expected) {
    assertThat(CaseTable.renderScores(EntityType.PHONE_NUMBER, input)).as(name).isEqualTo(expected);
  }

  @Test
  void regionGbReadsNationalNumbersAsBritish() {
    PiiAnalyzer gb =
        PiiAnalyzer.builder().entities(EnumSet.of(EntityType.PHONE_NUMBER)).region("GB").build();
    List<PiiFinding> found = gb.analyze("ring 020 7946 0958 or 425-555-0143");
    // the US number has no international prefix, so under region GB it is not a phone number
    assertThat(found).hasSize(1);
    assertThat(found.get(0).start()).isEqualTo(5);
    assertThat(found.get(0).end()).isEqualTo(18);
    assertThat(found.get(0).canonical()).isEqualTo("+442079460958");
    assertThat(found.get(0).explanation().pattern()).isEqualTo("phone.gb");
  }
}
