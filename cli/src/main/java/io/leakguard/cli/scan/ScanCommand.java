package io.leakguard.cli.scan;

import io.leakguard.cli.PiiOptionsAccess;
import io.leakguard.core.ExitCodes;
import io.leakguard.core.Severity;
import io.leakguard.core.UserInputException;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.scan.JdbcScanner;
import io.leakguard.scan.ScanAccumulator;
import io.leakguard.scan.ScanPipeline;
import io.leakguard.scan.ScanReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code leakguard scan}: residual PII in a database ({@code --jdbc URL}) or in files and folders.
 * Reports per {@code table.column} or {@code file#field} the counts per entity type, masked
 * examples and the keys of the records hit. Never writes to the scanned database.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scans a database (--jdbc URL) or files and folders for residual PII.",
      "Credentials: LEAKGUARD_DB_USER / LEAKGUARD_DB_PASSWORD or --credentials-file, never the"
          + " command line."
    })
public final class ScanCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "Files or folders (JSONL, CSV, text, logs, .gz).")
  List<Path> paths;

  @Mixin DbOptions db;

  @Option(names = "--schema", description = "Only this schema.")
  String schema;

  @Option(names = "--table", paramLabel = "NAME", description = "Only these tables (repeatable).")
  List<String> tables;

  @Option(names = "--sample", paramLabel = "N", description = "Read at most N rows per table.")
  int sample;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Rows per page in a full scan (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description = "Resume from / save progress to this file (full scans).")
  Path checkpoint;

  @Option(
      names = "--max-keys",
      paramLabel = "N",
      defaultValue = "100",
      description = "Keys of hit records listed per location (default: ${DEFAULT-VALUE}).")
  int maxKeys;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, json or html (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report here.")
  Path output;

  @Option(
      names = "--fail-on",
      defaultValue = "high",
      description =
          "Exit 1 when PII of this severity or higher is found: low, medium, high, critical, none."
              + " SECRET, CREDIT_CARD, US_SSN, IBAN_CODE are critical; EMAIL_ADDRESS,"
              + " PHONE_NUMBER, PERSON high; IP_ADDRESS, MAC_ADDRESS medium.")
  String failOn;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description =
          "Analysis threads (default: the available processors); 0 analyzes on the reading"
              + " thread. The report does not depend on it.")
  Integer workers;

  @Mixin PiiOptionsAccess pii;

  private int workers() {
    if (workers == null) {
      return ScanPipeline.defaultWorkers();
    }
    if (workers < 0) {
      throw new UserInputException("--workers must be 0 or more, not " + workers);
    }
    return workers;
  }

  @Override
  public Integer call() throws IOException {
    if (!List.of("table", "json", "html").contains(format)) {
      throw new UserInputException("--format must be table, json or html, not '" + format + "'");
    }
    Severity threshold = failOn.equalsIgnoreCase("none") ? null : parseSeverity(failOn);
    boolean hasPaths = paths != null && !paths.isEmpty();
    if ((db.url == null) == !hasPaths) {
      throw new UserInputException("give either --jdbc URL or one or more PATHs");
    }
    PiiAnalyzer analyzer = pii.analyzer();
    PrintWriter err = spec.commandLine().getErr();
    boolean tty = System.console() != null;
    ScanReport report;
    String title;
    if (db.url != null) {
      title = "leakguard scan of " + db.safeUrl();
      try (Connection c = db.connect()) {
        report =
            JdbcScanner.builder(c, analyzer)
                .schema(schema)
                .tables(tables == null ? List.of() : tables)
                .sample(sample)
                .pageSize(pageSize)
                .maxKeys(maxKeys)
                .checkpoint(checkpoint)
                .sourceName(db.safeUrl())
                .workers(workers())
                .progress(
                    tty
                        ? (t, inTable, total) ->
                            err.printf(
                                    Locale.ROOT,
                                    "\rscanning %s: %,d rows (%,d total)   ",
                                    t,
                                    inTable,
                                    total)
                                .flush()
                        : null)
                .build()
                .scan();
      } catch (SQLException e) {
        throw new UserInputException(db.safeUrl() + ": " + e.getMessage());
      }
      if (tty) {
        err.println();
      }
    } else {
      title = "leakguard scan of " + paths;
      ScanAccumulator acc = new ScanAccumulator(analyzer, maxKeys);
      List<Path> files = FileScan.expand(paths);
      int i = 0;
      try (ScanPipeline pipeline = new ScanPipeline(acc, workers())) {
        for (Path f : files) {
          if (tty) {
            err.printf(Locale.ROOT, "\rscanning file %d/%d   ", ++i, files.size()).flush();
          }
          FileScan.scan(f, pipeline);
        }
        pipeline.drain();
      }
      if (tty) {
        err.println();
      }
      report = acc.report();
    }
    StringWriter buf = new StringWriter();
    PrintWriter w = new PrintWriter(buf);
    switch (format) {
      case "json":
        ScanReportWriter.json(report, w);
        break;
      case "html":
        ScanReportWriter.html(report, title, w);
        break;
      default:
        ScanReportWriter.table(report, w);
    }
    w.flush();
    if (output != null) {
      Files.writeString(output, buf.toString(), StandardCharsets.UTF_8);
    } else {
      spec.commandLine().getOut().print(buf);
    }
    Severity max = report.maxSeverity();
    return threshold != null && max != null && max.atLeast(threshold)
        ? ExitCodes.FINDINGS
        : ExitCodes.OK;
  }

  static Severity parseSeverity(String s) {
    try {
      return Severity.parse(s);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--fail-on: " + e.getMessage() + " or none");
    }
  }
}
