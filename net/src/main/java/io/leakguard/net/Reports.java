package io.leakguard.net;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakguard.core.Severity;
import io.leakguard.core.Warning;
import io.leakguard.net.internal.Parallel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders audit and diff reports: JSON (DESIGN §5), a readable table, and SARIF 2.1.0.
 *
 * <p>Resource tags are never printed (free text that may hold PII).
 */
public final class Reports {
  private static final ObjectMapper M =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Reports() {}

  public static ObjectMapper mapper() {
    return M;
  }

  /**
   * {@code {"findings": [...], "warnings": [...]}}; suppressed findings under {@code suppressed}.
   */
  public static ObjectNode json(AuditReport r) {
    ObjectNode root = M.createObjectNode();
    ArrayNode fs = root.putArray("findings");
    for (Finding f : r.findings()) {
      fs.add(finding(f));
    }
    root.set("warnings", warnings(r.warnings()));
    if (!r.suppressed().isEmpty()) {
      ArrayNode s = root.putArray("suppressed");
      r.suppressed().forEach(f -> s.add(finding(f)));
    }
    return root;
  }

  /**
   * Streams {@link #json(AuditReport)} to {@code out}, byte for byte what {@code
   * mapper().writeValueAsString(json(r))} gives, without building the tree (a large audit has
   * hundreds of thousands of findings). Does not close {@code out}.
   */
  public static void writeJson(AuditReport r, Writer out) throws IOException {
    // the byte writer hands over whole findings per write, so each chunk is complete UTF-8
    JsonBytes.write(
        r,
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            out.write((char) b); // only ASCII is written byte by byte
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
          }
        });
  }

  /**
   * {@link #writeJson(AuditReport, Writer)} as UTF-8 bytes: the same text, faster (no char
   * conversion). Rendered by hand on every core (see {@code JsonBytes}); does not close {@code
   * out}.
   */
  public static void writeJson(AuditReport r, OutputStream out) throws IOException {
    JsonBytes.write(r, out);
  }

  public static ObjectNode json(NetDiff.Report r) {
    ObjectNode root = M.createObjectNode();
    ArrayNode fs = root.putArray("findings");
    for (NetDiff.Entry e : r.entries()) {
      ObjectNode o = finding(e.finding());
      fs.add(o);
      o.put("change", e.change());
      ArrayNode rc = o.putArray("ruleChanges");
      for (NetDiff.RuleChange c : e.ruleChanges()) {
        ObjectNode x = rc.addObject();
        x.put("change", c.change());
        x.put("resource", c.ruleSet());
        x.put("resourceId", c.ruleSetId());
        x.put("rule", c.rule());
        x.put("direction", c.direction());
        if (c.priority() != null) {
          x.put("priority", c.priority());
        } else {
          x.putNull("priority");
        }
        x.put("action", c.action());
        x.put("file", c.file());
        x.put("jsonPath", c.jsonPath());
      }
    }
    root.set("warnings", warnings(r.warnings()));
    return root;
  }

  static ArrayNode warnings(List<Warning> ws) {
    ArrayNode a = M.createArrayNode();
    for (Warning w : ws) {
      ObjectNode o = a.addObject();
      o.put("code", w.code());
      o.put("message", w.message());
      if (w.source() != null) {
        o.put("file", w.source().file());
        o.put("jsonPath", w.source().jsonPath());
      }
    }
    return a;
  }

  public static ObjectNode finding(Finding f) {
    ObjectNode o = M.createObjectNode();
    o.put("id", f.id());
    o.put("check", f.check());
    o.put("severity", f.severity().word());
    o.put("title", f.title());
    ObjectNode t = o.putObject("target");
    t.put("id", f.targetId());
    t.put("name", f.targetName());
    t.put("provider", f.provider().word());
    if (f.privateIp() != null) {
      t.put("privateIp", f.privateIp());
    }
    o.put("direction", f.direction().word());
    o.put("protocol", f.protocol());
    strings(o.putArray("ports"), f.ports());
    strings(o.putArray("sources"), f.sources());
    strings(o.putArray("sourcesAsWritten"), f.sourcesAsWritten());
    o.put("internetWide", f.internetWide());
    o.put("publicPath", f.publicPath());
    o.put("unknown", f.unknown());
    ArrayNode p = o.putArray("path");
    for (Finding.PathStep s : f.path()) {
      p.add(step(s));
    }
    if (f.samplePacket() != null) {
      ObjectNode sp = o.putObject("samplePacket");
      sp.put("src", f.samplePacket().src());
      sp.put("dst", f.samplePacket().dst());
      sp.put("protocol", f.samplePacket().protocol());
      sp.put("port", f.samplePacket().port());
    } else {
      o.putNull("samplePacket");
    }
    ObjectNode loc = o.putObject("location");
    loc.put("file", f.file());
    loc.put("jsonPath", f.jsonPath());
    if (f.address() != null) {
      loc.put("address", f.address());
    }
    return o;
  }

  public static ObjectNode step(Finding.PathStep s) {
    ObjectNode x = M.createObjectNode();
    x.put("layer", s.layer());
    x.put("resource", s.resource());
    x.put("resourceId", s.resourceId());
    x.put("rule", s.rule());
    if (s.priority() != null) {
      x.put("priority", s.priority());
    } else {
      x.putNull("priority");
    }
    x.put("action", s.action());
    x.put("file", s.file());
    x.put("jsonPath", s.jsonPath());
    return x;
  }

  private static void strings(ArrayNode a, List<String> xs) {
    xs.forEach(a::add);
  }

  /** A fixed-width table, one finding per line, highest severity first. */
  public static String table(List<Finding> fs, List<String> changes, List<Warning> ws) {
    StringBuilder sb = new StringBuilder();
    try {
      writeTable(fs, changes, ws, sb);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringBuilder does not throw
    }
    return sb.toString();
  }

  /**
   * {@link #table} written to {@code out} as it is produced (a large audit's table is tens of MB):
   * rows are built on every core, then column widths are measured and lines written in order.
   */
  public static void writeTable(
      List<Finding> fs, List<String> changes, List<Warning> ws, Appendable out) throws IOException {
    String[] head = {
      "SEVERITY", "CHECK", "TARGET", "DIR", "PROTO", "PORTS", "SOURCES", "PUBLIC", "DECIDED BY"
    };
    List<Integer> index = new ArrayList<>(fs.size());
    for (int i = 0; i < fs.size(); i++) {
      index.add(i);
    }
    List<String[]> rows =
        Parallel.map(index, (Integer i, List<String[]> acc) -> acc.add(row(fs, changes, i)));
    int[] w = new int[head.length];
    for (int i = 0; i < head.length; i++) {
      w[i] = head[i].length();
      for (String[] r : rows) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder(1 << 17);
    appendRow(sb, head, w);
    for (String[] r : rows) {
      appendRow(sb, r, w);
      if (sb.length() >= 1 << 16) {
        out.append(sb);
        sb.setLength(0);
      }
    }
    sb.append(fs.size()).append(fs.size() == 1 ? " finding" : " findings");
    if (!ws.isEmpty()) {
      sb.append(", ").append(ws.size()).append(ws.size() == 1 ? " warning" : " warnings");
    }
    sb.append(" ('?' = depends on an unknown value)\n");
    for (Warning x : ws) {
      sb.append("warning: ").append(x).append('\n');
    }
    out.append(sb);
  }

  private static String[] row(List<Finding> fs, List<String> changes, int i) {
    Finding f = fs.get(i);
    String sources =
        f.sources().isEmpty()
            ? String.join(",", f.sourcesAsWritten())
            : f.internetWide() ? "internet" : abbreviate(String.join(",", f.sources()), 40);
    StringBuilder by = new StringBuilder();
    for (Finding.PathStep s : f.path()) {
      if (by.length() > 0) {
        by.append(" > ");
      }
      by.append(s.resource())
          .append(':')
          .append(s.rule() == null ? "(" + s.action() + ")" : s.rule());
      if (s.priority() != null) {
        by.append('@').append(s.priority());
      }
    }
    return new String[] {
      (changes == null ? "" : changes.get(i).equals("added") ? "+ " : "- ")
          + f.severity().word()
          + (f.unknown() ? "?" : ""),
      f.check(),
      f.targetName() + (f.privateIp() == null ? "" : " (" + f.privateIp() + ")"),
      f.direction().word(),
      f.protocol(),
      String.join(",", f.ports()),
      sources,
      f.publicPath() ? "yes" : "no",
      abbreviate(by.toString(), 80)
    };
  }

  private static void appendRow(StringBuilder sb, String[] r, int[] w) {
    for (int i = 0; i < r.length; i++) {
      sb.append(r[i]);
      if (i < r.length - 1) {
        sb.append(" ".repeat(w[i] - r[i].length() + 2));
      }
    }
    sb.append('\n');
  }

  private static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  /** SARIF 2.1.0: one rule per check, one result per finding, located in the export file. */
  public static ObjectNode sarif(List<Finding> fs, List<String> changes) {
    ObjectNode root = M.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "leakguard");
    driver.put("informationUri", "https://github.com/leakguard/leakguard");
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (Map.Entry<String, Object[]> c : Checks.ALL.entrySet()) {
      ruleIndex.put(c.getKey(), rules.size());
      ObjectNode r = rules.addObject();
      r.put("id", c.getKey());
      r.put("name", camel(c.getKey()));
      r.putObject("shortDescription").put("text", (String) c.getValue()[0]);
      r.putObject("defaultConfiguration").put("level", level((Severity) c.getValue()[1]));
      r.putObject("properties")
          .put("security-severity", securitySeverity((Severity) c.getValue()[1]));
    }
    Map<String, Map<String, Integer>> lines = lineNumbers(fs);
    ArrayNode results = run.putArray("results");
    for (int i = 0; i < fs.size(); i++) {
      Finding f = fs.get(i);
      ObjectNode r = results.addObject();
      r.put("ruleId", f.check());
      r.put("ruleIndex", ruleIndex.getOrDefault(f.check(), 0));
      r.put("level", level(f.severity()));
      r.putObject("message").put("text", f.title());
      r.putObject("partialFingerprints").put("leakguardFindingId/v1", f.id());
      ObjectNode props = r.putObject("properties");
      props.put("severity", f.severity().word());
      props.put("security-severity", securitySeverity(f.severity()));
      props.put("unknown", f.unknown());
      if (changes != null) {
        props.put("change", changes.get(i));
      }
      ObjectNode loc = r.putArray("locations").addObject();
      if (f.file() != null) {
        ObjectNode pl = loc.putObject("physicalLocation");
        pl.putObject("artifactLocation").put("uri", uri(f.file()));
        Integer line = lines.getOrDefault(f.file(), Map.of()).get(f.jsonPath());
        if (line != null) {
          pl.putObject("region").put("startLine", line);
        }
      }
      ObjectNode ll = loc.putArray("logicalLocations").addObject();
      ll.put("fullyQualifiedName", f.address() != null ? f.address() : f.targetId());
      ll.put("kind", "resource");
    }
    return root;
  }

  private static String uri(String file) {
    return file.replace('\\', '/');
  }

  private static String camel(String id) {
    StringBuilder sb = new StringBuilder();
    for (String p : id.split("-")) {
      sb.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
    }
    return sb.toString();
  }

  private static String level(Severity s) {
    return s.atLeast(Severity.HIGH) ? "error" : s == Severity.MEDIUM ? "warning" : "note";
  }

  private static String securitySeverity(Severity s) {
    switch (s) {
      case CRITICAL:
        return "9.5";
      case HIGH:
        return "8.0";
      case MEDIUM:
        return "5.5";
      default:
        return "2.0";
    }
  }

  /** Line numbers of the findings' JSON paths, one streaming pass per file. */
  static Map<String, Map<String, Integer>> lineNumbers(List<Finding> fs) {
    Map<String, Set<String>> want = new HashMap<>();
    for (Finding f : fs) {
      if (f.file() != null && f.jsonPath() != null && f.jsonPath().startsWith("$")) {
        want.computeIfAbsent(f.file(), k -> new HashSet<>()).add(f.jsonPath());
      }
    }
    Map<String, Map<String, Integer>> out = new HashMap<>();
    for (Map.Entry<String, Set<String>> e : want.entrySet()) {
      Map<String, String> byPointer = new HashMap<>();
      for (String p : e.getValue()) {
        byPointer.put(pointer(p), p);
      }
      Map<String, Integer> found = new HashMap<>();
      try (JsonParser jp = M.getFactory().createParser(Files.newInputStream(Path.of(e.getKey())))) {
        JsonToken t;
        while ((t = jp.nextToken()) != null && found.size() < byPointer.size()) {
          if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            JsonPointer ptr =
                jp.getParsingContext().getParent() == null
                    ? JsonPointer.empty()
                    : jp.getParsingContext().getParent().pathAsPointer();
            String key = ptr.toString();
            if (byPointer.containsKey(key)) {
              found.putIfAbsent(byPointer.get(key), (int) jp.currentTokenLocation().getLineNr());
            }
          }
        }
      } catch (IOException | RuntimeException ex) {
        // line numbers are best effort; the logical location still names the resource
      }
      out.put(e.getKey(), found);
    }
    return out;
  }

  /** {@code $.value[3].properties.x} to {@code /value/3/properties/x}. */
  static String pointer(String path) {
    StringBuilder sb = new StringBuilder();
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int j = i + 1;
        while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') {
          j++;
        }
        sb.append('/').append(path, i + 1, j);
        i = j;
      } else if (c == '[') {
        int j = path.indexOf(']', i);
        if (j < 0) {
          break;
        }
        sb.append('/').append(path, i + 1, j);
        i = j + 1;
      } else {
        i++;
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT).isEmpty() ? "" : sb.toString();
  }
}
