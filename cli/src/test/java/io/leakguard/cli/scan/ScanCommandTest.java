package io.leakguard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakguard.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leakguard scan} and {@code impact} through the CLI, on real files and an H2 database. */
class ScanCommandTest {
  static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void scansJsonlCsvTextAndGzipFoldersWithMaskedExamples() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("exports/nested"));
    Files.writeString(
        tmp.resolve("exports/cases.jsonl"),
        "{\"id\": 1, \"text\": \"mail XYZ @contoso com\", \"customer\": {\"phone\": \"(425) 555-0143\"}}\n"
            + "{\"id\": 2, \"text\": \"build 10.0.19041.1 fails\"}\n");
    Files.writeString(
        dir.resolve("tickets.csv"),
        "id,body\n1,\"card 4111 1111 1111 1111, thanks\"\n2,\"multi\nline, no pii\"\n");
    try (var gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("app.log.gz")))) {
      gz.write("2019-12-05T10:22:31Z login from 10.1.2.3\n".getBytes(StandardCharsets.UTF_8));
    }
    Run r = run("scan", tmp.resolve("exports").toString(), "--format", "json", "--fail-on", "none");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = M.readTree(r.out());
    assertThat(j.get("summary").get("records").asInt()).isEqualTo(5);
    assertThat(j.get("summary").get("counts").get("EMAIL_ADDRESS").asInt()).isEqualTo(1);
    assertThat(j.get("summary").get("counts").get("PHONE_NUMBER").asInt()).isEqualTo(1);
    assertThat(j.get("summary").get("counts").get("CREDIT_CARD").asInt()).isEqualTo(1);
    assertThat(j.get("summary").get("counts").get("IP_ADDRESS").asInt()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "cases.jsonl#text", "cases.jsonl#customer.phone", "tickets.csv#body", "app.log.gz#line")
        .doesNotContain("contoso com", "4111 1111", "555-0143", "10.1.2.3");
    // --fail-on: a card is critical
    assertThat(run("scan", tmp.resolve("exports").toString()).code()).isEqualTo(1);
    // the HTML report is self-contained and masked
    Path html = tmp.resolve("report.html");
    assertThat(
            run(
                    "scan",
                    tmp.resolve("exports").toString(),
                    "--format",
                    "html",
                    "-o",
                    html.toString(),
                    "--fail-on",
                    "none")
                .code())
        .isZero();
    assertThat(Files.readString(html)).contains("<svg", "CREDIT_CARD").doesNotContain("4111 1111");
  }

  @Test
  void theFileReportDoesNotDependOnTheNumberOfWorkers() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("big"));
    StringBuilder jsonl = new StringBuilder();
    int jsonRecords = 0;
    int emails = 0;
    for (int i = 1; i <= 2600; i++) {
      if (i % 50 == 0) {
        jsonl.append('\n');
      } else if (i % 97 == 0) {
        jsonl.append("{broken ").append(i).append(" mail user").append(i).append("@contoso.com\n");
        jsonRecords++;
        emails++;
      } else {
        jsonl
            .append("{\"id\": ")
            .append(i)
            .append(", \"text\": \"")
            .append(i % 7 == 0 ? "mail user" + i + "@contoso.com" : "")
            .append(i % 89 == 0 ? " BOOM-FAULT" : "")
            .append(" build 10.0.19041.1\", \"tags\": [\"a\", \"")
            .append(i % 11 == 0 ? "card 4111 1111 1111 1111" : "b")
            .append("\"]}\n");
        jsonRecords++;
        emails += i % 7 == 0 && i % 89 != 0 ? 1 : 0; // a detector fault hides the whole value
      }
    }
    Files.writeString(dir.resolve("cases.jsonl"), jsonl);
    StringBuilder csv = new StringBuilder("id,body,note\n");
    for (int i = 1; i <= 2100; i++) {
      csv.append(i)
          .append(",\"")
          .append(i % 10 == 0 ? "multi\nline " : "")
          .append(i % 6 == 0 ? "reach XYZ @contoso com" : "nothing")
          .append("\",")
          .append(i % 9 == 0 ? "call (425) 555-0143" : "ok")
          .append('\n');
      emails += i % 6 == 0 ? 1 : 0;
    }
    Files.writeString(dir.resolve("tickets.csv"), csv);
    try (var gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("app.log.gz")))) {
      for (int i = 1; i <= 3000; i++) {
        String line =
            i % 8 == 0 ? "login from 10.1.2." + (i % 250) + " for user" + i + "@contoso.com" : "ok";
        gz.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        emails += i % 8 == 0 ? 1 : 0;
      }
    }
    String reference = null;
    for (String workers : new String[] {"0", "1", "3"}) {
      Run r =
          run(
              "scan",
              dir.toString(),
              "--format",
              "json",
              "--fail-on",
              "none",
              "--max-keys",
              "5",
              "--workers",
              workers);
      assertThat(r.code()).as(r.err()).isZero();
      if (reference == null) {
        reference = r.out();
        JsonNode j = M.readTree(reference);
        assertThat(j.get("summary").get("records").asInt()).isEqualTo(3000 + jsonRecords + 2100);
        assertThat(j.get("summary").get("counts").get("EMAIL_ADDRESS").asInt()).isEqualTo(emails);
        assertThat(reference)
            .contains(
                "cases.jsonl:97: not a JSON object",
                "cases.jsonl#text record line 89: detector 'test-tokens' failed",
                "tickets.csv#note")
            .doesNotContain("user7@contoso.com", "4111 1111");
      } else {
        assertThat(r.out()).as("--workers %s", workers).isEqualTo(reference);
      }
    }
  }

  @Test
  void scansAndImpactsADatabaseWithCredentialsFromTheEnvironmentOrAFile() throws Exception {
    String url = "jdbc:h2:" + tmp.resolve("support").toString();
    try (Connection c = DriverManager.getConnection(url, "sa", "pw");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE cases (id INT PRIMARY KEY, customer_id VARCHAR(10), created_at"
              + " TIMESTAMP, body VARCHAR(200))");
      s.execute(
          "INSERT INTO cases VALUES (1, 'C1', TIMESTAMP '2019-12-06 10:00:00',"
              + " 'reach me at jane.doe@contoso.com')");
      s.execute(
          "INSERT INTO cases VALUES (2, 'C2', TIMESTAMP '2020-02-01 10:00:00',"
              + " 'ssn 536-22-8145')");
    }
    Path creds = tmp.resolve("db.properties");
    Files.writeString(creds, "user=sa\npassword=pw\n");
    Run r =
        run(
            "scan",
            "--jdbc",
            url,
            "--credentials-file",
            creds.toString(),
            "--format",
            "json",
            "--fail-on",
            "none");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(M.readTree(r.out()).get("summary").get("counts").get("US_SSN").asInt()).isEqualTo(1);
    Run imp =
        run(
            "impact",
            "--jdbc",
            url,
            "--credentials-file",
            creds.toString(),
            "--table",
            "cases",
            "--customer-column",
            "customer_id",
            "--time-column",
            "created_at",
            "--window",
            "2019-12-05..2019-12-31");
    assertThat(imp.code()).as(imp.err()).isZero();
    assertThat(imp.out()).isEqualTo("customer_id,records,entity_types\r\nC1,1,EMAIL_ADDRESS\r\n");
    // bad credentials, a password in the URL, a wrong URL and a missing table are clear errors
    Files.writeString(creds, "user=sa\npassword=wrong\n");
    Run bad = run("scan", "--jdbc", url, "--credentials-file", creds.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("cannot connect").doesNotContain("wrong");
    assertThat(run("scan", "--jdbc", url + ";PASSWORD=pw").err())
        .contains("never on the command line");
    assertThat(run("scan", "--jdbc", "jdbc:nosuchdb://x").err()).contains("cannot connect");
    Files.writeString(creds, "user=sa\npassword=pw\n");
    Run missing =
        run(
            "impact",
            "--jdbc",
            url,
            "--credentials-file",
            creds.toString(),
            "--table",
            "tickets",
            "--customer-column",
            "c",
            "--time-column",
            "t",
            "--window",
            "2019-12-05..2019-12-31");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no table named 'tickets'");
  }

  @Test
  void readsJsonDocumentsLatin1AndUtf16TextAndSkipsOnlyBinaryFilesWithAWarning() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("mixed"));
    Files.writeString(
        dir.resolve("pretty.json"),
        "[\n  {\n    \"id\": 1,\n    \"text\": \"mail jane.doe@contoso.com\",\n"
            + "    \"card\": 4111111111111111\n  },\n  {\n    \"id\": 2,\n"
            + "    \"text\": \"call (425) 555-0143\"\n  }\n]\n");
    // a document that breaks off: the record that broke is scanned as text, from its first line
    Files.writeString(
        dir.resolve("broken.json"),
        "[\n  {\"b\": \"mail ann.lee@contoso.com\"},\n  {\"b\": \"login from 10.1.2.3\",\n");
    Files.write(
        dir.resolve("latin1.log"),
        concat(
            "Kunde M".getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0xFC},
            "ller, mail hans.mueller@contoso.de\nIP 10.9.8.7 \u2713\n"
                .getBytes(StandardCharsets.UTF_8)));
    Files.write(
        dir.resolve("ps.txt"),
        "\uFEFFConnected from 192.168.7.9\r\nok\r\n".getBytes(StandardCharsets.UTF_16LE));
    Files.write(
        dir.resolve("image.png"),
        concat(
            new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0},
            " bob@contoso.com".getBytes(StandardCharsets.US_ASCII)));
    Files.write(
        dir.resolve("bom.jsonl"),
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            "{\"t\": \"reach XYZ @contoso com\"}\n".getBytes(StandardCharsets.UTF_8)));
    Run r = run("scan", dir.toString(), "--format", "json", "--fail-on", "none");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = M.readTree(r.out());
    JsonNode counts = j.get("summary").get("counts");
    assertThat(counts.get("EMAIL_ADDRESS").asInt()).isEqualTo(4); // not the one in image.png
    assertThat(counts.get("IP_ADDRESS").asInt()).isEqualTo(3);
    assertThat(counts.get("PHONE_NUMBER").asInt()).isEqualTo(1);
    assertThat(counts.get("CREDIT_CARD").asInt()).isEqualTo(1);
    java.util.Map<String, JsonNode> loc = new java.util.HashMap<>();
    j.get("locations").forEach(l -> loc.put(l.get("location").asText(), l));
    String d = dir.toString();
    assertThat(loc.get(d + "/pretty.json#text").get("keys").toString())
        .isEqualTo("[\"line 2\",\"line 7\"]");
    assertThat(loc.get(d + "/pretty.json#card").get("findings").get(0).get("type").asText())
        .isEqualTo("CREDIT_CARD");
    assertThat(loc).doesNotContainKey(d + "/pretty.json#id"); // small integers are not read
    assertThat(loc.get(d + "/broken.json#b").get("records").asInt()).isEqualTo(1);
    assertThat(loc.get(d + "/broken.json#line").get("keys").toString()).isEqualTo("[\"3\"]");
    assertThat(loc.get(d + "/latin1.log#line").get("recordsWithFindings").asInt()).isEqualTo(2);
    assertThat(loc.get(d + "/ps.txt#line").get("keys").toString()).isEqualTo("[\"1\"]");
    assertThat(loc.get(d + "/bom.jsonl#t").get("records").asInt()).isEqualTo(1);
    assertThat(j.get("warnings").toString())
        .contains(
            d + "/broken.json:4: not valid JSON: scanned as plain text from line 3",
            d + "/image.png: binary content (NUL bytes in its first 8 KB): not scanned",
            d + "/latin1.log: 1 line is not valid UTF-8 (first: line 1): read as windows-1252")
        .doesNotContain("malformed-line", "bom.jsonl", "ps.txt", "10.1.2.3");
  }

  @Test
  void readsWindows1252AndUtf16CsvExportsWithAWarning() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("csv-encodings"));
    // Excel on Windows saves "CSV" in windows-1252: the u-umlaut is one byte 0xFC; the second
    // record spans two lines and is valid UTF-8
    Files.write(
        dir.resolve("excel.csv"),
        concat(
            "id,customer,note\r\n1,\"M".getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0xFC},
            ("ller, Hans\",mail hans.mueller@contoso.de\r\n"
                    + "2,\"Ann Lee\",\"call (425) 555-0143\r\nfrom 10.9.8.7\"\r\n")
                .getBytes(StandardCharsets.UTF_8)));
    // PowerShell: Export-Csv -Encoding Unicode writes UTF-16LE with a byte order mark
    Files.write(
        dir.resolve("ps.csv"),
        "\uFEFF\"Host\",\"Owner\"\r\n\"web-01\",\"ops.lead@contoso.com\"\r\n"
            .getBytes(StandardCharsets.UTF_16LE));
    Run r = run("scan", dir.toString(), "--format", "json", "--fail-on", "none");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = M.readTree(r.out());
    java.util.Map<String, JsonNode> loc = new java.util.HashMap<>();
    j.get("locations").forEach(l -> loc.put(l.get("location").asText(), l));
    String d = dir.toString();
    assertThat(loc.get(d + "/excel.csv#note").get("keys").toString())
        .isEqualTo("[\"line 2\",\"line 3\"]");
    JsonNode counts = j.get("summary").get("counts");
    assertThat(counts.get("EMAIL_ADDRESS").asInt()).isEqualTo(2);
    assertThat(counts.get("PHONE_NUMBER").asInt()).isEqualTo(1);
    assertThat(counts.get("IP_ADDRESS").asInt()).isEqualTo(1);
    // the UTF-16 file's header is read as text (no mark glued to the first column's name)
    assertThat(loc.get(d + "/ps.csv#Owner").get("keys").toString()).isEqualTo("[\"line 2\"]");
    assertThat(j.get("warnings").toString())
        .contains(d + "/excel.csv: 1 row is not valid UTF-8 (first: line 2): read as windows-1252")
        .doesNotContain("ps.csv", "contoso");

    // redact keeps strict UTF-8 (it writes the text back out): the record is quarantined
    Run strict =
        run(
            "redact",
            dir.resolve("excel.csv").toString(),
            "--field",
            "note",
            "-o",
            tmp.resolve("x.csv").toString());
    assertThat(strict.code()).isEqualTo(3);
    assertThat(strict.err()).contains("2 in, 1 out, 0 dropped, 1 quarantined");
    assertThat(Files.readString(tmp.resolve("x.csv.quarantine.jsonl")))
        .contains("\"line\":2,\"reason\":\"invalid UTF-8");
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
