package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed name lists are exactly what {@link NameListsGenerator} extracts from datafaker.
 * With {@code -Dleakguard.regenerateNames=true} the test rewrites them instead.
 */
class NameListsTest {
  private static final Path DIR = Path.of("src/main/resources/io/leakguard/pii/names");

  @ParameterizedTest
  @CsvSource({"first-names.txt, first_name, First names", "last-names.txt, last_name, Last names"})
  void committedListMatchesGenerator(String file, String suffix, String title) throws IOException {
    String expected = NameListsGenerator.render(suffix, title);
    Path path = DIR.resolve(file);
    if (Boolean.getBoolean("leakguard.regenerateNames")) {
      Files.writeString(path, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(path, StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void listsHoldThousandsOfNamesAndFoldCaseAndAccents() {
    assertThat(PersonNames.load("first-names.txt")).hasSizeGreaterThan(10_000);
    assertThat(PersonNames.load("last-names.txt")).hasSizeGreaterThan(20_000);
    assertThat(flags("José")).isEqualTo(flags("JOSE")).isEqualTo(flags("jose"));
    assertThat(flags("José") & PersonNames.FIRST).isNotZero();
    assertThat(flags("Müller") & PersonNames.LAST).isNotZero();
    assertThat(flags("Mu\u0308ller") & PersonNames.LAST).isNotZero();
    assertThat(flags("O\u2019Hara") & PersonNames.LAST).isNotZero();
    assertThat(flags("Bill")).isEqualTo(PersonNames.FIRST | PersonNames.AMBIGUOUS);
    assertThat(flags("Monday") & PersonNames.NOT_ALONE).isNotZero();
    assertThat(flags("Ltd") & PersonNames.NOT_NAME).isNotZero();
    assertThat(flags("Qorbel")).isZero();
    assertThat(PersonNames.TECH_PHRASES.contains("visual  studio")).isTrue();
  }

  /**
   * A small table: the first/last-char and length filter, the packed keys (at most 9 ASCII chars)
   * and the ASCII fast path must not change answers.
   */
  private static final NameSet SMALL =
      new NameSet(
          java.util.Map.of(
              "dr",
              1,
              "thank you",
              2,
              "anna",
              4,
              "josé",
              8,
              "averyveryverylongkeyword",
              16,
              "ninechars",
              32,
              "tencharsxy",
              64,
              "σοφία",
              128));

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "dr|1",
        "DR|1",
        "d|0", // a prefix of a key: shorter than every key starting with d
        "drx|0",
        "thank you|2",
        "THANK   you|2", // whitespace runs fold to one space
        "thank\tyou|2",
        "thankyou|0",
        "anna|4",
        "ANNA|4",
        "Anná|4", // a combining mark is dropped: longer raw region, same key
        "annas|0",
        "josé|8",
        "JOSÉ|8",
        "José|8",
        "jose|8", // Latin letters fold to their base letter: é to e
        "averyveryverylongkeyword|16",
        "AVERYVERYVERYLONGKEYWORD|16",
        "averyveryverylongkeywordx|0",
        "d\u0000r|0", // a NUL folds to itself: no key
        "x|0",
        "ninechars|32", // the longest packed key
        "NINECHARS|32",
        "ninechar|0",
        "ninecharz|0",
        "tencharsxy|64", // one char too long to pack: compared through its array
        "TENCHARSXY|64",
        "tencharsx|0",
        "tencharsxz|0",
        "σοφία|128", // a non-ASCII folded key: not packed
        "ΣΟΦΊΑ|128",
        "σοφια|0",
        "anne|0", // same first char and length as a key, another last char
        "annä|4", // a non-ASCII last char passes the filter and folds to the key's
        "\"anna \"|0", // a trailing space is kept: no key ends with one
        "dŕ|1", // a trailing combining mark is dropped
      })
  void smallSetAnswersExactly(String region, int expected) {
    String r = region.replace("\\t", "\t");
    assertThat(SMALL.get(r, 0, r.length())).isEqualTo(expected);
    char[] padded = ("..." + r + "...").toCharArray();
    assertThat(SMALL.get(padded, 3, 3 + r.length())).isEqualTo(expected);
    assertThat(SMALL.get(padded, 3, 3)).isZero();
  }

  private static int flags(String w) {
    return PersonNames.WORDS.get(w, 0, w.length());
  }
}
