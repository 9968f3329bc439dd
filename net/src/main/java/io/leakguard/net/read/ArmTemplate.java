package io.leakguard.net.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leakguard.core.SourceRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ARM deployment templates (the portal's "Export template", {@code az group export}): a {@code
 * resources} array whose names and references are template expressions. Each {@code
 * Microsoft.Network/*} resource is given the id {@code /providers/<type>/<name>} and handed to
 * {@link ExportReader#element}; other resource types are skipped.
 *
 * <p>Expressions evaluated: string literals, {@code parameters('p')} (the paired parameters file's
 * value, else its {@code defaultValue}), {@code copyIndex([offset])} in a resource {@code copy}
 * loop (expanded up to ARM's 800; property copy loops are not), {@code add(a, b)}, {@code
 * variables('v')}, {@code concat(...)}, {@code format('{0}…', ...)} and {@code resourceId([sub,
 * rg,] type, name...)}, so {@code "[resourceId('Microsoft.Network/networkSecurityGroups',
 * parameters('nsg'))]"} becomes the NSG's id. Example: an NSG named {@code
 * "[parameters('networkSecurityGroups_web_name')]"} with default {@code web-nsg} gets the id {@code
 * /providers/Microsoft.Network/networkSecurityGroups/web-nsg}.
 *
 * <p>Also the {@code languageVersion 2.0} form (resources keyed by symbolic name). Known limits:
 * other functions ({@code resourceGroup()}, {@code uniqueString}, property access) stay unresolved
 * (a network resource whose name does not evaluate is kept under the expression, with a warning);
 * values of the paired parameters file ({@link #readDeferred}) are applied; an unresolved value in
 * a security rule marks that field unknown (counted as exposed, with a warning); a rule listed both
 * inline and as a child resource (exports do both) is read once.
 */
final class ArmTemplate {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 16;

  /**
   * Bounds on untrusted templates: calls nested in one expression, evaluation steps per template
   * (variables referring to variables fan out), and the length of an evaluated value. Past them a
   * value is unresolved (counted as exposed, with a warning) instead of a stack overflow or an
   * exponential blow-up.
   */
  private static final int MAX_NESTING = 64;

  private static final int MAX_STEPS = 100_000;
  private static final int MAX_VALUE = 8_192;

  private int steps;

  /** Rule fields that may be marked unknown when their expression cannot be evaluated. */
  private static final Set<String> RULE_FIELDS =
      Set.of(
          "access",
          "priority",
          "protocol",
          "sourceAddressPrefix",
          "sourceAddressPrefixes",
          "destinationAddressPrefix",
          "destinationAddressPrefixes",
          "destinationPortRange",
          "destinationPortRanges",
          "sourcePortRange",
          "sourcePortRanges");

  private final JsonNode root;
  private final String file;
  private final Inventory inv;

  /** The {@code parameters} object of the deployment parameters file paired with it, or null. */
  private final JsonNode paramValues;

  private ArmTemplate(JsonNode root, String file, Inventory inv, JsonNode paramValues) {
    this.root = root;
    this.file = file;
    this.inv = inv;
    this.paramValues = paramValues;
  }

  /** A template or parameters file read, converted once every file is in. */
  record Pending(JsonNode root, String file, java.nio.file.Path path) {}

  /** Keeps a template until the parameters files beside it are known. */
  static void defer(JsonNode root, String file, java.nio.file.Path path, Inventory inv) {
    inv.armTemplates.add(new Pending(root, file, path));
  }

  /** Keeps a deployment parameters file for the template beside it. */
  static void deferParameters(JsonNode root, String file, java.nio.file.Path path, Inventory inv) {
    inv.armParameters.add(new Pending(root, file, path));
  }

  /**
   * Reads the deferred templates, each with the values of its parameters file: {@code
   * X.parameters.json} for {@code X.json}, {@code parameters.json} for {@code template.json} (the
   * portal export), or the only parameters file in the folder of the only template there. A
   * parameters file without template is skipped with a warning; a {@code reference} (Key Vault)
   * value is unresolved (in a security rule: unknown, counted as exposed, with a warning).
   */
  static void readDeferred(Inventory inv) {
    Set<Pending> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Pending t : inv.armTemplates) {
      Pending match = null;
      String tn = t.path().getFileName().toString();
      String base =
          tn.toLowerCase(Locale.ROOT).endsWith(".json") ? tn.substring(0, tn.length() - 5) : tn;
      java.nio.file.Path dir = t.path().toAbsolutePath().getParent();
      List<Pending> inDir = new ArrayList<>();
      for (Pending p : inv.armParameters) {
        if (java.util.Objects.equals(p.path().toAbsolutePath().getParent(), dir)) {
          inDir.add(p);
          String pn = p.path().getFileName().toString().toLowerCase(Locale.ROOT);
          if (pn.equals(base.toLowerCase(Locale.ROOT) + ".parameters.json")
              || (tn.equalsIgnoreCase("template.json") && pn.equals("parameters.json"))) {
            match = p;
          }
        }
      }
      if (match == null && inDir.size() == 1) {
        long templatesInDir =
            inv.armTemplates.stream()
                .filter(x -> java.util.Objects.equals(x.path().toAbsolutePath().getParent(), dir))
                .map(Pending::path)
                .distinct()
                .count();
        if (templatesInDir == 1) {
          match = inDir.get(0);
        }
      }
      if (match != null) {
        used.add(match);
      }
      new ArmTemplate(
              t.root(), t.file(), inv, match == null ? null : match.root().path("parameters"))
          .run();
    }
    for (Pending p : inv.armParameters) {
      if (!used.contains(p)) {
        inv.skip(
            p.file(),
            "ARM deployment parameters file without its template beside it",
            SourceRef.ofPath(p.file(), "$"));
      }
    }
    inv.armTemplates.clear();
    inv.armParameters.clear();
  }

  /** True for a deployment template: {@code $schema} or {@code contentVersion} and resources. */
  static boolean is(JsonNode root) {
    JsonNode r = root.path("resources");
    return (r.isArray() || r.isObject()) && (root.has("$schema") || root.has("contentVersion"));
  }

  /** A deployment parameters file ({@code parameters.json} next to a portal export). */
  static boolean isParameters(JsonNode root) {
    return root.path("$schema").asText("").contains("deploymentParameters")
        && !root.has("resources");
  }

  static void read(JsonNode root, String file, Inventory inv) {
    new ArmTemplate(root, file, inv, null).run();
  }

  private void run() {
    List<Object[]> found = new ArrayList<>(); // {resolved node, path, type}
    JsonNode resources = root.get("resources");
    if (resources.isArray()) {
      int i = 0;
      for (JsonNode r : resources) {
        collect(r, null, null, "$.resources[" + i++ + "]", found);
      }
    } else {
      // languageVersion 2.0 (Bicep): resources keyed by symbolic name
      Iterator<Map.Entry<String, JsonNode>> it = resources.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(e.getValue(), null, null, "$.resources." + e.getKey(), found);
      }
    }
    // rules written inline in their NSG: the child resource of the same name is the same rule
    Set<String> inline = new HashSet<>();
    for (Object[] f : found) {
      if (f[2].equals("microsoft.network/networksecuritygroups")) {
        JsonNode n = (JsonNode) f[0];
        for (JsonNode r : J.arr(n, "securityRules")) {
          inline.add(J.lower(J.text(n, "id") + "/securityRules/" + J.text(r, "name")));
        }
      }
    }
    for (Object[] f : found) {
      JsonNode n = (JsonNode) f[0];
      if (f[2].equals("microsoft.network/networksecuritygroups/securityrules")
          && inline.contains(J.lower(J.text(n, "id")))) {
        continue;
      }
      ExportReader.element(n, file, (String) f[1], inv);
    }
  }

  /** The iteration of the resource {@code copy} loop being expanded, or -1. */
  private int copyIndex = -1;

  /** ARM's limit on a copy loop's count. */
  private static final int MAX_COPY = 800;

  private void collect(
      JsonNode r, String parentType, String parentName, String path, List<Object[]> out) {
    if (!r.isObject()) {
      return;
    }
    JsonNode copy = r.get("copy");
    if (copy != null && copy.isObject() && copyIndex < 0) {
      // a resource copy loop: one resource per copyIndex()
      JsonNode c = copy.get("count");
      String v = c == null ? null : c.isNumber() ? c.asText() : str(c);
      int n = -1;
      if (v != null && v.matches("[0-9]{1,4}")) {
        n = Integer.parseInt(v);
      }
      if (n >= 0 && n <= MAX_COPY) {
        for (int i = 0; i < n; i++) {
          copyIndex = i;
          try {
            collectOne(r, parentType, parentName, path, out);
          } finally {
            copyIndex = -1;
          }
        }
        return;
      }
      inv.warnings.add(
          "unknown-value",
          "the count of this copy loop could not be evaluated: the resource is read once, under its unevaluated name",
          SourceRef.ofPath(file, path + ".copy.count"));
    }
    collectOne(r, parentType, parentName, path, out);
  }

  private void collectOne(
      JsonNode r, String parentType, String parentName, String path, List<Object[]> out) {
    String type = str(r.get("type"));
    String name = str(r.get("name"));
    if (type == null) {
      return;
    }
    if (name == null && type.toLowerCase(Locale.ROOT).startsWith("microsoft.network/")) {
      // keep the resource under its expression rather than skip it silently
      name = r.path("name").asText("(unnamed)");
      inv.warnings.add(
          "unknown-value",
          "the name of this "
              + type
              + " is a template expression that could not be evaluated: references to it may not resolve",
          SourceRef.ofPath(file, path + ".name"));
    }
    if (name == null) {
      return;
    }
    if (parentType != null && !type.contains("/")) {
      type = parentType + "/" + type;
      name = parentName + "/" + name;
    }
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.startsWith("microsoft.network/")) {
      ObjectNode n = (ObjectNode) resolve(r);
      n.put("type", type);
      n.put("name", last(name));
      String id = id(type, List.of(name.split("/", -1)));
      n.put("id", id);
      if (lower.equals("microsoft.network/virtualnetworks")) {
        for (JsonNode s : J.arr(n, "subnets")) {
          if (s.isObject() && J.text(s, "id") == null && J.text(s, "name") != null) {
            ((ObjectNode) s).put("id", id + "/subnets/" + J.text(s, "name"));
          }
        }
      }
      if (lower.equals("microsoft.network/networksecuritygroups/securityrules")) {
        markUnknown(n, path);
      } else {
        int k = 0;
        for (JsonNode s : J.arr(n, "securityRules")) {
          markUnknown(s, path + J.where(n, "securityRules") + "[" + k++ + "]");
        }
      }
      out.add(new Object[] {n, path, lower});
    }
    int j = 0;
    for (JsonNode c : r.path("resources")) {
      collect(c, type, name, path + ".resources[" + j++ + "]", out);
    }
  }

  /** Moves rule fields whose expression did not evaluate into {@code __unknown}, with a warning. */
  private void markUnknown(JsonNode rule, String path) {
    JsonNode props = rule.get("properties");
    ObjectNode holder = props != null && props.isObject() ? (ObjectNode) props : (ObjectNode) rule;
    List<String> unk = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = holder.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (RULE_FIELDS.contains(e.getKey()) && isExpression(e.getValue())) {
        unk.add(e.getKey());
        it.remove();
      }
    }
    if (!unk.isEmpty()) {
      ((ObjectNode) rule).put("__unknownAs", "(template expression)");
      ArrayNode a = ((ObjectNode) rule).putArray("__unknown");
      unk.forEach(a::add);
      inv.warnings.add(
          "unknown-value",
          "template expression(s) in "
              + unk
              + " of rule "
              + J.text(rule, "name")
              + " could not be evaluated: counted as allowing everything (unknown)",
          SourceRef.ofPath(file, path));
    }
  }

  private static boolean isExpression(JsonNode v) {
    if (v.isTextual()) {
      String s = v.asText();
      return s.startsWith("[") && !s.startsWith("[[") && s.endsWith("]");
    }
    if (v.isArray()) {
      for (JsonNode x : v) {
        if (isExpression(x)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A copy of {@code n} with every evaluable string expression replaced by its value. */
  private JsonNode resolve(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = F.objectNode();
      n.fields().forEachRemaining(e -> o.set(e.getKey(), resolve(e.getValue())));
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = F.arrayNode();
      n.forEach(x -> a.add(resolve(x)));
      return a;
    }
    if (n.isTextual()) {
      String v = str(n);
      return v == null ? n : TextNode.valueOf(v);
    }
    return n;
  }

  /** The string value of a literal or evaluable expression, else null (the expression kept). */
  private String str(JsonNode n) {
    if (n == null || !n.isTextual()) {
      return null;
    }
    String s = n.asText();
    if (s.startsWith("[[")) {
      return s.substring(1);
    }
    if (s.startsWith("[") && s.endsWith("]")) {
      Parser p = new Parser(s.substring(1, s.length() - 1), 0);
      String v = p.expr();
      p.skip();
      return v != null && p.pos == p.s.length() ? v : null;
    }
    return s;
  }

  static String id(String type, List<String> names) {
    String[] t = type.split("/");
    StringBuilder b = new StringBuilder("/providers/").append(t[0]);
    for (int i = 1; i < t.length; i++) {
      b.append('/').append(t[i]).append('/').append(i - 1 < names.size() ? names.get(i - 1) : "");
    }
    return b.toString();
  }

  private static String last(String name) {
    int i = name.lastIndexOf('/');
    return i < 0 ? name : name.substring(i + 1);
  }

  /** Hand-written recursive-descent evaluator (linear in the expression; depth bounded). */
  private final class Parser {
    final String s;
    final int depth;
    int pos;
    int nesting;

    Parser(String s, int depth) {
      this.s = s;
      this.depth = depth;
    }

    void skip() {
      while (pos < s.length() && s.charAt(pos) == ' ') {
        pos++;
      }
    }

    /** Null when the expression uses anything not evaluated here. */
    String expr() {
      skip();
      if (pos >= s.length() || depth > MAX_DEPTH || nesting > MAX_NESTING || ++steps > MAX_STEPS) {
        return null;
      }
      char c = s.charAt(pos);
      if (c == '\'') {
        StringBuilder b = new StringBuilder();
        pos++;
        while (pos < s.length()) {
          char x = s.charAt(pos++);
          if (x == '\'') {
            if (pos < s.length() && s.charAt(pos) == '\'') {
              b.append('\'');
              pos++;
            } else {
              return b.toString();
            }
          } else {
            b.append(x);
          }
        }
        return null;
      }
      if (Character.isDigit(c)) {
        int st = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
        return s.substring(st, pos);
      }
      int st = pos;
      while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
        pos++;
      }
      String fn = s.substring(st, pos).toLowerCase(Locale.ROOT);
      skip();
      if (fn.isEmpty() || pos >= s.length() || s.charAt(pos) != '(') {
        return null;
      }
      pos++;
      List<String> args = new ArrayList<>();
      skip();
      boolean bad = false;
      if (pos < s.length() && s.charAt(pos) == ')') {
        pos++;
      } else {
        while (true) {
          nesting++;
          String a = expr();
          nesting--;
          if (a == null || a.length() > MAX_VALUE) {
            bad = true;
            break;
          }
          args.add(a);
          skip();
          if (pos < s.length() && s.charAt(pos) == ',') {
            pos++;
          } else if (pos < s.length() && s.charAt(pos) == ')') {
            pos++;
            break;
          } else {
            bad = true;
            break;
          }
        }
      }
      if (bad) {
        return null;
      }
      // property access (parameters('x').name) and indexing are not evaluated
      if (pos < s.length() && (s.charAt(pos) == '.' || s.charAt(pos) == '[')) {
        return null;
      }
      switch (fn) {
        case "concat":
          String joined = String.join("", args);
          return joined.length() > MAX_VALUE ? null : joined;
        case "parameters":
          if (args.size() != 1) {
            return null;
          }
          if (paramValues != null && paramValues.path(args.get(0)).has("reference")) {
            return null; // a Key Vault secret: the deployed value is not in the export
          }
          JsonNode given = paramValues == null ? null : paramValues.path(args.get(0)).get("value");
          return given != null && !given.isNull()
              ? value(given)
              : value(root.path("parameters").path(args.get(0)).get("defaultValue"));
        case "copyindex":
          // copyIndex() / copyIndex(offset) inside a resource copy loop; a property copy loop
          // (copyIndex('name')) is not expanded
          if (copyIndex < 0
              || args.size() > 1
              || (args.size() == 1 && !args.get(0).matches("[0-9]{1,6}"))) {
            return null;
          }
          return Integer.toString(copyIndex + (args.isEmpty() ? 0 : Integer.parseInt(args.get(0))));
        case "add":
          if (args.size() == 2
              && args.get(0).matches("-?[0-9]{1,9}")
              && args.get(1).matches("-?[0-9]{1,9}")) {
            return Long.toString(Long.parseLong(args.get(0)) + Long.parseLong(args.get(1)));
          }
          return null;
        case "variables":
          return args.size() == 1 ? value(root.path("variables").get(args.get(0))) : null;
        case "format":
          return format(args);
        case "resourceid":
          for (int i = 0; i < args.size(); i++) {
            if (args.get(i).contains("/")) {
              return id(args.get(i), args.subList(i + 1, args.size()));
            }
          }
          return null;
        default:
          return null;
      }
    }

    /** {@code format('{0}-nsg', x)}: numbered placeholders only. */
    private String format(List<String> args) {
      if (args.isEmpty()) {
        return null;
      }
      String f = args.get(0);
      StringBuilder b = new StringBuilder();
      int i = 0;
      while (i < f.length()) {
        char c = f.charAt(i);
        int close = c == '{' ? f.indexOf('}', i) : -1;
        if (close > i + 1) {
          int k;
          try {
            k = Integer.parseInt(f.substring(i + 1, close));
          } catch (NumberFormatException e) {
            return null;
          }
          if (k + 1 >= args.size()) {
            return null;
          }
          b.append(args.get(k + 1));
          i = close + 1;
        } else {
          b.append(c);
          i++;
        }
        if (b.length() > MAX_VALUE) {
          return null;
        }
      }
      return b.toString();
    }

    private String value(JsonNode v) {
      if (v == null || v.isContainerNode() || v.isNull()) {
        return null;
      }
      String t = v.asText();
      if (t.startsWith("[") && !t.startsWith("[[") && t.endsWith("]")) {
        Parser p = new Parser(t.substring(1, t.length() - 1), depth + 1);
        String r = p.expr();
        p.skip();
        return r != null && p.pos == p.s.length() ? r : null;
      }
      return t.startsWith("[[") ? t.substring(1) : t;
    }
  }
}
