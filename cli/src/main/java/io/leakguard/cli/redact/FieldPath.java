package io.leakguard.cli.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakguard.core.UserInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON path selecting the values to redact: dotted keys, {@code [*]} (every element), {@code [N]}
 * (one element) and {@code *} (every key), e.g. {@code text}, {@code customer.note}, {@code
 * messages[*].body}, {@code $.a.b}. A path ending at an object or array selects every string and
 * number inside it. Missing parts select nothing.
 */
public final class FieldPath {
  private final String spec;
  private final List<Object> steps; // String key ("*" = any key) or Integer index (-1 = any)

  private FieldPath(String spec, List<Object> steps) {
    this.spec = spec;
    this.steps = steps;
  }

  /**
   * Parses a path.
   *
   * @throws UserInputException naming the path and what was expected
   */
  public static FieldPath parse(String spec) {
    String s = spec.strip();
    if (s.startsWith("$.")) {
      s = s.substring(2);
    }
    List<Object> steps = new ArrayList<>();
    int i = 0;
    int n = s.length();
    if (n == 0) {
      throw bad(spec, "an empty path");
    }
    while (i < n) {
      int j = i;
      while (j < n && s.charAt(j) != '.' && s.charAt(j) != '[') {
        j++;
      }
      if (j == i) {
        throw bad(spec, "a field name at position " + i);
      }
      steps.add(s.substring(i, j));
      i = j;
      while (i < n && s.charAt(i) == '[') {
        int close = s.indexOf(']', i);
        if (close < 0) {
          throw bad(spec, "']' after '[' at position " + i);
        }
        String idx = s.substring(i + 1, close).strip();
        if (idx.equals("*")) {
          steps.add(-1);
        } else {
          try {
            int k = Integer.parseInt(idx);
            if (k < 0) {
              throw new NumberFormatException();
            }
            steps.add(k);
          } catch (NumberFormatException e) {
            throw bad(spec, "[*] or [N] at position " + i);
          }
        }
        i = close + 1;
      }
      if (i < n) {
        if (s.charAt(i) != '.' || i + 1 == n) {
          throw bad(spec, "'.' followed by a field name at position " + i);
        }
        i++;
      }
    }
    return new FieldPath(spec, List.copyOf(steps));
  }

  private static UserInputException bad(String spec, String expected) {
    return new UserInputException("--field '" + spec + "': expected " + expected);
  }

  /** Callback that receives each selected scalar and may replace it. */
  @FunctionalInterface
  public interface Leaf {
    /** Returns the replacement node, or null to keep the value. */
    JsonNode apply(String concretePath, String text);
  }

  /** Visits every selected string or number under {@code root}, replacing where asked. */
  public void apply(ObjectNode root, Leaf leaf) {
    walk(root, 0, "", leaf, null);
  }

  private interface Setter {
    void set(JsonNode v);
  }

  private void walk(JsonNode node, int step, String path, Leaf leaf, Setter setter) {
    if (node == null) {
      return;
    }
    if (step == steps.size()) {
      all(node, path, leaf, setter);
      return;
    }
    Object st = steps.get(step);
    if (st instanceof String) {
      if (!(node instanceof ObjectNode)) {
        return;
      }
      ObjectNode obj = (ObjectNode) node;
      String key = (String) st;
      if (key.equals("*")) {
        List<String> names = new ArrayList<>();
        obj.fieldNames().forEachRemaining(names::add);
        for (String k : names) {
          walk(obj.get(k), step + 1, join(path, k), leaf, v -> obj.set(k, v));
        }
      } else {
        walk(obj.get(key), step + 1, join(path, key), leaf, v -> obj.set(key, v));
      }
    } else {
      if (!(node instanceof ArrayNode)) {
        return;
      }
      ArrayNode arr = (ArrayNode) node;
      int k = (Integer) st;
      if (k >= 0) {
        if (k < arr.size()) {
          walk(arr.get(k), step + 1, path + "[" + k + "]", leaf, v -> arr.set(k, v));
        }
      } else {
        for (int x = 0; x < arr.size(); x++) {
          int xi = x;
          walk(arr.get(x), step + 1, path + "[" + x + "]", leaf, v -> arr.set(xi, v));
        }
      }
    }
  }

  private static void all(JsonNode node, String path, Leaf leaf, Setter setter) {
    if (node.isTextual() || node.isNumber()) {
      String text = node.isTextual() ? node.textValue() : node.numberValue().toString();
      JsonNode r = leaf.apply(path, text);
      if (r != null && setter != null) {
        setter.set(r);
      }
    } else if (node instanceof ObjectNode) {
      ObjectNode obj = (ObjectNode) node;
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
      it.forEachRemaining(fields::add);
      for (Map.Entry<String, JsonNode> e : fields) {
        String k = e.getKey();
        all(e.getValue(), join(path, k), leaf, v -> obj.set(k, v));
      }
    } else if (node instanceof ArrayNode) {
      ArrayNode arr = (ArrayNode) node;
      for (int x = 0; x < arr.size(); x++) {
        int xi = x;
        all(arr.get(x), path + "[" + x + "]", leaf, v -> arr.set(xi, v));
      }
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The path as written. */
  @Override
  public String toString() {
    return spec;
  }
}
