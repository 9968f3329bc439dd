package io.leakguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakguard.core.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code leakguard analyze} on real files (DESIGN §5): one JSON line per record with code point
 * offsets, JSONL fields chosen by path, plain text with line numbers as ids, and a clear error
 * (file, line, what was expected, exit 2) for a line that is not JSON, without stopping the run.
 */
class AnalyzeCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private record Run(int code, List<JsonNode> records, String err) {}

  private Run run(String... args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    List<JsonNode> records = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        records.add(MAPPER.readTree(line));
      }
    }
    return new Run(code, records, err.toString());
  }

  private static String covered(String text, JsonNode f) {
    int[] cps = text.codePoints().toArray();
    return new String(cps, f.get("start").asInt(), f.get("end").asInt() - f.get("start").asInt());
  }

  @Test
  void jsonlWithNestedFieldAndIdGivesCodePointSpans() throws IOException {
    String text = "😀 Mail XYZ @contoso com or call (425) 555-0143.";
    Path in = dir.resolve("cases.jsonl");
    Files.writeString(
        in,
        "{\"case\":{\"no\":\"C-1\"},\"body\":{\"text\":"
            + MAPPER.writeValueAsString(text)
            + "}}\n\n{\"case\":{\"no\":\"C-2\"},\"body\":{\"text\":\"build 10.0.19041.1\"}}\n",
        StandardCharsets.UTF_8);

    Run r = run("analyze", "--text-field", "body.text", "--id-field", "case.no", in.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.records()).hasSize(2);
    JsonNode first = r.records().get(0);
    assertThat(first.get("id").asText()).isEqualTo("C-1");
    List<String> found = new ArrayList<>();
    for (JsonNode f : first.get("findings")) {
      found.add(f.get("type").asText() + "=" + covered(text, f));
      assertThat(f.get("detector").asText()).isNotEmpty();
      assertThat(f.get("score").asDouble()).isBetween(0.5, 1.0);
    }
    assertThat(found)
        .containsExactly("EMAIL_ADDRESS=XYZ @contoso com", "PHONE_NUMBER=(425) 555-0143");
    assertThat(r.records().get(1).get("id").asText()).isEqualTo("C-2");
    assertThat(r.records().get(1).get("findings")).isEmpty();
  }

  @Test
  void plainTextUsesLineNumbersAsIds() throws IOException {
    Path in = dir.resolve("notes.txt");
    Files.writeString(in, "nothing here\nserver 10[.]0[.]0[.]1 down\n", StandardCharsets.UTF_8);

    Run r = run("analyze", "--input", "text", "--explain", in.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.records()).hasSize(2);
    assertThat(r.records().get(0).get("id").asInt()).isEqualTo(1);
    assertThat(r.records().get(0).get("findings")).isEmpty();
    JsonNode f = r.records().get(1).get("findings").get(0);
    assertThat(r.records().get(1).get("id").asInt()).isEqualTo(2);
    assertThat(f.get("type").asText()).isEqualTo("IP_ADDRESS");
    assertThat(covered("server 10[.]0[.]0[.]1 down", f)).isEqualTo("10[.]0[.]0[.]1");
    assertThat(f.has("explanation")).as(f.toString()).isTrue();
  }

  @Test
  void aLineThatIsNotJsonIsAnErrorWithFileLineAndHintAndTheRunGoesOn() throws IOException {
    Path in = dir.resolve("mixed.jsonl");
    Files.writeString(
        in,
        "{\"id\":1,\"text\":\"mail john@contoso.com\"}\n"
            + "Dear support, my card is 4111 1111 1111 1111\n"
            + "{\"id\":3,\"text\":\"ok\"}\n"
            + "{\"id\":4,\"text\":42}\n",
        StandardCharsets.UTF_8);

    Run r = run("analyze", in.toString());

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.records()).extracting(n -> n.get("id").asInt()).containsExactly(1, 3);
    assertThat(r.err())
        .contains(in + ":2: malformed JSON (column 1), expected one JSON object per line")
        .contains("use --input text")
        .contains(in + ":4: field 'text' is not a string")
        .doesNotContain("4111", "Exception", "\tat ");
  }

  @Test
  void aRecordWithoutTheTextFieldIsAnErrorNotAnEmptyResult() throws IOException {
    // a help-desk export with its text in "description": "findings": [] would read as clean
    Path in = dir.resolve("tickets.jsonl");
    Files.writeString(
        in,
        "{\"id\":1,\"description\":\"call 0151 23456789\"}\n"
            + "{\"id\":2,\"text\":null}\n"
            + "{\"id\":3,\"text\":\"mail john@contoso.com\"}\n",
        StandardCharsets.UTF_8);

    Run r = run("analyze", in.toString());

    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.records()).extracting(n -> n.get("id").asInt()).containsExactly(2, 3);
    assertThat(r.records().get(0).get("findings")).isEmpty();
    assertThat(r.records().get(1).get("findings")).hasSize(1);
    assertThat(r.err())
        .contains(in + ":1: no field 'text' (--text-field), expected a string or null")
        .doesNotContain("0151", "Exception");

    r = run("analyze", "--text-field", "description", in.toString());
    assertThat(r.records()).extracting(n -> n.get("id").asInt()).containsExactly(1);
    assertThat(r.records().get(0).get("findings").get(0).get("type").asText())
        .isEqualTo("PHONE_NUMBER");
  }
}
