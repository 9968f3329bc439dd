package io.leakguard.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakguard.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code leakguard net ...} end to end in-process: exit codes, JSON shapes, SARIF, probes. */
class NetCommandTest {
  static final String D = "src/test/resources/io/leakguard/cli/net/NetCommandTest/";
  static final ObjectMapper M = new ObjectMapper();

  record Run(int code, String out, String err) {}

  static Run run(String cmd) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(cmd.replace("$D", D).split(" "), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest(name = "{0} -> exit {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "net audit $D/after                          | 1",
        "net audit $D/after --fail-on none           | 0",
        "net audit $D/after --fail-on critical       | 1",
        "net audit $D/before                         | 0",
        "net audit $D/before --fail-on low           | 1",
        "net audit $D/malformed.json                 | 2",
        "net audit $D/after --format xml             | 2",
        "net audit $D/after --fail-on urgent         | 2",
        "net diff --before $D/before --after $D/after | 1",
        "net diff --before $D/after --after $D/before | 0",
        "net diff --before $D/before                 | 2",
        "net check $D/after --from 8.8.8.8 --to 10.20.1.5 --port 22 | 0",
        "net check $D/after --from 8.8.8.8 --to 10.9.9.9 --port 22  | 2",
        "net                                          | 2",
      })
  void exitCodes(String cmd, int code) {
    assertThat(run(cmd.trim()).code()).isEqualTo(code);
  }

  @ParameterizedTest(name = "port {0}: {1}")
  @CsvSource({"9200, allow, allow-es-9200", "22, deny, DenyAllInBound", "443, allow, allow-https"})
  void checkAnswersOneFlow(int port, String verdict, String rule) throws Exception {
    Run r = run("net check $D/after --from 203.0.113.9 --to es-node-1-nic --port " + port);
    JsonNode j = M.readTree(r.out());
    assertThat(j.get("verdict").asText()).isEqualTo(verdict);
    assertThat(j.get("layers").get(1).get("rule").asText()).isEqualTo(rule);
    assertThat(j.get("layers").get(1).get("layer").asText()).isEqualTo("nic-nsg");
  }

  @ParameterizedTest(name = "probe line {0}: {1}")
  @CsvSource({"0, allow", "1, deny"})
  void probesAnswerManyFlows(int line, String verdict) throws Exception {
    Run r = run("net check $D/after --probes $D/probes.jsonl");
    assertThat(r.code()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode j = M.readTree(lines[line]);
    assertThat(j.get("verdict").asText()).isEqualTo(verdict);
    assertThat(j.has("from") && j.has("to") && j.has("port") && j.has("layers")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"exposed-datastore-port"})
  void jsonAndSarif(String check) throws Exception {
    JsonNode j = M.readTree(run("net audit $D/after --format json").out());
    JsonNode f = j.get("findings").get(0);
    assertThat(f.get("check").asText()).isEqualTo(check);
    for (String field :
        new String[] {
          "id",
          "severity",
          "title",
          "target",
          "direction",
          "protocol",
          "ports",
          "sources",
          "sourcesAsWritten",
          "internetWide",
          "publicPath",
          "unknown",
          "path",
          "samplePacket"
        }) {
      assertThat(f.has(field)).as(field).isTrue();
    }
    assertThat(f.get("ports").get(0).asText()).isEqualTo("9200");
    JsonNode s = M.readTree(run("net audit $D/after --format sarif").out());
    assertThat(s.get("version").asText()).isEqualTo("2.1.0");
    assertThat(s.get("runs").get(0).get("results").get(0).get("ruleId").asText()).isEqualTo(check);
    JsonNode d =
        M.readTree(run("net diff --before $D/before --after $D/after --format json").out());
    assertThat(d.get("findings").get(0).get("change").asText()).isEqualTo("added");
    assertThat(d.get("findings").get(0).get("ruleChanges").get(0).get("rule").asText())
        .isEqualTo("allow-es-9200");
  }

  @Test
  void auditOutputFileHoldsTheSameJsonAsStandardOutput(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("report.json");
    Run toStdout = run("net audit $D/after --format json --fail-on none");
    Run toFile = run("net audit $D/after --format json --fail-on none -o " + file);
    assertThat(toFile.code()).isZero();
    assertThat(toFile.out()).isEmpty();
    assertThat(M.readTree(toStdout.out()).get("findings")).isNotEmpty();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(toStdout.out());
  }

  /**
   * Run as a process, JSON goes to standard output as bytes ({@link
   * io.leakguard.cli.ProcessStdout}) and other formats through the writer; both must equal the
   * in-process output exactly.
   */
  @ParameterizedTest(name = "--format {0}")
  @CsvSource({"json", "table", "sarif"})
  void auditAsAProcessPrintsTheSameBytesAsInProcess(String format, @TempDir Path tmp)
      throws Exception {
    Path stdout = tmp.resolve("stdout.txt");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.leakguard.cli.Main",
                "net",
                "audit",
                D + "after",
                "--format",
                format,
                "--fail-on",
                "none")
            .redirectOutput(stdout.toFile())
            .redirectError(tmp.resolve("stderr.txt").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    Run inProcess = run("net audit $D/after --format " + format + " --fail-on none");
    assertThat(inProcess.out()).isNotBlank();
    assertThat(Files.readString(stdout, StandardCharsets.UTF_8)).isEqualTo(inProcess.out());
  }
}
