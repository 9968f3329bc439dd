package io.leakguard.cli.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakguard.core.Warning;
import io.leakguard.pii.EntityType;
import io.leakguard.scan.LocationReport;
import io.leakguard.scan.ScanReport;
import io.leakguard.scan.TypeCount;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link ScanReport} as a table, JSON (DESIGN §5) or a self-contained HTML page. */
final class ScanReportWriter {
  private ScanReportWriter() {}

  static void json(ScanReport r, Writer w) throws IOException {
    JsonGenerator g = new ObjectMapper().getFactory().createGenerator(w);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeArrayFieldStart("locations");
    for (LocationReport l : r.locations()) {
      g.writeStartObject();
      g.writeStringField("location", l.location());
      g.writeNumberField("records", l.records());
      g.writeArrayFieldStart("findings");
      for (TypeCount t : l.findings()) {
        g.writeStartObject();
        g.writeStringField("type", t.type().name());
        g.writeNumberField("count", t.count());
        g.writeArrayFieldStart("examples");
        for (String e : t.examples()) {
          g.writeString(e);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("recordsWithFindings", l.hitRecords());
      g.writeArrayFieldStart("keys");
      for (String k : l.hitKeys()) {
        g.writeString(k);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("summary");
    g.writeNumberField("records", r.records());
    g.writeObjectFieldStart("counts");
    for (EntityType t : EntityType.values()) {
      Long n = r.counts().get(t);
      if (n != null) {
        g.writeNumberField(t.name(), n);
      }
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeArrayFieldStart("warnings");
    for (Warning wa : r.warnings()) {
      g.writeString(wa.message());
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    w.write('\n');
  }

  static void table(ScanReport r, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%-40s %10s %-16s %8s  %s%n",
        "LOCATION",
        "RECORDS",
        "TYPE",
        "COUNT",
        "EXAMPLES (masked)");
    for (LocationReport l : r.locations()) {
      if (l.findings().isEmpty()) {
        out.printf(Locale.ROOT, "%-40s %10d %-16s %8s%n", l.location(), l.records(), "-", "0");
        continue;
      }
      boolean first = true;
      for (TypeCount t : l.findings()) {
        out.printf(
            Locale.ROOT,
            "%-40s %10s %-16s %8d  %s%n",
            first ? l.location() : "",
            first ? Long.toString(l.records()) : "",
            t.type(),
            t.count(),
            String.join(", ", t.examples()));
        first = false;
      }
    }
    out.printf(Locale.ROOT, "%nrecords scanned: %d%n", r.records());
    for (Map.Entry<EntityType, Long> e : r.counts().entrySet()) {
      out.printf(Locale.ROOT, "  %-16s %d%n", e.getKey(), e.getValue());
    }
    for (Warning w : r.warnings()) {
      out.println("warning: " + w.message());
    }
  }

  private static final String[] COLORS = {
    "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22"
  };

  static void html(ScanReport r, String title, PrintWriter out) {
    out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<title>" + esc(title) + "</title><style>");
    out.println(
        "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f4f4f4}"
            + ".num{text-align:right}.legend span{display:inline-block;margin-right:1em}"
            + ".sw{display:inline-block;width:12px;height:12px;margin-right:4px}");
    out.println("</style></head><body>");
    out.println("<h1>" + esc(title) + "</h1>");
    long total = r.counts().values().stream().mapToLong(Long::longValue).sum();
    out.printf(
        Locale.ROOT,
        "<p>%d records scanned, %d PII values found in %d locations. Values are masked.</p>%n",
        r.records(),
        total,
        r.locations().stream().filter(l -> !l.findings().isEmpty()).count());
    out.print("<p class=\"legend\">");
    for (EntityType t : EntityType.values()) {
      out.printf(
          "<span><i class=\"sw\" style=\"background:%s\"></i>%s</span>",
          COLORS[t.ordinal()], t.name());
    }
    out.println("</p>");
    long max = 1;
    for (LocationReport l : r.locations()) {
      max = Math.max(max, l.total());
    }
    int rowH = 22;
    int labelW = 260;
    int barW = 520;
    int h = rowH * Math.max(1, r.locations().size()) + 10;
    out.printf(
        Locale.ROOT,
        "<h2>PII per location</h2><svg width=\"%d\" height=\"%d\" role=\"img\""
            + " aria-label=\"PII values per location\">%n",
        labelW + barW + 80,
        h);
    int y = 5;
    for (LocationReport l : r.locations()) {
      out.printf(
          Locale.ROOT,
          "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>%n",
          y + 15,
          esc(l.location()));
      double x = labelW;
      for (TypeCount t : l.findings()) {
        double w = barW * (double) t.count() / max;
        out.printf(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %d</title></rect>%n",
            x,
            y + 3,
            w,
            rowH - 6,
            COLORS[t.type().ordinal()],
            t.type().name(),
            t.count());
        x += w;
      }
      out.printf(
          Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%d</text>%n",
          x + 4,
          y + 15,
          l.total());
      y += rowH;
    }
    out.println("</svg>");
    out.println(
        "<h2>Details</h2><table><tr><th>Location</th><th>Records</th><th>Type</th>"
            + "<th>Count</th><th>Examples (masked)</th></tr>");
    for (LocationReport l : r.locations()) {
      for (TypeCount t : l.findings()) {
        out.printf(
            Locale.ROOT,
            "<tr><td>%s</td><td class=\"num\">%d</td><td>%s</td><td class=\"num\">%d</td><td>%s</td></tr>%n",
            esc(l.location()),
            l.records(),
            t.type(),
            t.count(),
            esc(String.join(", ", t.examples())));
      }
    }
    out.println("</table>");
    if (!r.warnings().isEmpty()) {
      out.println("<h2>Warnings</h2><ul>");
      for (Warning w : r.warnings()) {
        out.println("<li>" + esc(w.message()) + "</li>");
      }
      out.println("</ul>");
    }
    out.println("</body></html>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
