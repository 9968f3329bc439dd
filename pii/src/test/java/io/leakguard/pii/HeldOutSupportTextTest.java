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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The held-out support text of sessions 5, 6 and 7 ({@code docs/pii-heldout.md}): tickets, chats,
 * mail headers and signatures, quoted replies and pasted logs in several languages' conventions,
 * written apart from the corpus generator. {@code HeldOutSupportTextTest/pii.tsv} marks every
 * expected finding inline as {@code ⟦TYPE:value⟧}: the findings must be exactly the marks (type and
 * span, in code points), no more and no fewer. {@code HeldOutSupportTextTest/lookalikes.txt} lines
 * (versions, build and KB numbers, GUIDs, hashes, stack traces, message ids, identifiers) give no
 * finding. Every entity on, default minimum score; {@code \n} in a line is a line break, {@code
 * \r\n} a CRLF line end (tabs are real tab chars).
 */
class HeldOutSupportTextTest {
  private static final PiiAnalyzer ANALYZER = PiiAnalyzer.builder().build();

  static Stream<String> pii() throws IOException {
    return lines("pii.tsv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pii")
  void findsExactlyTheMarkedEntities(String marked) {
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    String line = unescape(marked);
    int i = 0;
    while (i < line.length()) {
      int open = line.indexOf('⟦', i);
      if (open < 0) {
        text.append(line, i, line.length());
        break;
      }
      text.append(line, i, open);
      int close = line.indexOf('⟧', open);
      int colon = line.indexOf(':', open);
      String type = line.substring(open + 1, colon);
      String value = line.substring(colon + 1, close);
      int start = text.codePointCount(0, text.length());
      text.append(value);
      expected.add(type + "[" + start + "," + text.codePointCount(0, text.length()) + ")=" + value);
      i = close + 1;
    }
    String input = text.toString();
    int[] cps = input.codePoints().toArray();
    List<String> found =
        ANALYZER.analyze(input).stream()
            .map(
                f ->
                    f.type()
                        + "["
                        + f.start()
                        + ","
                        + f.end()
                        + ")="
                        + new String(cps, f.start(), f.end() - f.start()))
            .sorted()
            .collect(Collectors.toList());
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
  }

  static Stream<String> lookalikes() throws IOException {
    return lines("lookalikes.txt").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookalikes")
  void flagsNoLookalike(String input) {
    assertThat(ANALYZER.analyze(unescape(input))).isEmpty();
  }

  /** {@code \r\n} is a CRLF line end (session 6), {@code \n} a line break. */
  private static String unescape(String line) {
    return line.replace("\\r\\n", "\r\n").replace("\\n", "\n");
  }

  private static List<String> lines(String file) throws IOException {
    try (InputStream in =
        HeldOutSupportTextTest.class.getResourceAsStream("HeldOutSupportTextTest/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource HeldOutSupportTextTest/" + file);
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
