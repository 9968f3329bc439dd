package io.leakguard.cli.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakguard.cli.PiiOptionsAccess;
import io.leakguard.core.UserInputException;
import io.leakguard.pii.EntityType;
import io.leakguard.scan.ImpactQuery;
import io.leakguard.scan.ImpactReport;
import io.leakguard.scan.TimeWindow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code leakguard impact}: the customers who had unredacted PII in a store during an exposure
 * window, per customer the entity types and record counts, as CSV or JSON for a notification
 * process. Masked previews only.
 */
@Command(
    name = "impact",
    mixinStandardHelpOptions = true,
    description = "Lists the customers affected by an exposure window (--window FROM..TO).")
public final class ImpactCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DbOptions db;

  @Option(names = "--table", required = true, description = "Table holding the records.")
  String table;

  @Option(names = "--customer-column", required = true, description = "Customer id column.")
  String customerColumn;

  @Option(names = "--time-column", required = true, description = "Creation time column.")
  String timeColumn;

  @Option(names = "--deleted-column", description = "Deletion time column (optional).")
  String deletedColumn;

  @Option(
      names = "--column",
      paramLabel = "NAME",
      description = "Columns to analyze (repeatable; default: every text column).")
  List<String> columns;

  @Option(
      names = "--window",
      required = true,
      paramLabel = "FROM..TO",
      description =
          "ISO-8601 dates or timestamps, UTC unless an offset is given; a date alone"
              + " covers the whole day.")
  String window;

  @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: csv).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the list here.")
  Path output;

  @Mixin PiiOptionsAccess pii;

  @Override
  public Integer call() throws IOException {
    if (db.url == null) {
      throw new UserInputException("--jdbc URL is required");
    }
    if (!format.equals("csv") && !format.equals("json")) {
      throw new UserInputException("--format must be csv or json, not '" + format + "'");
    }
    TimeWindow w;
    try {
      w = TimeWindow.parse(window);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--window: " + e.getMessage());
    }
    ImpactReport r;
    try (Connection c = db.connect()) {
      r =
          new ImpactQuery(
                  c,
                  pii.analyzer(),
                  table,
                  customerColumn,
                  timeColumn,
                  deletedColumn,
                  columns == null ? List.of() : columns)
              .run(w);
    } catch (SQLException e) {
      throw new UserInputException(db.safeUrl() + ": " + e.getMessage());
    }
    StringWriter buf = new StringWriter();
    PrintWriter out = new PrintWriter(buf);
    if (format.equals("csv")) {
      out.print("customer_id,records,entity_types\r\n");
      for (ImpactReport.Customer c : r.customers()) {
        out.print(csv(c.customerId()) + "," + c.records() + "," + csv(types(c.types())) + "\r\n");
      }
    } else {
      JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("window");
      g.writeStringField("from", r.window().from().toString());
      g.writeStringField("to", r.window().to().toString());
      g.writeEndObject();
      g.writeNumberField("recordsInWindow", r.recordsInWindow());
      g.writeNumberField("recordsWithPii", r.recordsWithPii());
      g.writeArrayFieldStart("customers");
      for (ImpactReport.Customer c : r.customers()) {
        g.writeStartObject();
        g.writeStringField("customerId", c.customerId());
        g.writeNumberField("records", c.records());
        g.writeObjectFieldStart("types");
        for (Map.Entry<EntityType, Long> e : c.types().entrySet()) {
          g.writeNumberField(e.getKey().name(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("examples");
        for (String e : c.examples()) {
          g.writeString(e);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.println();
    }
    out.flush();
    if (output != null) {
      Files.writeString(output, buf.toString(), StandardCharsets.UTF_8);
    } else {
      spec.commandLine().getOut().print(buf);
    }
    spec.commandLine()
        .getErr()
        .printf(
            "impact: %d records in the window, %d with PII, %d customers affected%n",
            r.recordsInWindow(), r.recordsWithPii(), r.customers().size());
    return 0;
  }

  private static String types(Map<EntityType, Long> t) {
    TreeSet<String> names = new TreeSet<>();
    t.keySet().forEach(k -> names.add(k.name()));
    return String.join(";", names);
  }

  private static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
