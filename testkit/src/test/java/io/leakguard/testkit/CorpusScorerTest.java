package io.leakguard.testkit;

import static io.leakguard.pii.EntityType.CREDIT_CARD;
import static io.leakguard.pii.EntityType.EMAIL_ADDRESS;
import static io.leakguard.pii.EntityType.PERSON;
import static io.leakguard.pii.EntityType.PHONE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.Explanation;
import io.leakguard.pii.PiiFinding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusScorerTest {
  private static final Explanation EX = new Explanation("test", "none", 0.9, List.of(), List.of());

  /** A finding at code point offsets (char offsets equal for these BMP-only helpers' callers). */
  static PiiFinding f(EntityType t, int s, int e) {
    return new PiiFinding(t, s, e, s, e, 0.9, "test", "standard", "x", EX);
  }

  static LabeledCase one(String text, GoldSpan... spans) {
    return new LabeledCase("t", text, List.of(spans));
  }

  // "write to XYZ @contoso com today": the value is cps 9..25, letters/digits: XYZcontosocom = 13
  static final String TEXT = "write to XYZ @contoso com today";
  static final GoldSpan EMAIL = GoldSpan.entity(EMAIL_ADDRESS, 9, 25, Form.SPACE_FOR_DOT);

  static Stream<Arguments> coverage() {
    return Stream.of(
        // findings, caught (any type), type-correct caught
        Arguments.of(List.of(f(EMAIL_ADDRESS, 9, 25)), true, true),
        Arguments.of(List.of(f(EMAIL_ADDRESS, 0, 31)), true, true),
        // 12 of 13 letters/digits (drop the final 'm'): 92% >= 90%
        Arguments.of(List.of(f(EMAIL_ADDRESS, 9, 24)), true, true),
        // 11 of 13 (drop 'om'): 84.6% < 90%
        Arguments.of(List.of(f(EMAIL_ADDRESS, 9, 23)), false, false),
        // only the domain part: 10 of 13
        Arguments.of(List.of(f(EMAIL_ADDRESS, 14, 25)), false, false),
        // two findings whose union covers it
        Arguments.of(List.of(f(EMAIL_ADDRESS, 9, 13), f(PERSON, 14, 25)), true, false),
        // a finding of another type covering everything: a leak is prevented, type wrong
        Arguments.of(List.of(f(PERSON, 9, 25)), true, false),
        // spaces and @ do not count: finding 'XYZ' + 'contoso com' without the separators
        Arguments.of(List.of(f(EMAIL_ADDRESS, 9, 12), f(EMAIL_ADDRESS, 14, 25)), true, true),
        Arguments.of(List.of(), false, false));
  }

  @ParameterizedTest
  @MethodSource
  void coverage(List<PiiFinding> findings, boolean caught, boolean typeCaught) {
    CorpusReport rep = CorpusScorer.score(List.of(one(TEXT, EMAIL)), t -> findings);
    assertThat(rep.overall().total()).isEqualTo(1);
    assertThat(rep.overall().caught()).isEqualTo(caught ? 1 : 0);
    assertThat(rep.overall().typeCaught()).isEqualTo(typeCaught ? 1 : 0);
    assertThat(rep.overall(EMAIL_ADDRESS, Form.SPACE_FOR_DOT).caught()).isEqualTo(caught ? 1 : 0);
    assertThat(rep.overall(false).total()).isEqualTo(1);
    assertThat(rep.overall(true).total()).isZero();
  }

  @Test
  void precisionCountsSameTypeOverlapAsTruePositiveAndEverythingElseAsFalse() {
    // cps: "card 4111 1111 1111 1111 build 10.0.19041.1 call Bob"
    String text = "card 4111 1111 1111 1111 build 10.0.19041.1 call Bob";
    GoldSpan card = GoldSpan.entity(CREDIT_CARD, 5, 24, Form.STANDARD);
    GoldSpan version = GoldSpan.lookalike(LookalikeKind.VERSION, 31, 43);
    GoldSpan bob = GoldSpan.entity(PERSON, 49, 52, Form.FIRST_NAME);
    List<PiiFinding> findings =
        List.of(
            f(CREDIT_CARD, 5, 14), // TP: overlaps the card (partly)
            f(CREDIT_CARD, 15, 24), // TP too (a second finding on the same gold)
            f(PHONE_NUMBER, 31, 43), // FP on a look-alike
            f(PHONE_NUMBER, 49, 52), // FP: gold of another type
            f(EMAIL_ADDRESS, 0, 4)); // FP: nothing labeled
    CorpusReport rep = CorpusScorer.score(List.of(one(text, card, version, bob)), t -> findings);
    assertThat(rep.findingCount()).isEqualTo(5);
    assertThat(rep.truePositiveFindings()).isEqualTo(2);
    assertThat(rep.precision()).isEqualTo(0.4);
    assertThat(rep.precision(CREDIT_CARD)).isEqualTo(1.0);
    assertThat(rep.precision(PHONE_NUMBER)).isEqualTo(0.0);
    assertThat(rep.lookalikeCount()).isEqualTo(1);
    assertThat(rep.lookalikeFlagShare()).isEqualTo(1.0);
    assertThat(rep.lookalikeFlagShare(LookalikeKind.VERSION)).isEqualTo(1.0);
    assertThat(rep.flaggedLookalikes())
        .containsExactly(new CorpusReport.Example("t", "LOOKALIKE", "version", 31, 43));
    // card caught by the union of its two findings; Bob caught (any type) but not type-correct
    assertThat(rep.overall(CREDIT_CARD).caught()).isEqualTo(1);
    assertThat(rep.overall(PERSON).caught()).isEqualTo(1);
    assertThat(rep.overall(PERSON).typeCaught()).isZero();
    assertThat(rep.falsePositives())
        .extracting(CorpusReport.Example::type)
        .containsExactly("PHONE_NUMBER", "PHONE_NUMBER", "EMAIL_ADDRESS");
    assertThat(rep.toMarkdown())
        .contains("| PHONE_NUMBER | 2 | 0 | 1 | 1 | 0 |")
        .contains("| EMAIL_ADDRESS | 1 | 0 | 0 | 0 | 1 |")
        .contains("| version | 1 | 1 | 100.00% |");
  }

  @Test
  void offsetsAreCodePointsAcrossSupplementaryCharacters() {
    // two emoji (two UTF-16 chars each) before the value: code point 4, char 6
    String text = "😀😀 a 4111111111111111";
    GoldSpan card = GoldSpan.entity(CREDIT_CARD, 5, 21, Form.STANDARD);
    assertThat(one(text, card).covered(card)).isEqualTo("4111111111111111");
    CorpusReport hit =
        CorpusScorer.score(List.of(one(text, card)), t -> List.of(f(CREDIT_CARD, 5, 21)));
    assertThat(hit.leakRecall()).isEqualTo(1.0);
    // a finding given in char offsets by mistake (7..23) misses the first two digits: 14/16 < 90%
    CorpusReport off =
        CorpusScorer.score(List.of(one(text, card)), t -> List.of(f(CREDIT_CARD, 7, 23)));
    assertThat(off.leakRecall()).isEqualTo(0.0);
  }

  @Test
  void standardAndNonStandardAreSeparatedAndTargetsReported() {
    String text = "mail a@b.co or c [at] d [dot] org";
    GoldSpan std = GoldSpan.entity(EMAIL_ADDRESS, 5, 11, Form.STANDARD);
    GoldSpan odd = GoldSpan.entity(EMAIL_ADDRESS, 15, 33, Form.BRACKETED);
    CorpusReport rep =
        CorpusScorer.score(List.of(one(text, std, odd)), t -> List.of(f(EMAIL_ADDRESS, 5, 11)));
    assertThat(rep.standardRecall()).isEqualTo(1.0);
    assertThat(rep.nonStandardRecall()).isEqualTo(0.0);
    assertThat(rep.leakRecall()).isEqualTo(0.5);
    assertThat(rep.precision()).isEqualTo(1.0);
    assertThat(rep.targetFailures())
        .containsExactly("leak recall on non-standard forms 0.00% < 97.00%");
    assertThat(rep.misses())
        .containsExactly(new CorpusReport.Example("t", "EMAIL_ADDRESS", "bracketed", 15, 33));
    assertThat(rep.toMarkdown())
        .contains("| EMAIL_ADDRESS | bracketed | no | 1 | 0.00% ⚠ | 0.00% |")
        .contains("| EMAIL_ADDRESS | standard | yes | 1 | 100.00% | 100.00% |");
  }

  @Test
  void noFindingsMeansFullPrecisionAndNoFlags() {
    String text = "KB5034441 and 0x80070005";
    CorpusReport rep =
        CorpusScorer.score(
            List.of(
                one(
                    text,
                    GoldSpan.lookalike(LookalikeKind.KB_NUMBER, 0, 9),
                    GoldSpan.lookalike(LookalikeKind.HRESULT, 14, 24))),
            t -> List.of());
    assertThat(rep.precision()).isEqualTo(1.0);
    assertThat(rep.lookalikeFlagShare()).isEqualTo(0.0);
    assertThat(rep.entityCount()).isZero();
    assertThat(rep.meetsTargets()).isTrue();
  }
}
