package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven tests of the {@code EMAIL_ADDRESS} detector through the public {@link PiiAnalyzer}.
 * The tables sit next to this class in {@code
 * src/test/resources/io/leakguard/pii/detectors/EmailDetectorTest/}: {@code found.tsv} marks the
 * expected span inside the text with {@code ⟦ ⟧}; {@code not-found.tsv} lists look-alikes.
 */
class EmailDetectorTest {
  private static final char OPEN = '⟦';
  private static final char CLOSE = '⟧';

  private static final PiiAnalyzer EMAIL =
      PiiAnalyzer.builder().entities(EnumSet.of(EntityType.EMAIL_ADDRESS)).build();
  private static final PiiAnalyzer EMAIL_ALL_SCORES =
      PiiAnalyzer.builder().entities(EnumSet.of(EntityType.EMAIL_ADDRESS)).minScore(0).build();

  private static final List<String> STANDARD_PATTERNS =
      List.of("email.standard", "email.quoted", "email.mailto");

  /** One expected finding: code point span in the original text, form, canonical, pattern. */
  record Expected(int start, int end, String form, String canonical, String pattern) {}

  static Stream<Arguments> found() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String line : lines("found.tsv")) {
      String[] findings = line.split(" \\|\\| ");
      String[] first = findings[0].split(" \\| ");
      String marked = unescape(first[0]);
      StringBuilder text = new StringBuilder();
      List<int[]> spans = new ArrayList<>();
      int cp = 0;
      int spanStart = -1;
      for (int i = 0; i < marked.length(); ) {
        int c = marked.codePointAt(i);
        i += Character.charCount(c);
        if (c == OPEN) {
          spanStart = cp;
        } else if (c == CLOSE) {
          spans.add(new int[] {spanStart, cp});
        } else {
          text.appendCodePoint(c);
          cp++;
        }
      }
      List<Expected> expected = new ArrayList<>();
      for (int f = 0; f < findings.length; f++) {
        String[] cols = findings[f].split(" \\| ");
        int off = f == 0 ? 1 : 0;
        expected.add(
            new Expected(
                spans.get(f)[0], spans.get(f)[1], cols[off], cols[off + 1], cols[off + 2]));
      }
      assertThat(spans).as("markers in %s", line).hasSize(findings.length);
      out.add(Arguments.of(text.toString(), expected));
    }
    return out.stream();
  }

  static Stream<String> notFound() throws IOException {
    return lines("not-found.tsv").stream().map(EmailDetectorTest::unescape);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("found")
  void findsAddress(String text, List<Expected> expected) {
    List<PiiFinding> findings = EMAIL.analyze(text);
    List<Expected> actual = new ArrayList<>();
    for (PiiFinding f : findings) {
      assertThat(f.type()).isEqualTo(EntityType.EMAIL_ADDRESS);
      assertThat(f.detector()).isEqualTo("email");
      assertThat(f.explanation().validation())
          .isEqualTo(
              "email.provider".equals(f.explanation().pattern())
                  ? "mail-provider" // MAIL_PROVIDER: no top-level domain (session 14)
                  : "public-suffix");
      actual.add(
          new Expected(f.start(), f.end(), f.form(), f.canonical(), f.explanation().pattern()));
      // the normalizer's forms (fullwidth, html-entity...) hide a standard address: still 0.95
      if (STANDARD_PATTERNS.contains(f.explanation().pattern())) {
        assertThat(f.score()).as("standard score").isEqualTo(0.95);
      } else {
        assertThat(f.score()).as("obfuscated score").isBetween(0.5, 0.9);
      }
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("notFound")
  void ignoresLookAlike(String text) {
    assertThat(EMAIL.analyze(text)).isEmpty();
  }

  /** Scores: the evidence model of the design notes, exact values. */
  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("scores")
  void scoresByEvidence(String text, double score, String pattern) {
    List<PiiFinding> f = EMAIL_ALL_SCORES.analyze(text);
    assertThat(f).hasSize(1);
    assertThat(f.get(0).score()).isEqualTo(score);
    assertThat(f.get(0).explanation().pattern()).isEqualTo(pattern);
  }

  static Stream<Arguments> scores() {
    return Stream.of(
        Arguments.of("john.smith@contoso.com", 0.95, "email.standard"),
        // literal @ with spaces, common TLD
        Arguments.of("XYZ @contoso com", 0.8, "email.spaced"),
        // + username-like local part (a dot)
        Arguments.of("john . smith @ contoso . com", 0.9, "email.spaced"),
        // at + dot words together, username-like local
        Arguments.of("john dot smith at contoso dot com", 0.85, "email.at-word"),
        Arguments.of("JOHN AT CONTOSO DOT COM", 0.75, "email.at-word"),
        // at word with a plain domain: weakest accepted form
        Arguments.of("name at domain.com", 0.6, "email.at-word"),
        // context word raises the score
        Arguments.of("email: name at domain.com", 0.7, "email.at-word"),
        // at word + a space for the dot: ambiguous, under 0.5 without evidence
        Arguments.of("xyz at contoso com", 0.45, "email.at-word"),
        Arguments.of("send mail to xyz at contoso com", 0.55, "email.at-word"),
        Arguments.of("Jean at Maison de", 0.45, "email.at-word"),
        Arguments.of("ribeiro.tao<AT>cedarmotors<dot>net", 0.9, "email.bracketed"),
        // SCP_REMOTE: a service account in a git remote, kept under the default minimum
        Arguments.of("git@github.com:org/repo.git", 0.3, "email.scp-remote"),
        // URL_USERINFO: left to the secret detector
        Arguments.of("https://john@contoso.com/repo", 0.4, "email.url-userinfo"),
        // ... and a password after the user info's ":" (session 13)
        Arguments.of("https://bob:Secr3tPass@gitlab.contoso.com/a.git", 0.4, "email.url-userinfo"),
        Arguments.of("ftp://ftpuser:Ftp!2025x@ftp.contoso.com/outbox", 0.4, "email.url-userinfo"),
        // an address in a URL's path or query stays an address
        Arguments.of("https://portal.contoso.com/u/maria@contoso.com", 0.95, "email.standard"),
        Arguments.of("mailto:john.doe@contoso.com", 0.95, "email.mailto"));
  }

  static Stream<Arguments> suffixes() throws IOException {
    return lines("suffix.tsv").stream()
        .map(l -> l.split("\t"))
        .map(f -> Arguments.of(f[0], Integer.parseInt(f[1])));
  }

  /**
   * The memoized, allocation-free public-suffix lookup answers as Guava does, on a miss and on the
   * following hit; a last label starting with a digit is answered without Guava.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("suffixes")
  void publicSuffixPartsAsGuava(String domain, int parts) {
    char[] d = (domain + "#tail").toCharArray();
    assertThat(EmailDetector.publicSuffixParts(domain)).isEqualTo(parts);
    assertThat(EmailDetector.publicSuffixParts(d, domain.length())).isEqualTo(parts);
    assertThat(EmailDetector.publicSuffixParts(d, domain.length())).isEqualTo(parts);
  }

  @Test
  void contextWordsAreExplained() {
    PiiFinding f = EMAIL.analyze("please e-mail JOHN AT CONTOSO DOT COM").get(0);
    assertThat(f.explanation().contextWords()).containsExactly("mail");
    assertThat(f.explanation().baseScore()).isEqualTo(0.75);
    assertThat(f.score()).isEqualTo(0.85);
  }

  @Test
  void sameAddressWrittenDifferentlyHasOneCanonicalValue() {
    List<String> canonical = new ArrayList<>();
    for (String t :
        List.of(
            "XYZ @contoso com",
            "xyz at contoso dot com",
            "xyz@contoso.com",
            "XYZ＠CONTOSO．COM",
            "xyz (at) contoso (dot) com",
            "x y z @ c o n t o s o . c o m",
            "xyz&#64;contoso.com")) {
      canonical.add(EMAIL.analyze(t).get(0).canonical());
    }
    assertThat(canonical).containsOnly("xyz@contoso.com");
  }

  @Test
  void spansAreCodePointsInTheOriginalText() {
    // an astral emoji before the address shifts char offsets but not code point offsets
    String text = "\uD83D\uDE00 mail john&#64;contoso.com";
    PiiFinding f = EMAIL.analyze(text).get(0);
    assertThat(f.start()).isEqualTo(7);
    assertThat(f.end()).isEqualTo(text.codePointCount(0, text.length()));
    assertThat(f.charStart()).isEqualTo(8);
    assertThat(text.substring(f.charStart(), f.charEnd())).isEqualTo("john&#64;contoso.com");
  }

  @Test
  void linearOnAdversarialAtChains() {
    // 1 MB of "a@a@a@..." and of "a at a at ...": analysed (no timing assertion, just no blow-up)
    String chain = "a@".repeat(512 * 1024);
    assertThatCode(() -> EMAIL.analyze(chain)).doesNotThrowAnyException();
    assertThat(EMAIL.analyze(chain)).isEmpty();
    String words = "a at ".repeat(200 * 1024);
    assertThat(EMAIL.analyze(words)).isEmpty();
    String dots = "x@" + "a.".repeat(300 * 1024) + "com";
    assertThatCode(() -> EMAIL.analyze(dots)).doesNotThrowAnyException();
    String longLocal = "a".repeat(1 << 20) + "@contoso.com";
    assertThat(EMAIL.analyze(longLocal)).isEmpty(); // local part longer than 64: not an address
  }

  @Test
  void randomTextNeverThrows() {
    String[] pieces = {
      "@",
      " at ",
      "at",
      " dot ",
      ".",
      ",",
      " ",
      "\n",
      "(",
      ")",
      "[",
      "]",
      "<",
      ">",
      "{",
      "}",
      "\"",
      "a",
      "xyz",
      "contoso",
      "com",
      "co",
      "uk",
      "1",
      "-",
      "_",
      "+",
      "mailto:",
      ":",
      "/",
      "＠",
      "．",
      "\u200B",
      "&#64;",
      "%40",
      "é",
      "\uD83D\uDE00",
      "\t",
      "dot",
      "AT",
      "www."
    };
    Random rnd = new Random(42);
    for (int round = 0; round < 3000; round++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(40);
      for (int i = 0; i < len; i++) {
        sb.append(pieces[rnd.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      List<PiiFinding> findings = EMAIL_ALL_SCORES.analyze(text);
      int cps = text.codePointCount(0, text.length());
      for (PiiFinding f : findings) {
        assertThat(f.start()).isBetween(0, f.end());
        assertThat(f.end()).isLessThanOrEqualTo(cps);
        assertThat(f.canonical()).contains("@");
      }
    }
  }

  private static List<String> lines(String name) throws IOException {
    try (InputStream in =
        EmailDetectorTest.class.getResourceAsStream("EmailDetectorTest/" + name)) {
      assertThat(in).as(name).isNotNull();
      List<String> out = new ArrayList<>();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (!l.isBlank() && !l.startsWith("#")) {
          out.add(l);
        }
      }
      return out;
    }
  }

  /** Java-like escapes {@code \n \r \t \\uXXXX}; other backslashes stay. */
  static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        sb.append(c);
        continue;
      }
      char d = s.charAt(i + 1);
      if (d == 'n') {
        sb.append('\n');
        i++;
      } else if (d == 'r') {
        sb.append('\r');
        i++;
      } else if (d == 't') {
        sb.append('\t');
        i++;
      } else if (d == 'u' && i + 5 < s.length()) {
        sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
