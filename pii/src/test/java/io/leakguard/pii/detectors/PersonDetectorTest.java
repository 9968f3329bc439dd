package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven tests of the PERSON detector through the public {@link PiiAnalyzer}. The tables sit
 * in {@code src/test/resources/io/leakguard/pii/detectors/PersonDetectorTest/}: expected spans are
 * marked inline with {@code ⟦ ⟧} and turned into code point offsets of the unmarked text.
 */
class PersonDetectorTest {
  private static final PiiAnalyzer PERSON =
      PiiAnalyzer.builder().entities(EnumSet.of(EntityType.PERSON)).build();
  private static final char OPEN = '⟦';
  private static final char CLOSE = '⟧';

  /** A text with its expected spans, in code points of the unmarked text. */
  record Marked(String text, List<int[]> spans) {
    static Marked parse(String marked) {
      String s = marked.replace("\\n", "\n");
      StringBuilder out = new StringBuilder();
      List<int[]> spans = new ArrayList<>();
      int cp = 0;
      int open = -1;
      for (int i = 0; i < s.length(); ) {
        int c = s.codePointAt(i);
        i += Character.charCount(c);
        if (c == OPEN) {
          open = cp;
        } else if (c == CLOSE) {
          spans.add(new int[] {open, cp});
        } else {
          out.appendCodePoint(c);
          cp++;
        }
      }
      return new Marked(out.toString(), spans);
    }
  }

  static Stream<Arguments> positives() throws IOException {
    return lines("positives.tsv").stream()
        .map(l -> l.split("\t", -1))
        .map(c -> Arguments.of(c[0], c[1], c[2], c[3]));
  }

  static Stream<Arguments> negatives() throws IOException {
    return lines("negatives.txt").stream()
        .map(l -> l.contains(" ## ") ? l.substring(0, l.indexOf(" ## ")) : l)
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positives")
  void findsTheNameWithExactSpans(String marked, String patterns, String canon, String scores) {
    Marked m = Marked.parse(marked);
    List<PiiFinding> found = PERSON.analyze(m.text());

    assertThat(found).extracting(PiiFinding::type).containsOnly(EntityType.PERSON);
    assertThat(found)
        .extracting(f -> f.start() + ".." + f.end())
        .containsExactlyElementsOf(m.spans().stream().map(s -> s[0] + ".." + s[1]).toList());
    assertThat(found)
        .extracting(f -> f.explanation().pattern())
        .containsExactly(patterns.split(";"));
    assertThat(found).extracting(PiiFinding::canonical).containsExactly(canon.split(";"));
    assertThat(found).extracting(f -> String.valueOf(f.score())).containsExactly(scores.split(";"));
    for (PiiFinding f : found) {
      assertThat(f.detector()).isEqualTo("person");
      assertThat(f.explanation().validation()).isIn("name-list", "none");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negatives")
  void reportsNothing(String text) {
    assertThat(PERSON.analyze(text.replace("\\n", "\n"))).isEmpty();
  }

  @Test
  void listedNameWithCueIsValidatedByTheList() {
    PiiFinding f = PERSON.analyze("Hi Maria,").get(0);
    assertThat(f.explanation().validation()).isEqualTo("name-list");
    assertThat(f.explanation().contextWords()).containsExactly("hi");
    assertThat(f.explanation().baseScore()).isEqualTo(0.4);
    assertThat(f.charStart()).isEqualTo(3);
    assertThat(f.charEnd()).isEqualTo(8);
  }

  @Test
  void singleListedNameWithoutCueIsNotReportedEvenAtLowMinimum() {
    PiiAnalyzer low =
        PiiAnalyzer.builder().entities(EnumSet.of(EntityType.PERSON)).minScore(0).build();
    assertThat(low.analyze("Maria said it works now")).isEmpty();
  }

  @Test
  void fullWidthNameMapsBackToTheOriginalSpan() {
    // full-width letters are folded by the normalizer; the span still covers the original chars
    String text = "Hi Ｍａｒｉａ,";
    List<PiiFinding> found = PERSON.analyze(text);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).start()).isEqualTo(3);
    assertThat(found.get(0).end()).isEqualTo(8);
    assertThat(found.get(0).canonical()).isEqualTo("Maria");
    assertThat(found.get(0).form()).isEqualTo("fullwidth");
  }

  @Test
  void oneMegabyteOfCapitalizedWordsRunsThrough() {
    // no timing assertion: this guards against super-linear scans and per-token blow-ups
    String[] words = {
      "Maria",
      "Gonzalez",
      "Windows",
      "Server",
      "Hi",
      "John",
      "Smith",
      "Regards",
      "Azure",
      "Bill",
      "Contoso",
      "Ltd",
      "Dear",
      "Mr",
      "Anna",
      "Müller"
    };
    StringBuilder sb = new StringBuilder(1 << 20);
    int i = 0;
    while (sb.length() < (1 << 20)) {
      sb.append(words[i % words.length]);
      int sep = (i * 7) % 5;
      sb.append(sep == 0 ? ", " : sep == 1 ? ".\n" : " ");
      i++;
    }
    List<PiiFinding> found = PERSON.analyze(sb.toString());
    assertThat(found).isNotEmpty();
    assertThat(found).allSatisfy(f -> assertThat(f.end()).isGreaterThan(f.start()));
  }

  @Test
  void allDetectorsTogetherKeepTheEmailAndTheName() {
    PiiAnalyzer all = PiiAnalyzer.builder().build();
    List<PiiFinding> found = all.analyze("From: Maria Gonzalez <maria@contoso.com>");
    assertThat(found)
        .filteredOn(f -> f.type() == EntityType.PERSON)
        .extracting(f -> f.start() + ".." + f.end())
        .containsExactly("6..20");
  }

  private static List<String> lines(String file) throws IOException {
    String res = "PersonDetectorTest/" + file;
    try (InputStream in = PersonDetectorTest.class.getResourceAsStream(res)) {
      assertThat(in).as(res).isNotNull();
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return all.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }
}
