package io.leakguard.cli.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leakguard.core.UserInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RecordFormatsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "text | text",
        "customer.note | customer.note",
        "messages[*].body | messages[0].body,messages[1].body",
        "messages[1].body | messages[1].body",
        "$.customer | customer.note,customer.tags[0],customer.age",
        "*.note | customer.note",
        "missing.path | ''",
      })
  void fieldPathsSelectConcreteLeaves(String path, String expected) throws Exception {
    ObjectNode root =
        (ObjectNode)
            JSON.readTree(
                "{\"text\": \"t\", \"customer\": {\"note\": \"n\", \"tags\": [\"a\"], \"age\": 4,"
                    + " \"vip\": true}, \"messages\": [{\"body\": \"b0\"}, {\"body\": \"b1\"}]}");
    List<String> seen = new ArrayList<>();
    FieldPath.parse(path)
        .apply(
            root,
            (p, t) -> {
              seen.add(p);
              return TextNode.valueOf("<" + t + ">");
            });
    assertThat(String.join(",", seen)).isEqualTo(expected);
    if (!seen.isEmpty() && path.equals("messages[*].body")) {
      assertThat(root.get("messages").get(1).get("body").asText()).isEqualTo("<b1>");
    }
    if (path.equals("$.customer")) {
      assertThat(root.get("customer").get("age").asText()).isEqualTo("<4>");
      assertThat(root.get("customer").get("vip").asBoolean()).isTrue();
    }
  }

  static Stream<Arguments> badPaths() {
    return Stream.of(
        Arguments.of("", "an empty path"),
        Arguments.of("a..b", "a field name at position 2"),
        Arguments.of("a[", "']' after '['"),
        Arguments.of("a[-1]", "[*] or [N]"),
        Arguments.of("a.", "'.' followed by a field name"));
  }

  @ParameterizedTest
  @MethodSource("badPaths")
  void badFieldPathsAreUsageErrors(String path, String message) {
    assertThatThrownBy(() -> FieldPath.parse(path))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining(message);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("a,b,c", List.of("a", "b", "c")),
        Arguments.of("\"a,b\",\"say \"\"hi\"\"\",", List.of("a,b", "say \"hi\"", "")),
        Arguments.of("\"multi\r\nline\",x", List.of("multi\r\nline", "x")),
        Arguments.of("", List.of("")),
        Arguments.of(",", List.of("", "")));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void csvRowsParseAndRoundTrip(String row, List<String> expected) throws Exception {
    List<String> cells = Csv.parse(row);
    assertThat(cells).isEqualTo(expected);
    StringBuilder sb = new StringBuilder();
    Csv.write(cells, sb);
    assertThat(Csv.parse(sb.toString())).isEqualTo(cells);
  }

  static Stream<Arguments> brokenRows() {
    return Stream.of(
        Arguments.of("a\"b,c", "a quote inside an unquoted field in column 1"),
        Arguments.of("\"ab\"c,d", "text after the closing quote in column 1"),
        Arguments.of("x,\"open", "unterminated quoted field in column 2"));
  }

  @ParameterizedTest
  @MethodSource("brokenRows")
  void brokenCsvRows(String row, String message) {
    assertThatThrownBy(() -> Csv.parse(row)).isInstanceOf(Csv.BrokenRow.class).hasMessage(message);
  }

  static List<String> records(String input, boolean csv, int max) throws IOException {
    RecordReader rr =
        new RecordReader(
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new Source("t"),
            csv,
            max);
    List<String> out = new ArrayList<>();
    RawRecord r;
    while ((r = rr.next(false)) != null) {
      out.add(
          r.line
              + "-"
              + r.endLine
              + ":"
              + new String(r.bytes, 0, r.length, StandardCharsets.UTF_8)
              + (r.problem == null ? "" : " !" + r.problem.substring(0, 10)));
    }
    return out;
  }

  @Test
  void recordReaderCutsLinesAndCsvRecords() throws Exception {
    assertThat(records("\uFEFFa\r\nb\n\nc", false, 1024))
        .containsExactly("1-1:a", "2-2:b", "3-3:", "4-4:c");
    assertThat(records("h\n1,\"x\ny\"\n2,a\"b\n3,z\n", true, 1024))
        .containsExactly("1-1:h", "2-3:1,\"x\ny\"", "4-4:2,a\"b", "5-5:3,z");
    assertThat(records("1,\"open\n2,x\n", true, 1024))
        .containsExactly("1-3:1,\"open\n2,x\n !unterminat");
  }

  @Test
  void recordReaderBoundsRecordSizeAndResynchronizes() throws Exception {
    String longLine = "x".repeat(5000);
    List<String> r = records("a\n" + longLine + "\nb\n", false, 1024);
    assertThat(r).hasSize(3);
    assertThat(r.get(1)).startsWith("2-2:xxx").endsWith(" !record lon");
    assertThat(r.get(2)).isEqualTo("3-3:b");
  }

  @Test
  void firstBadUtf8Byte() {
    byte[] b = {'a', 'b', (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x28, 'c'};
    assertThat(RedactPipeline.firstBadUtf8(b, b.length)).isEqualTo(4);
    byte[] cut = {'a', (byte) 0xE2, (byte) 0x82};
    assertThat(RedactPipeline.firstBadUtf8(cut, cut.length)).isEqualTo(1);
  }
}
