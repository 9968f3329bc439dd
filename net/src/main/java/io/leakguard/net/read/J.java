package io.leakguard.net.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lenient JSON access for vendor exports: a field is looked up exactly, then case-insensitively
 * ({@code privateIPAddress} / {@code privateIpAddress}), then under {@code properties} (ARM/REST
 * nesting). Explicit {@code null} counts as missing.
 */
final class J {
  private J() {}

  /** The field, or null when absent or JSON null. */
  static JsonNode get(JsonNode n, String name) {
    if (n == null || !n.isObject()) {
      return null;
    }
    JsonNode v = n.get(name);
    if (v != null && usable(v)) {
      return v;
    }
    // absent or null: one pass over the fields finds both the case-insensitive spelling of the
    // name (when absent) and of "properties" (same result as direct(n, name), then
    // direct(n, "properties"), which scanned the fields twice for every missing field)
    JsonNode props = n.get("properties");
    // the key signature (KeyedNodes) rules out most absent names without walking the entries
    boolean needV = v == null && KeyedNodes.mayHave(n, name);
    boolean needProps = props == null && KeyedNodes.mayHave(n, "properties");
    if (needV || needProps) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext() && (needV || needProps)) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        if (needV && k.equalsIgnoreCase(name)) {
          v = e.getValue();
          needV = false;
        }
        if (needProps && k.equalsIgnoreCase("properties")) {
          props = e.getValue();
          needProps = false;
        }
      }
    }
    if (v != null && usable(v)) {
      return v;
    }
    if (props != null && usable(props) && props.isObject()) {
      return direct(props, name);
    }
    return null;
  }

  private static boolean usable(JsonNode v) {
    return !v.isNull() && !v.isMissingNode();
  }

  /**
   * Path segment under which {@link #get} found the field ({@code .x} or {@code .properties.x}).
   */
  static String where(JsonNode n, String name) {
    if (direct(n, name) != null) {
      return "." + actualName(n, name);
    }
    JsonNode props = direct(n, "properties");
    return ".properties." + (props == null ? name : actualName(props, name));
  }

  private static String actualName(JsonNode n, String name) {
    if (n.has(name)) {
      return name;
    }
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String f = it.next();
      if (f.equalsIgnoreCase(name)) {
        return f;
      }
    }
    return name;
  }

  private static JsonNode direct(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null && KeyedNodes.mayHave(n, name)) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equalsIgnoreCase(name)) {
          v = e.getValue();
          break;
        }
      }
    }
    return v == null || v.isNull() || v.isMissingNode() ? null : v;
  }

  static String text(JsonNode n, String name) {
    JsonNode v = get(n, name);
    return v == null || v.isContainerNode() ? null : v.asText();
  }

  static String idOf(JsonNode n, String name) {
    JsonNode v = get(n, name);
    if (v == null) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    return text(v, "id");
  }

  /** Elements of an array field (empty when absent). */
  static List<JsonNode> arr(JsonNode n, String name) {
    JsonNode v = get(n, name);
    List<JsonNode> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(out::add);
    }
    return out;
  }

  /** Text values of an array of strings (empty when absent). */
  static List<String> texts(JsonNode n, String name) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : arr(n, name)) {
      if (e != null && !e.isNull() && !e.isContainerNode()) {
        out.add(e.asText());
      }
    }
    return out;
  }

  /**
   * A port, range, {@code *} or a comma-separated list of them ({@code "80,443,8080-8090"}, as the
   * Azure portal accepts and some tools write into a single-valued field).
   *
   * @throws IllegalArgumentException naming the part that is not a port or range
   */
  static io.leakguard.net.PortSet ports(String text) {
    String[] parts = spaced(text) ? text.trim().split("\\s+") : null;
    if (parts == null && text.indexOf(',') < 0) {
      return io.leakguard.net.PortSet.parse(text);
    }
    io.leakguard.net.PortSet out = io.leakguard.net.PortSet.EMPTY;
    for (String part : parts != null ? parts : text.split(",", -1)) {
      out = out.union(ports(part));
    }
    return out;
  }

  /**
   * True for values joined by spaces ({@code "22 3389"}, {@code "10.0.0.0/8 192.0.2.0/24"}): a list
   * that PowerShell's {@code ConvertTo-Json} cut off at its depth limit (default 2) prints as its
   * items joined by a space. A range written with spaces around its dash ({@code "80 - 90"}) and a
   * comma list ({@code "80, 443"}) are not.
   */
  static boolean spaced(String text) {
    String t = text.trim();
    for (int i = 0; i < t.length(); i++) {
      if (Character.isWhitespace(t.charAt(i))) {
        return t.indexOf(" -") < 0 && t.indexOf("- ") < 0 && t.indexOf(',') < 0;
      }
    }
    return false;
  }

  /**
   * True for a text where the vendor shape has an object or a list of objects: what PowerShell's
   * {@code ConvertTo-Json} prints for a value beyond its depth limit (default 2), the value's type
   * name ({@code "Microsoft.Azure.Commands.Network.Models.PSSecurityRule"}, {@code
   * "Amazon.EC2.Model.IpPermission"}; a list beyond the limit prints its items' texts joined by
   * spaces, an empty one {@code ""}).
   */
  static boolean cutOff(JsonNode v) {
    // an empty list prints as ""; a text that is a resource id ("/subscriptions/...") is a link
    return v != null && v.isTextual() && !v.asText().isBlank() && !v.asText().startsWith("/");
  }

  /** The values of a {@link #spaced} text (or the one value) as an array of strings. */
  static com.fasterxml.jackson.databind.node.ArrayNode spacedList(String text) {
    com.fasterxml.jackson.databind.node.ArrayNode out =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (String v : text.trim().split("\\s+")) {
      if (!v.isEmpty()) {
        out.add(v);
      }
    }
    return out;
  }

  /** The warning for a value {@link #cutOff} cut off. */
  static final String CUT_OFF =
      "cut off by PowerShell's ConvertTo-Json depth limit (default 2; export again with"
          + " ConvertTo-Json -Depth 10)";

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
