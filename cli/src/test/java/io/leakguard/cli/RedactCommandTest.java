package io.leakguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakguard.cli.redact.QuarantineFile;
import io.leakguard.cli.redact.RedactPipeline;
import io.leakguard.cli.redact.Summary;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.redact.Keys;
import io.leakguard.pii.redact.RedactionPolicy;
import io.leakguard.pii.redact.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = Base64.getEncoder().encodeToString(bytes(32));

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 37 + 11);
    }
    return b;
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  Path resource(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("RedactCommandTest/" + name)) {
      Path p = dir.resolve(name);
      Files.write(p, in.readAllBytes());
      return p;
    }
  }

  Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  Path keyFile() throws IOException {
    return write("leakguard.key", KEY + "\n");
  }

  @AfterEach
  void resetEnv() {
    KeyOptions.env = System::getenv;
  }

  @Test
  void jsonlNestedPathsRedactOnlyTheSelectedFieldsAndKeepUntouchedRecordsByteForByte()
      throws Exception {
    Path in = resource("nested.jsonl");
    Path out = dir.resolve("out.jsonl");
    Run r =
        run(
            "redact",
            in.toString(),
            "-o",
            out.toString(),
            "--field",
            "messages[*].body",
            "--field",
            "customer.note");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out))
        .isEqualTo(Files.readString(resource("nested.expected.jsonl")));
    assertThat(r.err())
        .contains("records: 3 in, 3 out, 0 dropped, 0 quarantined")
        .contains("EMAIL_ADDRESS=3");
    assertThat(dir.resolve("out.jsonl.quarantine.jsonl")).doesNotExist();
  }

  @Test
  void findingsGiveCodePointOffsetsIntoTheOriginalFieldValue() throws Exception {
    Path in =
        write(
            "in.jsonl",
            "{\"text\": \"😀 é xyz@contoso.com\", \"m\": [{\"b\": \"x Zyx Qwvut\"}]}\n");
    Run r = run("redact", in.toString(), "--findings", "--field", "text", "--field", "m[0].b");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = JSON.readTree(r.out());
    assertThat(n.get("text").asText()).isEqualTo("😀 é <EMAIL_ADDRESS>");
    assertThat(n.get("m").get(0).get("b").asText()).isEqualTo("x <PERSON>");
    JsonNode f = n.get("findings");
    assertThat(f).hasSize(2);
    assertThat(
            List.of(
                f.get(0).get("field").asText(),
                f.get(0).get("type").asText(),
                f.get(0).get("start").asInt(),
                f.get(0).get("end").asInt()))
        .containsExactly("text", "EMAIL_ADDRESS", 4, 19);
    assertThat(
            List.of(
                f.get(1).get("field").asText(),
                f.get(1).get("start").asInt(),
                f.get(1).get("end").asInt()))
        .containsExactly("m[0].b", 2, 11);
    assertThat(f.get(0).get("operator").asText()).isEqualTo("replace");
  }

  @Test
  void csvQuotingRoundTrip() throws Exception {
    Path in = resource("quoted.csv");
    Path out = dir.resolve("out.csv");
    Run r = run("redact", in.toString(), "-o", out.toString(), "--field", "note");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out))
        .isEqualTo(
            // the fixture is a CRLF file with a bare LF inside a quoted field: both kept
            "id,note,amount\r\n"
                + "1,\"Hello, \"\"<PERSON>\"\" here\nline two <EMAIL_ADDRESS>\",12\r\n"
                + "2,plain,3\r\n"
                + "3,\"card <CREDIT_CARD>, thanks\",4\r\n");
    assertThat(r.err()).contains("records: 3 in, 3 out");
  }

  @Test
  void csvFindingsColumnAndConfigOperators() throws Exception {
    Path in = resource("quoted.csv");
    Run r =
        run(
            "redact",
            in.toString(),
            "--field",
            "note",
            "--findings",
            "--config",
            resource("config.yaml").toString());
    assertThat(r.code()).as(r.err()).isZero();
    String[] lines = r.out().split("\r\n(?=[0-9]+,|id,)");
    assertThat(lines[0]).isEqualTo("id,note,amount,findings");
    assertThat(lines[1])
        .startsWith("1,\"Hello, \"\"[name]\"\" here\nline two <EMAIL_ADDRESS>\",12,");
    assertThat(lines[2]).isEqualTo("2,plain,3,[]");
    assertThat(lines[3])
        .startsWith(
            "3,\"card ###################, thanks\",4,"
                .replace("###################", "###############1111"));
    assertThat(lines[3]).contains("\"\"type\"\":\"\"CREDIT_CARD\"\"");
  }

  @Test
  void configAllowAndDenyLists() throws Exception {
    Path in =
        write(
            "in.jsonl",
            "{\"text\": \"abc@contoso.com and xyz@contoso.com on project bluebird\"}\n");
    Run r = run("redact", in.toString(), "--config", resource("config.yaml").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo("{\"text\":\"abc@contoso.com and <EMAIL_ADDRESS> on <DENY_LIST>\"}\n");
    assertThat(r.err()).contains("DENY_LIST=1").contains("EMAIL_ADDRESS=1");
  }

  @Test
  void textInputEachLineIsARecord() throws Exception {
    Path in = write("in.txt", "hello xyz@contoso.com\n\nplain line\n");
    Run r = run("redact", in.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("hello <EMAIL_ADDRESS>\n\nplain line\n");
    assertThat(r.err()).contains("records: 3 in, 3 out");
  }

  @Test
  void aColumnOrFieldNameIsTheLabelOfItsValue() throws Exception {
    // a bare "Maria" or "536221234" carries no cue; its column or field name says what it is
    Path csv =
        write(
            "people.csv",
            "customer_id,first_name,last_name,ssn,subject\n"
                + "10423,Maria,Gonzalez,536221234,Maria\n"
                + "10424,Wei,Zhang,,Contoso Widget Pro\n");
    Run r =
        run(
            "redact",
            csv.toString(),
            "--field",
            "first_name",
            "--field",
            "last_name",
            "--field",
            "ssn",
            "--field",
            "subject",
            "--verify");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "customer_id,first_name,last_name,ssn,subject\n"
                + "10423,<PERSON>,<PERSON>,<US_SSN>,Maria\n"
                + "10424,<PERSON>,<PERSON>,,Contoso Widget Pro\n");
    Path jsonl =
        write(
            "people.jsonl",
            "{\"contact\": {\"FirstName\": \"Maria\", \"mobile\": \"4255550143\"},"
                + " \"note\": \"Maria\"}\n");
    r =
        run(
            "redact",
            jsonl.toString(),
            "--field",
            "contact.FirstName",
            "--field",
            "contact.mobile");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "{\"contact\":{\"FirstName\":\"<PERSON>\",\"mobile\":\"<PHONE_NUMBER>\"},"
                + "\"note\":\"Maria\"}\n");
  }

  @Test
  void aRecordWithoutTheDefaultFieldIsQuarantinedNotPassedThroughUnchecked() throws Exception {
    // a help-desk export keeps its text in other fields; without --field none of it is read, and
    // before session 15 every record went out as it came in, with "findings: none"
    String ticket =
        "{\"id\": 35436, \"description\": \"Call me at 0151 23456789 or h.nakamura@fabrikam.co.jp\","
            + " \"requester\": {\"name\": \"Hiroshi Nakamura\", \"email\": \"h.nakamura@fabrikam.co.jp\"},"
            + " \"custom_fields\": [{\"id\": 27648, \"value\": \"536-22-1234\"}], \"ip\": \"10.20.30.40\"}\n";
    Path in = write("tickets.jsonl", ticket + "{\"text\": \"mail xyz@contoso.com\"}\n");
    Path out = dir.resolve("t.jsonl");
    Run r = run("redact", in.toString(), "-o", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(Files.readString(out)).isEqualTo("{\"text\":\"mail <EMAIL_ADDRESS>\"}\n");
    assertThat(r.err())
        .contains("records: 2 in, 1 out, 0 dropped, 1 quarantined")
        .doesNotContain("nakamura");
    JsonNode q = JSON.readTree(Files.readString(dir.resolve("t.jsonl.quarantine.jsonl")));
    assertThat(q.get("line").asInt()).isEqualTo(1);
    assertThat(q.get("reason").asText())
        .startsWith("no \"text\" field (the default --field)")
        .contains("--field '*'");

    // --field '*' reads every value, each with its own name as a label
    r = run("redact", in.toString(), "--field", "*", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out).get(0))
        .isEqualTo(
            "{\"id\":35436,\"description\":\"Call me at <PHONE_NUMBER> or <EMAIL_ADDRESS>\","
                + "\"requester\":{\"name\":\"<PERSON>\",\"email\":\"<EMAIL_ADDRESS>\"},"
                + "\"custom_fields\":[{\"id\":27648,\"value\":\"<US_SSN>\"}],"
                + "\"ip\":\"<IP_ADDRESS>\"}");

    // a named field that a record lacks: the record goes out (the user chose the fields), counted
    r = run("redact", in.toString(), "--field", "text", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("records: 2 in, 2 out, 0 dropped, 0 quarantined")
        .contains("warning: 1 record had no value at any --field and went out unchecked");
  }

  @Test
  void eachRecordKeepsItsLineEnding() throws Exception {
    // a Windows file (Excel's CSV, a Notepad log) stays CRLF; a mixed file stays mixed
    Path txt = write("crlf.txt", "hello xyz@contoso.com\r\nplain line\r\nlast xyz@contoso.com\n");
    Run r = run("redact", txt.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("hello <EMAIL_ADDRESS>\r\nplain line\r\nlast <EMAIL_ADDRESS>\n");

    Path csv =
        write(
            "crlf.csv",
            "id,note\r\n1,\"two\r\nlines xyz@contoso.com\"\r\n2,plain\r\n3,xyz@contoso.com");
    Path out = dir.resolve("crlf.out.csv");
    r = run("redact", csv.toString(), "--field", "note", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out))
        .isEqualTo(
            "id,note\r\n1,\"two\r\nlines <EMAIL_ADDRESS>\"\r\n2,plain\r\n3,<EMAIL_ADDRESS>\n");

    Path jsonl =
        write("crlf.jsonl", "{\"text\": \"mail xyz@contoso.com\"}\r\n{\"text\": \"none\"}\r\n");
    r = run("redact", jsonl.toString(), "--findings");
    assertThat(r.code()).as(r.err()).isZero();
    String[] lines = r.out().split("\r\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("{\"text\":\"mail <EMAIL_ADDRESS>\",\"findings\":[");
    assertThat(lines[1]).isEqualTo("{\"text\":\"none\",\"findings\":[]}");
    assertThat(lines[2]).isEmpty();
  }

  @Test
  void recordOrderIsPreservedWithManyThreads() throws Exception {
    StringBuilder sb = new StringBuilder();
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      sb.append("{\"id\":")
          .append(i)
          .append(",\"text\":\"")
          .append(i % 3 == 0 ? "mail xyz@contoso.com " + "pad ".repeat(i % 50) : "nothing " + i)
          .append("\"}\n");
    }
    Path in = write("many.jsonl", sb.toString());
    Path out = dir.resolve("many.out.jsonl");
    Run r = run("redact", in.toString(), "-o", out.toString(), "--threads", "8");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(JSON.readTree(lines.get(i)).get("id").asInt()).isEqualTo(i);
    }
    assertThat(lines.get(3)).contains("<EMAIL_ADDRESS>").doesNotContain("xyz@");
    assertThat(r.err()).contains("EMAIL_ADDRESS=" + ((n + 2) / 3));
  }

  @Test
  void malformedAndFailingRecordsGoToQuarantineOnly() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("{\"text\": \"ok xyz@contoso.com\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(
        "{\"text\": \"broken secretvalue-1 xyz@contoso.com\"\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("{\"text\": \"bad byte ".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC3);
    bytes.write(0x28);
    bytes.writeBytes(" secretvalue-2\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(
        ("{\"text\": \"" + TestTokensDetector.FAULT + " secretvalue-3\"}\n")
            .getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("[\"not an object secretvalue-4\"]\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("{\"text\": \"last\"}\n".getBytes(StandardCharsets.UTF_8));
    Path in = dir.resolve("mixed.jsonl");
    Files.write(in, bytes.toByteArray());
    Path out = dir.resolve("out.jsonl");
    Run r = run("redact", in.toString(), "-o", out.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(Files.readString(out))
        .isEqualTo("{\"text\":\"ok <EMAIL_ADDRESS>\"}\n{\"text\": \"last\"}\n");
    assertThat(r.err())
        .contains("records: 6 in, 2 out, 0 dropped, 4 quarantined")
        .contains("out.jsonl.quarantine.jsonl")
        .doesNotContain("secretvalue");
    Path q = dir.resolve("out.jsonl.quarantine.jsonl");
    List<JsonNode> entries = new ArrayList<>();
    for (String l : Files.readAllLines(q)) {
      entries.add(JSON.readTree(l));
    }
    assertThat(entries).extracting(e -> e.get("line").asInt()).containsExactly(2, 3, 4, 5);
    assertThat(entries.get(0).get("reason").asText()).startsWith("malformed JSON");
    assertThat(entries.get(0).get("raw").asText()).contains("secretvalue-1");
    assertThat(entries.get(1).get("reason").asText()).startsWith("invalid UTF-8 at byte 19");
    assertThat(
            new String(
                Base64.getDecoder().decode(entries.get(1).get("rawBase64").asText()),
                StandardCharsets.ISO_8859_1))
        .contains("secretvalue-2");
    assertThat(entries.get(2).get("reason").asText()).contains("test-tokens").contains("failed");
    assertThat(entries.get(3).get("reason").asText()).isEqualTo("expected a JSON object");
    assertThat(entries)
        .allSatisfy(e -> assertThat(e.get("source").asText()).isEqualTo(in.toString()));
    if (q.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(q)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void brokenCsvRowsAreQuarantinedWithTheirLines() throws Exception {
    Path in =
        write(
            "bad.csv",
            "id,note\n1,fine\n2,a\"b secret-a\n3,x,y\n4,\"ok\"tail\n5,\"good\nmulti\"\n6,\"never closed secret-b\n");
    Path out = dir.resolve("out.csv");
    Run r = run("redact", in.toString(), "-o", out.toString(), "--field", "note");
    assertThat(r.code()).isEqualTo(3);
    assertThat(Files.readString(out)).isEqualTo("id,note\n1,fine\n5,\"good\nmulti\"\n");
    List<String> q = Files.readAllLines(dir.resolve("out.csv.quarantine.jsonl"));
    assertThat(q).hasSize(4);
    assertThat(JSON.readTree(q.get(0)).get("reason").asText())
        .contains("quote inside an unquoted field");
    assertThat(JSON.readTree(q.get(1)).get("reason").asText())
        .isEqualTo("expected 2 fields, found 3");
    assertThat(JSON.readTree(q.get(2)).get("reason").asText()).contains("after the closing quote");
    assertThat(JSON.readTree(q.get(3)).get("reason").asText())
        .contains("unterminated quoted field");
    assertThat(q).extracting(l -> JSON.readTree(l).get("line").asInt()).containsExactly(3, 4, 5, 8);
    assertThat(r.err()).doesNotContain("secret-a").doesNotContain("secret-b");
  }

  @Test
  void quarantineDefaultsToTheWorkingDirectoryForStdout() throws Exception {
    Path q = dir.resolve("q.jsonl");
    Path in = write("in.jsonl", "{bad\n");
    Run r = run("redact", in.toString(), "--quarantine", q.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(q)).contains("\"raw\":\"{bad\"");
  }

  @Test
  void dropRemovesTheRecordAndCountsIt() throws Exception {
    Path in =
        write(
            "in.jsonl",
            "{\"text\": \"card 4111 1111 1111 1111\"}\n{\"text\": \"mail xyz@contoso.com\"}\n");
    Run r = run("redact", in.toString(), "--operator", "CREDIT_CARD=drop");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("{\"text\":\"mail <EMAIL_ADDRESS>\"}\n");
    assertThat(r.err()).contains("records: 2 in, 1 out, 1 dropped, 0 quarantined");
  }

  @Test
  void exitCodes() throws Exception {
    Path ok = write("ok.jsonl", "{\"text\": \"x\"}\n");
    assertThat(run("redact", ok.toString()).code()).isZero();
    assertThat(run("redact", write("bad.jsonl", "nope\n").toString()).code()).isEqualTo(3);
    Run missing = run("redact", dir.resolve("nope.jsonl").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.jsonl: no such file");
    Run badPath = run("redact", ok.toString(), "--field", "a[x]");
    assertThat(badPath.code()).isEqualTo(2);
    assertThat(badPath.err()).contains("--field 'a[x]': expected [*] or [N]");
    Run noColumn = run("redact", write("a.csv", "id,body\n1,x\n").toString(), "--field", "note");
    assertThat(noColumn.code()).isEqualTo(2);
    assertThat(noColumn.err()).contains("a.csv:1: no column 'note'");
    Run noKey = run("redact", ok.toString(), "--operator", "hash");
    assertThat(noKey.code()).isEqualTo(2);
    assertThat(noKey.err()).contains("LEAKGUARD_KEY");
    Run badConfig =
        run("redact", ok.toString(), "--config", write("c.yaml", "operator: hash\n").toString());
    assertThat(badConfig.code()).isEqualTo(2);
    assertThat(badConfig.err()).contains("unknown key 'operator'");
    Run badOp = run("redact", ok.toString(), "--operator", "EMAIL_ADDRESS=scramble");
    assertThat(badOp.code()).isEqualTo(2);
  }

  @Test
  void keysNeverAppearInOutputStderrOrQuarantine() throws Exception {
    Path in =
        write(
            "in.jsonl",
            "{\"text\": \"xyz@contoso.com\"}\n{\"text\": \"4111 1111 1111 1111\"}\nbad\n");
    Path out = dir.resolve("o.jsonl");
    Run r =
        run(
            "redact",
            in.toString(),
            "-o",
            out.toString(),
            "--operator",
            "EMAIL_ADDRESS=hash",
            "--operator",
            "CREDIT_CARD=encrypt",
            "--key-file",
            keyFile().toString(),
            "--findings");
    assertThat(r.code()).isEqualTo(3);
    String all =
        r.out()
            + r.err()
            + Files.readString(out)
            + Files.readString(dir.resolve("o.jsonl.quarantine.jsonl"));
    assertThat(all).doesNotContain(KEY).doesNotContain(KEY.substring(0, 12));
    // refused on the command line, without echoing it
    Run onCli = run("redact", in.toString(), "--key", KEY);
    assertThat(onCli.code()).isEqualTo(2);
    assertThat(onCli.err()).contains("never accepted on the command line").doesNotContain(KEY);
    // a bad key file is named, its content is not quoted
    Path bad = write("bad.key", "c2hvcnQtc2VjcmV0LWtleQ==\n");
    Run badKey = run("redact", in.toString(), "--operator", "hash", "--key-file", bad.toString());
    assertThat(badKey.code()).isEqualTo(2);
    assertThat(badKey.err())
        .contains("bad.key")
        .contains("at least 32 bytes")
        .doesNotContain("c2hvcnQtc2VjcmV0LWtleQ");
  }

  @Test
  void hashTokensAreStableAcrossRunsFormsAndTheEnvironmentKey() throws Exception {
    Path in =
        write(
            "in.jsonl",
            "{\"text\": \"XYZ @contoso com\"}\n{\"text\": \"xyz at contoso dot com\"}\n{\"text\": \"xyz@contoso.com\"}\n");
    Run a = run("redact", in.toString(), "--operator", "hash", "--key-file", keyFile().toString());
    KeyOptions.env = name -> name.equals("LEAKGUARD_KEY") ? KEY : null;
    Run b = run("redact", in.toString(), "--operator", "hash", "--threads", "3");
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(b.out()).isEqualTo(a.out());
    List<String> tokens = new ArrayList<>();
    for (String l : a.out().split("\n")) {
      tokens.add(JSON.readTree(l).get("text").asText());
    }
    assertThat(tokens).hasSize(3).allMatch(t -> t.matches("<EMAIL_ADDRESS:[0-9a-f]{16}>"));
    assertThat(tokens.stream().distinct()).hasSize(1);
  }

  @Test
  void revealRoundTrip() throws Exception {
    Path in =
        write(
            "in.jsonl",
            "{\"id\": 1, \"text\": \"mail XYZ @contoso com, card 4111 1111 1111 1111\"}\n"
                + "{\"id\": 2, \"text\": \"to Zyx Qwvut\"}\n");
    Path red = dir.resolve("red.jsonl");
    Path key = keyFile();
    Run r =
        run(
            "redact",
            in.toString(),
            "-o",
            red.toString(),
            "--operator",
            "encrypt",
            "--key-file",
            key.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String redacted = Files.readString(red);
    assertThat(redacted)
        .doesNotContain("contoso")
        .doesNotContain("4111")
        .doesNotContain("Qwvut")
        .contains("<EMAIL_ADDRESS:enc:")
        .contains("<CREDIT_CARD:enc:")
        .contains("<PERSON:enc:");
    Path back = dir.resolve("back.jsonl");
    Run rv = run("reveal", red.toString(), "--key-file", key.toString(), "-o", back.toString());
    assertThat(rv.code()).as(rv.err()).isZero();
    assertThat(rv.err()).contains("3 tokens revealed");
    List<String> lines = Files.readAllLines(back);
    assertThat(JSON.readTree(lines.get(0)).get("text").asText())
        .isEqualTo("mail xyz@contoso.com, card 4111111111111111");
    assertThat(JSON.readTree(lines.get(1)).get("text").asText()).isEqualTo("to Zyx Qwvut");
    // another key: tokens stay, exit 3
    Path other = write("other.key", Base64.getEncoder().encodeToString(new byte[40]));
    Run wrong = run("reveal", red.toString(), "--key-file", other.toString());
    assertThat(wrong.code()).isEqualTo(3);
    assertThat(wrong.out()).isEqualTo(redacted);
    assertThat(wrong.err()).contains("3 could not be decrypted");
    assertThat(run("reveal", red.toString()).code()).isEqualTo(2);
  }

  @Test
  void verifyQuarantinesARecordWhereAnOperatorLeftPii() throws Exception {
    Path cfg = write("leaky.yaml", "operators:\n  EMAIL_ADDRESS: {type: mask, keep: 100}\n");
    Path in =
        write("in.jsonl", "{\"text\": \"mail xyz@contoso.com\"}\n{\"text\": \"Zyx Qwvut\"}\n");
    Path out = dir.resolve("v.jsonl");
    Run r =
        run("redact", in.toString(), "-o", out.toString(), "--config", cfg.toString(), "--verify");
    assertThat(r.code()).isEqualTo(3);
    assertThat(Files.readString(out)).isEqualTo("{\"text\":\"<PERSON>\"}\n");
    assertThat(r.err()).contains("1 quarantined (1 by --verify)");
    String q = Files.readString(dir.resolve("v.jsonl.quarantine.jsonl"));
    assertThat(JSON.readTree(q).get("reason").asText())
        .isEqualTo("verify: PII still found after redaction: EMAIL_ADDRESS in field text");
    // without --verify the leak passes (that is what --verify is for)
    Run noVerify = run("redact", in.toString(), "--config", cfg.toString());
    assertThat(noVerify.code()).isZero();
    assertThat(noVerify.out()).contains("xyz@contoso.com");
    // a correct operator verifies
    assertThat(run("redact", in.toString(), "--verify").code()).isZero();
  }

  @Test
  void javaApiGivesTheSameResultAsTheCli() throws Exception {
    Path in = resource("nested.jsonl");
    Run cli =
        run(
            "redact",
            in.toString(),
            "--field",
            "messages[*].body",
            "--field",
            "customer.note",
            "--findings",
            "--operator",
            "hash",
            "--key-file",
            keyFile().toString());
    Redactor redactor =
        Redactor.create(
            PiiAnalyzer.builder().build(),
            RedactionPolicy.builder()
                .defaultOperator(io.leakguard.pii.redact.Operator.hash())
                .build(),
            Keys.parse(KEY));
    RedactPipeline p =
        RedactPipeline.builder(redactor)
            .fields(List.of("messages[*].body", "customer.note"))
            .findings(true)
            .threads(2)
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Summary s;
    try (QuarantineFile q = new QuarantineFile(dir.resolve("api.q.jsonl"))) {
      s =
          p.run(
              List.of(
                  new RedactPipeline.Input(
                      "nested.jsonl", new ByteArrayInputStream(Files.readAllBytes(in)), -1)),
              out,
              q,
              null);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(cli.out());
    assertThat(s.recordsIn()).isEqualTo(3);
    assertThat(s.findings()).isEqualTo(Map.of("EMAIL_ADDRESS", 3L));
  }

  @Test
  void realEngineRedactsEveryEntityAndVerifies() throws Exception {
    Path in = resource("real-pii.jsonl");
    Run r =
        run(
            "redact",
            in.toString(),
            "--operator",
            "hash",
            "--key-file",
            keyFile().toString(),
            "--verify");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .doesNotContain("cedarmotors")
        .doesNotContain("555 0100")
        .doesNotContain("203.0.113.7")
        .doesNotContain("00:1A:2B")
        .doesNotContain("DE89")
        .doesNotContain("Gonzalez")
        .doesNotContain("Sup3r")
        .doesNotContain("4111");
    JsonNode first = JSON.readTree(r.out().split("\n")[0]);
    String text = first.get("text").asText();
    // the obfuscated and the standard spelling of one address give one token
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<EMAIL_ADDRESS:[0-9a-f]{16}>").matcher(text);
    assertThat(m.find()).isTrue();
    String token = m.group();
    assertThat(m.find()).isTrue();
    assertThat(m.group()).isEqualTo(token);
    assertThat(r.err())
        .contains("records: 4 in, 4 out, 0 dropped, 0 quarantined")
        .contains("IBAN_CODE=1")
        .contains("SECRET=1")
        .contains("PERSON=1");
  }
}
