package io.leakguard.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine's own contract, with small test detectors: offsets, overlaps, fail-closed. */
class EngineContractTest {

  /** Reports every occurrence of a fixed needle in the normalized text. */
  static class NeedleDetector implements Detector {
    final String needle;
    final EntityType type;
    final double score;

    NeedleDetector(String needle, EntityType type, double score) {
      this.needle = needle;
      this.type = type;
      this.score = score;
    }

    @Override
    public String name() {
      return "needle-" + needle.length();
    }

    @Override
    public Set<EntityType> entities() {
      return Set.of(type);
    }

    @Override
    public int triggerFlags() {
      return 0;
    }

    @Override
    public void detect(DetectionContext ctx) {
      int i = ctx.text().indexOf(needle);
      while (i >= 0) {
        ctx.report(
            Candidate.builder(type, i, i + needle.length())
                .baseScore(score)
                .pattern("test.needle")
                .canonical(needle)
                .build());
        i = ctx.text().indexOf(needle, i + 1);
      }
    }
  }

  static PiiAnalyzer analyzer(Detector... ds) {
    PiiAnalyzer.Builder b = PiiAnalyzer.builder().clearDetectors();
    for (Detector d : ds) {
      b.addDetector(d);
    }
    return b.build();
  }

  @Test
  void spansAreCodePointsIntoTheOriginal() {
    PiiAnalyzer a = analyzer(new NeedleDetector("a@b.io", EntityType.EMAIL_ADDRESS, 0.9));
    String text = "\uD83D\uDE00\uD83D\uDE00 a&#64;b.io";
    List<PiiFinding> fs = a.analyze(text);
    assertThat(fs).hasSize(1);
    PiiFinding f = fs.get(0);
    assertThat(f.start()).isEqualTo(3); // two emoji = 2 code points, then a space
    assertThat(f.end()).isEqualTo(3 + "a&#64;b.io".length());
    assertThat(text.substring(f.charStart(), f.charEnd())).isEqualTo("a&#64;b.io");
    assertThat(f.form()).isEqualTo("html-entity");
    assertThat(f.detector()).isEqualTo("needle-6");
    assertThat(f.canonical()).isEqualTo("a@b.io");
    assertThat(f.toString()).doesNotContain("a@b.io");
  }

  @Test
  void eachDecodingIsNamedInTheForm() {
    PiiAnalyzer a = PiiAnalyzer.builder().build();
    String text =
        "{\"to\":\"rahul.sharma\\u0040wipro.com\"} and j&#64;contoso.com and k%40contoso.com";
    List<String> forms = a.analyze(text).stream().map(PiiFinding::form).toList();
    assertThat(forms).containsExactly("json-escape", "html-entity", "percent");
    PiiFinding f = a.analyze(text).get(0);
    assertThat(text.substring(f.charStart(), f.charEnd()))
        .isEqualTo("rahul.sharma\\u0040wipro.com");
    assertThat(f.explanation().normalizations()).containsExactly("json-escape");
  }

  @Test
  void higherScoreWinsAndLosersWidenTheWinner() {
    PiiAnalyzer a =
        analyzer(
            new NeedleDetector("bc", EntityType.PERSON, 0.6),
            new NeedleDetector("cde", EntityType.SECRET, 0.9));
    List<PiiFinding> fs = a.analyze("abcdef");
    assertThat(fs).hasSize(1);
    assertThat(fs.get(0).type()).isEqualTo(EntityType.SECRET);
    assertThat(fs.get(0).start()).isEqualTo(1); // widened over the PERSON candidate
    assertThat(fs.get(0).end()).isEqualTo(5);
  }

  @Test
  void containedLoserIsDroppedAndDisjointOnesKept() {
    PiiAnalyzer a =
        analyzer(
            new NeedleDetector("xyz", EntityType.EMAIL_ADDRESS, 0.9),
            new NeedleDetector("y", EntityType.PERSON, 0.7),
            new NeedleDetector("q", EntityType.IP_ADDRESS, 0.7));
    List<PiiFinding> fs = a.analyze("xyz q");
    assertThat(fs)
        .extracting(PiiFinding::type)
        .containsExactly(EntityType.EMAIL_ADDRESS, EntityType.IP_ADDRESS);
  }

  @Test
  void aLoserBridgingTwoWinnersMergesThemUnderTheBestLabel() {
    PiiAnalyzer a =
        analyzer(
            new NeedleDetector("ab", EntityType.SECRET, 0.9),
            new NeedleDetector("ef", EntityType.EMAIL_ADDRESS, 0.8),
            new NeedleDetector("bcde", EntityType.PERSON, 0.6));
    List<PiiFinding> fs = a.analyze("abcdefg");
    assertThat(fs).hasSize(1);
    assertThat(fs.get(0).type()).isEqualTo(EntityType.SECRET);
    assertThat(fs.get(0).start()).isZero();
    assertThat(fs.get(0).end()).isEqualTo(6);
  }

  @Test
  void denseFindingsResolveWithoutQuadraticBlowUp() {
    PiiAnalyzer a = analyzer(new NeedleDetector("x", EntityType.SECRET, 0.9));
    String text = "x ".repeat(200_000);
    assertThat(a.analyze(text)).hasSize(200_000);
  }

  @Test
  void minScoreAndEntityFilters() {
    PiiAnalyzer weak = analyzer(new NeedleDetector("k", EntityType.SECRET, 0.3));
    assertThat(weak.analyze("k")).isEmpty();
    PiiAnalyzer low =
        PiiAnalyzer.builder()
            .clearDetectors()
            .addDetector(new NeedleDetector("k", EntityType.SECRET, 0.3))
            .minScore(0.2)
            .build();
    assertThat(low.analyze("k")).hasSize(1);
    PiiAnalyzer other =
        PiiAnalyzer.builder()
            .clearDetectors()
            .addDetector(new NeedleDetector("k", EntityType.SECRET, 0.9))
            .entities(EnumSet.of(EntityType.EMAIL_ADDRESS))
            .build();
    assertThat(other.analyze("k")).isEmpty();
  }

  @Test
  void aThrowingDetectorFailsTheWholeTextWithoutLeakingIt() {
    Detector boom =
        new NeedleDetector("x", EntityType.SECRET, 0.9) {
          @Override
          public void detect(DetectionContext ctx) {
            throw new IllegalStateException("bad input " + ctx.text());
          }
        };
    PiiAnalyzer a = analyzer(new NeedleDetector("x", EntityType.EMAIL_ADDRESS, 0.9), boom);
    assertThatThrownBy(() -> a.analyze("secret value x"))
        .isInstanceOf(DetectionException.class)
        .hasMessageContaining("needle-1")
        .hasMessageNotContaining("secret value");
  }

  @Test
  void builderRejectsBadValuesWithMessages() {
    assertThatThrownBy(() -> PiiAnalyzer.builder().region("USA")).hasMessageContaining("USA");
    assertThatThrownBy(() -> PiiAnalyzer.builder().minScore(2)).hasMessageContaining("2");
    assertThatThrownBy(() -> EntityType.parse("EMAIL")).hasMessageContaining("EMAIL_ADDRESS");
  }

  @Test
  void emptyTextHasNoFindings() {
    assertThat(PiiAnalyzer.builder().build().analyze("")).isEmpty();
  }
}
