package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random texts built from the pieces the number detectors react to (digits, separators, digit
 * words, {@code +}, {@code 00}, extensions, IBAN prefixes): detection never throws, spans are
 * inside the text, sorted and disjoint, and canonical values have the documented shape.
 */
class NumberDetectorsRandomTest {
  private static final String[] PIECES = {
    "0", "1", "4", "5", "9", "4111", "1111", "425", "555", "0143", "00", " ", " ", "  ", "-", ".",
    "(", ")", "+", "\n", "\r\n", "/", ":", ",", "x", "ext. ", "one ", "oh ", "five ", "zero ",
    "DE89", "de89", "3704", "GB29", "NWBK", "ssn ", "card ", "call ", "KB", "v", "$", "\u200b",
    "\uff14", "&#45;", "%2D", "a", "Order "
  };

  @Test
  void randomNumberishTextsAreSafe() {
    PiiAnalyzer analyzer =
        PiiAnalyzer.builder()
            .entities(
                EnumSet.of(
                    EntityType.PHONE_NUMBER,
                    EntityType.CREDIT_CARD,
                    EntityType.US_SSN,
                    EntityType.IBAN_CODE))
            .minScore(0)
            .build();
    Random rnd = new Random(20261129L);
    int findings = 0;
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + rnd.nextInt(60);
      for (int k = 0; k < parts; k++) {
        sb.append(PIECES[rnd.nextInt(PIECES.length)]);
      }
      String text = sb.toString();
      List<PiiFinding> found = analyzer.analyze(text);
      int cps = text.codePointCount(0, text.length());
      int last = 0;
      for (PiiFinding f : found) {
        findings++;
        assertThat(f.start()).isGreaterThanOrEqualTo(last);
        assertThat(f.end()).isGreaterThan(f.start()).isLessThanOrEqualTo(cps);
        last = f.end();
        switch (f.type()) {
          // E.164, or the digits of a number of unknown country after a phone word (phone.any)
          case PHONE_NUMBER -> assertThat(f.canonical()).matches("\\+[1-9][0-9]{6,14}|[0-9]{8,13}");
          case CREDIT_CARD -> assertThat(f.canonical()).matches("[0-9]{12,19}"); // Maestro: 12
          case US_SSN -> assertThat(f.canonical()).matches("[0-9]{9}");
          case IBAN_CODE -> assertThat(f.canonical()).matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
          default -> throw new AssertionError("unexpected type " + f.type());
        }
      }
    }
    assertThat(findings).as("the generator does produce findings").isGreaterThan(0);
  }
}
