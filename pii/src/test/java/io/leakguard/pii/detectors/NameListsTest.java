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

  private static int flags(String w) {
    return PersonNames.WORDS.get(w, 0, w.length());
  }
}
