package io.leakguard.cli.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.leakguard.core.UserInputException;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.redact.Operator;
import io.leakguard.pii.redact.RedactionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --config FILE} of {@code leakguard redact} (YAML). Unknown keys are errors (a typo
 * must not silently weaken a redaction).
 *
 * <pre>
 * entities: [EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, PERSON]
 * min_score: 0.6
 * default_operator: replace
 * operators:
 *   EMAIL_ADDRESS: hash
 *   PHONE_NUMBER: {type: mask, keep: 4, from: end, char: "*"}
 *   PERSON: {type: replace, value: "[name]"}
 *   CREDIT_CARD: drop
 * allow: [support@contoso.com]
 * deny: [Project Bluebird]
 * </pre>
 */
public final class RedactConfig {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP =
      Set.of("entities", "min_score", "region", "default_operator", "operators", "allow", "deny");

  private Set<EntityType> entities;
  private Double minScore;
  private String region;
  private Operator defaultOperator;
  private final Map<EntityType, Operator> operators = new java.util.EnumMap<>(EntityType.class);
  private final List<String> allow = new ArrayList<>();
  private final List<String> deny = new ArrayList<>();

  private RedactConfig() {}

  /** An empty configuration (everything default). */
  public static RedactConfig empty() {
    return new RedactConfig();
  }

  /**
   * Reads and validates a configuration file.
   *
   * @throws UserInputException naming the file, the key and what was expected
   */
  public static RedactConfig read(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new UserInputException(file + ": no such file");
    } catch (IOException e) {
      throw new UserInputException(file + ": not valid YAML");
    }
    RedactConfig c = new RedactConfig();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return c;
    }
    String f = file.toString();
    if (!root.isObject()) {
      throw new UserInputException(f + ": expected a mapping at the top level");
    }
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!TOP.contains(k)) {
        throw new UserInputException(f + ": unknown key '" + k + "', expected one of " + TOP);
      }
    }
    if (root.has("entities")) {
      Set<EntityType> es = EnumSet.noneOf(EntityType.class);
      for (String s : strings(root.get("entities"), f, "entities")) {
        es.add(entity(s, f, "entities"));
      }
      if (es.isEmpty()) {
        throw new UserInputException(f + ": entities: expected at least one entity type");
      }
      c.entities = es;
    }
    if (root.has("min_score")) {
      JsonNode n = root.get("min_score");
      if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) {
        throw new UserInputException(f + ": min_score: expected a number in [0, 1]");
      }
      c.minScore = n.asDouble();
    }
    if (root.has("region")) {
      c.region = root.get("region").asText();
    }
    if (root.has("default_operator")) {
      c.defaultOperator = operator(root.get("default_operator"), f, "default_operator");
    }
    if (root.has("operators")) {
      JsonNode ops = root.get("operators");
      if (!ops.isObject()) {
        throw new UserInputException(f + ": operators: expected a mapping ENTITY: operator");
      }
      Iterator<Map.Entry<String, JsonNode>> it = ops.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String where = "operators." + e.getKey();
        c.operators.put(entity(e.getKey(), f, where), operator(e.getValue(), f, where));
      }
    }
    if (root.has("allow")) {
      c.allow.addAll(strings(root.get("allow"), f, "allow"));
    }
    if (root.has("deny")) {
      c.deny.addAll(strings(root.get("deny"), f, "deny"));
    }
    return c;
  }

  private static EntityType entity(String s, String f, String where) {
    try {
      return EntityType.parse(s);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(f + ": " + where + ": " + e.getMessage());
    }
  }

  private static List<String> strings(JsonNode n, String f, String where) {
    if (!n.isArray()) {
      throw new UserInputException(f + ": " + where + ": expected a list");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode x : n) {
      if (!x.isValueNode() || x.isNull() || x.asText().isBlank()) {
        throw new UserInputException(f + ": " + where + ": expected non-empty strings");
      }
      out.add(x.asText());
    }
    return out;
  }

  /** Parses {@code hash} or {@code {type: mask, keep: 4, from: end, char: "*"}}. */
  static Operator operator(JsonNode n, String f, String where) {
    try {
      if (n.isTextual()) {
        return simple(Operator.Kind.parse(n.textValue()), where);
      }
      if (!n.isObject() || !n.has("type")) {
        throw new UserInputException(
            f + ": " + where + ": expected an operator name or a mapping with 'type'");
      }
      Operator.Kind kind = Operator.Kind.parse(n.get("type").asText());
      Set<String> allowed =
          kind == Operator.Kind.MASK
              ? Set.of("type", "keep", "from", "char")
              : kind == Operator.Kind.REPLACE ? Set.of("type", "value") : Set.of("type");
      Iterator<String> keys = n.fieldNames();
      while (keys.hasNext()) {
        String k = keys.next();
        if (!allowed.contains(k)) {
          throw new UserInputException(
              f
                  + ": "
                  + where
                  + ": unknown parameter '"
                  + k
                  + "' for "
                  + kind.configName()
                  + ", expected "
                  + allowed);
        }
      }
      switch (kind) {
        case REPLACE:
          return n.has("value") ? Operator.replace(n.get("value").asText()) : Operator.replace();
        case MASK:
          int keep = 0;
          if (n.has("keep")) {
            if (!n.get("keep").canConvertToInt() || n.get("keep").asInt() < 0) {
              throw new UserInputException(f + ": " + where + ".keep: expected an integer >= 0");
            }
            keep = n.get("keep").asInt();
          }
          String from = n.has("from") ? n.get("from").asText() : "end";
          if (!from.equals("end") && !from.equals("start")) {
            throw new UserInputException(f + ": " + where + ".from: expected start or end");
          }
          String ch = n.has("char") ? n.get("char").asText() : "*";
          if (ch.codePointCount(0, ch.length()) != 1) {
            throw new UserInputException(f + ": " + where + ".char: expected one character");
          }
          return Operator.mask(keep, from.equals("end"), ch.codePointAt(0));
        default:
          return simple(kind, where);
      }
    } catch (IllegalArgumentException e) {
      throw new UserInputException(f + ": " + where + ": " + e.getMessage());
    }
  }

  private static Operator simple(Operator.Kind kind, String where) {
    switch (kind) {
      case REPLACE:
        return Operator.replace();
      case MASK:
        return Operator.mask(0, true, '*');
      case HASH:
        return Operator.hash();
      case ENCRYPT:
        return Operator.encrypt();
      default:
        return Operator.drop();
    }
  }

  /** Entity types from the file, or null when not set. */
  public Set<EntityType> entities() {
    return entities;
  }

  /** Minimum score from the file, or null when not set. */
  public Double minScore() {
    return minScore;
  }

  /** Region from the file, or null when not set. */
  public String region() {
    return region;
  }

  /**
   * A policy builder holding this file's operators and lists; {@code cliOperators} (from {@code
   * --operator}, {@code NAME} or {@code TYPE=NAME}) override them.
   */
  public RedactionPolicy.Builder policy(List<String> cliOperators) {
    RedactionPolicy.Builder b = RedactionPolicy.builder();
    if (defaultOperator != null) {
      b.defaultOperator(defaultOperator);
    }
    operators.forEach(b::operator);
    for (String spec : cliOperators == null ? List.<String>of() : cliOperators) {
      int eq = spec.indexOf('=');
      try {
        if (eq < 0) {
          b.defaultOperator(simple(Operator.Kind.parse(spec), "--operator"));
        } else {
          b.operator(
              EntityType.parse(spec.substring(0, eq)),
              simple(Operator.Kind.parse(spec.substring(eq + 1)), "--operator"));
        }
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--operator '" + spec + "': " + e.getMessage());
      }
    }
    allow.forEach(b::allow);
    deny.forEach(b::deny);
    if (entities != null) {
      b.entities(entities);
    }
    if (minScore != null) {
      b.minScore(minScore);
    }
    return b;
  }
}
