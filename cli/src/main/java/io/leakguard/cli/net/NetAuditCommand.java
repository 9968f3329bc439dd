package io.leakguard.cli.net;

import io.leakguard.cli.ProcessStdout;
import io.leakguard.core.ExitCodes;
import io.leakguard.core.Severity;
import io.leakguard.core.UserInputException;
import io.leakguard.net.AuditReport;
import io.leakguard.net.Finding;
import io.leakguard.net.NetAudit;
import io.leakguard.net.NetModel;
import io.leakguard.net.Reports;
import io.leakguard.net.read.ExportReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leakguard net audit PATH...}: exposure findings. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Exposure findings for every target in the exports (files or folders; format detected from content).",
      "A Terraform plan stands for its planned (after) state."
    })
final class NetAuditCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Export files or folders.")
  List<Path> paths;

  @Mixin OutputOptions opts;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the report to FILE instead of standard output (UTF-8; JSON is written as bytes,"
              + " the fastest way to save a large report).")
  Path output;

  @Override
  public Integer call() throws Exception {
    String format = opts.format();
    Severity failOn = opts.failOn();
    // no rule-set fingerprints: they serve a later diff only
    NetModel m = ExportReader.read(paths, ExportReader.PlanSide.AFTER, false);
    AuditReport r = NetAudit.audit(m, opts.policy(), LocalDate.now(ZoneOffset.UTC));
    if (output != null) {
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
        if (format.equals("json")) {
          writeJsonLine(r, os);
        } else {
          PrintWriter w = new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
          print(w, format, r.findings(), null, r);
          w.flush();
        }
      } catch (IOException e) {
        throw new UserInputException("cannot write " + output + ": " + e.getMessage());
      }
    } else {
      PrintWriter out = spec.commandLine().getOut();
      OutputStream raw = format.equals("json") ? ProcessStdout.bytesBehind(out) : null;
      if (raw != null) {
        // run as a process: the JSON goes out as bytes, as with -o (no decoding back to chars)
        out.flush();
        OutputStream os = new BufferedOutputStream(raw, 1 << 16);
        writeJsonLine(r, os);
        os.flush(); // not closed: it is the process's standard output
      } else {
        print(out, format, r.findings(), null, r);
        out.flush();
      }
    }
    return exit(r.findings(), failOn);
  }

  /** The JSON report as UTF-8 bytes and a line break, as {@link #print} writes it as text. */
  private static void writeJsonLine(AuditReport r, OutputStream os) throws IOException {
    Reports.writeJson(r, os);
    os.write('\n');
  }

  static void print(
      PrintWriter out, String format, List<Finding> fs, List<String> changes, Object report)
      throws Exception {
    switch (format) {
      case "json":
        if (report instanceof AuditReport) {
          Reports.writeJson((AuditReport) report, out);
          out.println();
          break;
        }
        Object node =
            report instanceof AuditReport
                ? Reports.json((AuditReport) report)
                : Reports.json((io.leakguard.net.NetDiff.Report) report);
        out.println(Reports.mapper().writeValueAsString(node));
        break;
      case "sarif":
        out.println(Reports.mapper().writeValueAsString(Reports.sarif(fs, changes)));
        break;
      default:
        List<io.leakguard.core.Warning> ws =
            report instanceof AuditReport
                ? ((AuditReport) report).warnings()
                : ((io.leakguard.net.NetDiff.Report) report).warnings();
        Reports.writeTable(fs, changes, ws, out);
    }
  }

  static int exit(List<Finding> fs, Severity failOn) {
    if (failOn == null) {
      return ExitCodes.OK;
    }
    for (Finding f : fs) {
      if (f.severity().atLeast(failOn)) {
        return ExitCodes.FINDINGS;
      }
    }
    return ExitCodes.OK;
  }
}
