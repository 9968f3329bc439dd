package io.leakguard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-written support-ticket lines, written apart from the corpus generator (whose templates the
 * engine was tuned on): every entity of a line is found with exactly the written value ({@code
 * SupportTextTest/pii.tsv}), and lines full of look-alikes (build numbers, versions, GUIDs, hashes,
 * error codes, order and tracking numbers, timestamps) give no finding at all ({@code
 * SupportTextTest/lookalikes.txt}). Every entity on, default minimum score.
 */
class SupportTextTest {
  private static final PiiAnalyzer ANALYZER = PiiAnalyzer.builder().build();

  static Stream<Arguments> pii() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String line : lines("pii.tsv")) {
      String[] cols = line.split("\t", -1);
      out.add(Arguments.of(cols[0], cols[1]));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pii")
  void findsEveryEntityWithItsWrittenValue(String input, String expected) {
    String found =
        ANALYZER.analyze(input).stream()
            .map(f -> f.type() + ":" + input.substring(f.start(), f.end()))
            .collect(Collectors.joining(";"));
    assertThat(found).isEqualTo(expected);
  }

  static Stream<String> lookalikes() throws IOException {
    return lines("lookalikes.txt").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookalikes")
  void flagsNoLookalike(String input) {
    assertThat(ANALYZER.analyze(input)).isEmpty();
  }

  private static List<String> lines(String file) throws IOException {
    try (InputStream in = SupportTextTest.class.getResourceAsStream("SupportTextTest/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource SupportTextTest/" + file);
      }
      List<String> out = new ArrayList<>();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!l.isBlank() && !l.startsWith("#")) {
          out.add(l);
        }
      }
      return out;
    }
  }
}
