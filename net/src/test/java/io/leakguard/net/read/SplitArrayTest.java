package io.leakguard.net.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SplitArrayTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Every array-rooted export among the test resources parses to the same tree, for any split. */
  @Test
  void sameTreeAsOneParseOnEveryArrayExportOfTheTests() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/io/leakguard/net/ScenarioTest"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    int arrays = 0;
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      JsonNode whole = MAPPER.readTree(b);
      for (int runs : new int[] {2, 3, 7, 1000}) {
        JsonNode split = SplitArray.parse(MAPPER, b, runs);
        if (split != null) { // null: too few elements for this many runs (one parse instead)
          assertThat(split).as(f + " in %d runs", runs).isEqualTo(whole);
        }
      }
      if (whole.isArray() && whole.size() >= 2) {
        // a cut at every comma between elements
        assertThat(SplitArray.parse(MAPPER, b, b.length)).as(f.toString()).isEqualTo(whole);
      }
      if (whole.isArray() && whole.size() >= 2) {
        arrays++;
      }
    }
    assertThat(arrays).as("array-rooted exports among the scenario inputs").isGreaterThan(5);
  }

  /**
   * Random arrays whose strings are full of delimiters and escapes, and the same bytes cut short or
   * with one byte removed: whenever the split parse gives a tree it is the one-piece parse's, and
   * it gives none when the one-piece parse fails.
   */
  @Test
  void randomArraysAndDamagedOnesMatchTheOnePieceParse() {
    java.util.Random rnd = new java.util.Random(11);
    String alphabet = "ab,]}[{:\\\" é\u0001";
    int trees = 0;
    for (int k = 0; k < 3000; k++) {
      StringBuilder json = new StringBuilder("[");
      int n = 2 + rnd.nextInt(8);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          json.append(rnd.nextBoolean() ? "," : " ,\n ");
        }
        StringBuilder str = new StringBuilder();
        for (int j = rnd.nextInt(12); j > 0; j--) {
          char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
          str.append(
              c == '"' || c == '\\' ? "\\" + c : c == '\u0001' ? "\\u0001" : String.valueOf(c));
        }
        json.append(
            switch (rnd.nextInt(3)) {
              case 0 -> "\"" + str + "\"";
              case 1 -> "{\"k\":\"" + str + "\",\"a\":[1,{\"b\":\"" + str + "\"}]}";
              default -> "[\"" + str + "\"," + i + "]";
            });
      }
      json.append("]");
      byte[] b = utf8(json.toString());
      switch (rnd.nextInt(3)) {
        case 0 -> b = java.util.Arrays.copyOf(b, 1 + rnd.nextInt(b.length)); // cut short
        case 1 -> { // one byte removed
          int at = rnd.nextInt(b.length);
          byte[] c = new byte[b.length - 1];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, at + 1, c, at, b.length - at - 1);
          b = c;
        }
        default -> {}
      }
      JsonNode whole;
      try {
        whole = MAPPER.readTree(b);
      } catch (java.io.IOException e) {
        whole = null;
      }
      for (int runs : new int[] {2, 5, b.length}) {
        JsonNode split = SplitArray.parse(MAPPER, b, runs);
        if (split != null) {
          trees++;
          assertThat(whole).as(new String(b, StandardCharsets.UTF_8)).isNotNull();
          assertThat(split).as(new String(b, StandardCharsets.UTF_8)).isEqualTo(whole);
        }
      }
    }
    assertThat(trees).isGreaterThan(2000);
  }

  /** Strings holding brackets, commas, quotes and escapes do not move the cuts. */
  @Test
  void delimitersInsideStringsAndNestedValues() throws Exception {
    String json =
        "[ {\"name\":\"a,b]\",\"d\":\"q\\\"],[\",\"x\":[1,[2,3],{\"y\":\"}\"}]},\n"
            + "\"\\\\\", 7 , [ ], {\"z\":\"\\u005d,\"}, \"é,ü\" ]\n";
    byte[] b = utf8(json);
    JsonNode whole = MAPPER.readTree(b);
    for (int runs = 1; runs <= 40; runs++) {
      JsonNode split = SplitArray.parse(MAPPER, b, runs);
      if (split != null) {
        assertThat(split).as("runs=%d", runs).isEqualTo(whole);
      }
    }
    assertThat(SplitArray.parse(MAPPER, b, 40)).isEqualTo(whole);
    assertThat(whole.size()).isEqualTo(6);
  }

  /** Input the whole-file parse must judge (so its error names line and column) gives null. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"value\":[1,2,3]}",
        "[1,2,3] trailing",
        "[1,2,3]]",
        "[1,,2,3]",
        "[,1,2]",
        "[1,2,]",
        "[1,2,3",
        "[\"open string,1,2]",
        "[1,2,{\"a\":1]",
        "\uFEFF[1,2,3]",
        "[1]",
        "   "
      })
  void unusualInputIsLeftToTheWholeFileParse(String json) {
    assertThat(SplitArray.parse(MAPPER, utf8(json), 1000)).isNull();
  }

  @Test
  void smallFilesAreNotSplit() throws Exception {
    assertThat(SplitArray.parse(MAPPER, utf8("[1,2,3,4,5,6,7,8]"))).isNull();
  }
}
