package io.leakguard.pii.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import io.leakguard.pii.detectors.BuiltinDetectors;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analyzer's findings build their {@link io.leakguard.pii.Explanation} on first read; an engine
 * with {@link Engine#EAGER} builds it at once (the previous behaviour). Both must be equal finding
 * by finding ({@link PiiFinding#equals} compares the explanations), on texts that exercise context
 * words, normalizations, overlaps and every detector.
 */
class DeferredExplanationTest {
  private static final List<String> TEXTS =
      List.of(
          "Call me at +1 415 555 0134 or mail jane.doe@contoso.com, card 4111 1111 1111 1111.",
          "server ip address 10.0.12.7 and host 2001:db8::1, mac 00:1A:2B:3C:4D:5E on eth0",
          "SSN: 123-45-6789 (social security number); IBAN DE89 3704 0044 0532 0130 00",
          "Hi Maria Garcia,\nthanks!\n-- \nJohn Smith\nSupport",
          "write to XYZ &#64;contoso&#46;com or xyz [at] contoso [dot] com",
          "ｊａｎｅ＠ｃｏｎｔｏｓｏ．ｃｏｍ and %6Aane%40contoso.com\u200B — phone 555\u2011123\u20114567",
          "token=ghp_0123456789abcdefghijABCDEFGHIJ0123456789 password: hunter2hunter2",
          "😀 Jane Doe 😀 jane@contoso.com 😀 ip-10-0-0-1 version 1.2.3.4",
          "nothing to see here");

  @Test
  void deferredExplanationsEqualTheEagerOnes() {
    Engine eager = new Engine(BuiltinDetectors.all(), EnumSet.allOf(EntityType.class), 0.5, "US");
    PiiAnalyzer analyzer = PiiAnalyzer.builder().loadServiceDetectors(false).build();
    int withWords = 0;
    int total = 0;
    for (String t : TEXTS) {
      List<PiiFinding> expected = eager.analyze(t);
      List<PiiFinding> actual = analyzer.analyze(t);
      assertThat(actual).as(t).isEqualTo(expected);
      for (int k = 0; k < actual.size(); k++) {
        assertThat(actual.get(k).explanation()).isEqualTo(expected.get(k).explanation());
        assertThat(actual.get(k).explanation()).isSameAs(actual.get(k).explanation());
        assertThat(actual.get(k).toString()).isEqualTo(expected.get(k).toString());
        withWords += actual.get(k).explanation().contextWords().isEmpty() ? 0 : 1;
        total++;
      }
    }
    assertThat(total).isGreaterThan(15);
    assertThat(withWords).isGreaterThan(0);
  }
}
