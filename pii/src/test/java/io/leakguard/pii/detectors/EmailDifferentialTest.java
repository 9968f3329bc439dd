package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import io.leakguard.pii.spi.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The round-4 {@link EmailDetector} (first label parsed once, context-word length filter) against
 * the round-3 detector kept as {@link EmailDetectorOracle}: the same findings on seeded random
 * texts dense in every standard and obfuscated e-mail form, and on adversarial runs. The bench
 * corpus comparison runs outside the unit tests (see {@code docs/pii-perf.md}, "Round 4: text4").
 */
class EmailDifferentialTest {
  private static final String[] PIECES = {
    "john",
    "John.Smith",
    "j.doe+tag",
    "o'brien",
    "ribeiro.tao",
    "XYZ",
    "a",
    "x_y-z",
    "\"john doe\"",
    "j o h n",
    "c o n t o s o",
    "c a f e - l u m i e r e",
    "@",
    " @ ",
    "@ ",
    " @",
    "[@]",
    "(@)",
    " at ",
    " AT ",
    " At ",
    "at",
    "(at)",
    " (at) ",
    "[at]",
    "<AT>",
    " <at> ",
    "{at}",
    "obj.at(3)",
    ".",
    " . ",
    " dot ",
    "dot",
    " DOT ",
    "[dot]",
    "(dot)",
    " (.) ",
    "[.]",
    "<dot>",
    ",",
    "\n",
    "\r\n",
    "\n> ",
    "\n> > ",
    "com",
    "COM",
    " com",
    "net",
    "org",
    "io",
    "de",
    "co.uk",
    " co uk",
    "onmicrosoft com",
    " onmicrosoft.com",
    "contoso",
    "fabrikam",
    "proseware",
    "cedarmotors",
    "gmx",
    " us",
    " at",
    " it",
    " be",
    " is",
    "mailto:",
    "https://",
    "://",
    ":",
    ":/path",
    ":~/repo.git",
    "2x.png",
    "@2x",
    "www.",
    "localhost",
    "10.0.0.1",
    "8.107.243",
    "é",
    "ñ",
    "Zoë",
    "例え",
    "\u0301",
    "7",
    "42",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "email",
    "e-mail",
    "contact",
    "reach",
    "write me",
    "look",
    "meet me",
    "website",
    "-",
    "_",
    "+",
    "(",
    ")",
    "<",
    ">",
    "[",
    "]",
    "\"",
    "'"
  };

  private static final PiiAnalyzer NEW = analyzer(new EmailDetector());
  private static final PiiAnalyzer OLD = analyzer(new EmailDetectorOracle());

  static PiiAnalyzer analyzer(Detector d) {
    return PiiAnalyzer.builder().clearDetectors().addDetector(d).minScore(0).build();
  }

  /** Every field of every finding, in order. */
  static List<String> describe(List<PiiFinding> found) {
    List<String> out = new ArrayList<>();
    for (PiiFinding f : found) {
      out.add(
          f
              + " "
              + f.charStart()
              + ".."
              + f.charEnd()
              + " "
              + f.score()
              + " "
              + f.form()
              + " "
              + f.canonical()
              + " "
              + f.explanation());
    }
    return out;
  }

  static int assertSame(PiiAnalyzer now, PiiAnalyzer before, String text) {
    List<String> a = describe(now.analyze(text));
    assertThat(a).as("%s", text).isEqualTo(describe(before.analyze(text)));
    return a.size();
  }

  @Test
  void randomTextsGiveTheOraclesFindings() {
    Random r = new Random(20_261_129L);
    int findings = 0;
    for (int iter = 0; iter < 40_000; iter++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + r.nextInt(30);
      for (int k = 0; k < parts; k++) {
        int pick = r.nextInt(PIECES.length + 3);
        if (pick < PIECES.length) {
          sb.append(PIECES[pick]);
        } else if (pick == PIECES.length) {
          sb.append((char) r.nextInt(0x3000));
        } else {
          sb.append((char) (32 + r.nextInt(95)));
        }
      }
      findings += assertSame(NEW, OLD, sb.toString());
    }
    assertThat(findings).isGreaterThan(3_000);
  }

  @Test
  void adversarialRunsGiveTheOraclesFindings() {
    List<String> texts = new ArrayList<>();
    texts.add("a@".repeat(3_000) + "b.com");
    texts.add("x at ".repeat(3_000) + "contoso dot com");
    texts.add("john@" + "contoso.".repeat(60) + "com");
    texts.add("john@" + "c o ".repeat(200) + "com");
    texts.add("@".repeat(5_000));
    texts.add("j.doe@contoso.com\n".repeat(500));
    texts.add(("o.ruiz@\n> > ziggo.nl " + "lukas.mensah\n@proseware.ie ").repeat(200));
    texts.add("john dot smith at contoso dot com, ".repeat(300));
    texts.add("XYZ @contoso com ".repeat(300));
    texts.add("user@" + "a".repeat(70) + ".com user@b.com");
    for (int len = 0; len < 5; len++) {
      texts.add("@".repeat(len) + "a");
      texts.add("at".repeat(len));
    }
    int findings = 0;
    for (String t : texts) {
      findings += assertSame(NEW, OLD, t);
    }
    assertThat(findings).isGreaterThan(1_000);
  }
}
