package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adversarial inputs of about a megabyte for the phone, card, SSN and IBAN detectors: long digit
 * runs, {@code 1-1-1-...}, {@code 1 1 1 ...}, spaced digits and digit words everywhere. The
 * detectors read runs in bounded chunks, so these complete in linear time (no timing assertion: the
 * test would hang or time out on quadratic work). Each case also pins what is found.
 */
class NumberDetectorsAdversarialTest {
  private static final int MB = 1 << 20;

  private static final PiiAnalyzer ANALYZER =
      PiiAnalyzer.builder()
          .entities(
              EnumSet.of(
                  EntityType.PHONE_NUMBER,
                  EntityType.CREDIT_CARD,
                  EntityType.US_SSN,
                  EntityType.IBAN_CODE))
          .build();

  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("one digit run", "1".repeat(MB), 0),
        Arguments.of("dash-joined ones", "1-".repeat(MB / 2), 0),
        Arguments.of("space-joined ones", "1 ".repeat(MB / 2), 0),
        Arguments.of("dot-joined ones", "1.".repeat(MB / 2), 0),
        Arguments.of("bracketed", "(1) ".repeat(MB / 4), 0),
        Arguments.of("digit words", "one ".repeat(MB / 4), 0),
        Arguments.of("oh words", "oh ".repeat(MB / 3), 0),
        Arguments.of("iban prefixes", "DE89 ".repeat(MB / 5), 0),
        Arguments.of("long iban-like token", "DE89" + "0".repeat(MB), 0),
        Arguments.of("groups of four", "1111 ".repeat(MB / 5), 0),
        // a valid card repeated with single spaces: one run of many groups, chunked with overlap
        Arguments.of("cards in one run", "4111 1111 1111 1111 ".repeat(2000), -1),
        Arguments.of("spaced sevens", "7 ".repeat(MB / 2), 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void linearOnAdversarialInput(String name, String input, int expectedFindings) {
    List<PiiFinding> found = ANALYZER.analyze(input);
    if (expectedFindings >= 0) {
      assertThat(found).as(name).hasSize(expectedFindings);
    } else {
      // every finding is a whole card, never a window across two of them
      assertThat(found).as(name).isNotEmpty();
      assertThat(found)
          .allSatisfy(
              f -> {
                assertThat(f.type()).isEqualTo(EntityType.CREDIT_CARD);
                assertThat(f.canonical()).isEqualTo("4111111111111111");
              });
    }
  }
}
