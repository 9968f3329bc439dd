package io.leakguard.net.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A Jackson node factory whose objects keep a 64-bit signature of their keys, so that {@link J} can
 * tell without walking the entries that no key matches a name case-insensitively (the common case:
 * every absent optional field of every rule, e.g. {@code sourcePortRanges}, {@code properties}, was
 * a walk over all of the rule's entries).
 *
 * <p>Example: {@code new ObjectMapper().setNodeFactory(KeyedNodes.FACTORY).readTree(bytes)}; then
 * {@code KeyedNodes.mayHave(node, "properties")} is false when no key of {@code node} equals {@code
 * properties} ignoring case.
 *
 * <p>The signature is one bit per key, chosen by the key's length and the ASCII case-folded first
 * and last characters ({@link String#equalsIgnoreCase} needs the same length, and two ASCII
 * characters are equal ignoring case exactly when their ASCII folds are); a key whose first or last
 * character is not ASCII sets every bit (a non-ASCII character can equal an ASCII one ignoring
 * case: the Kelvin sign and {@code k}). A set bit only means "maybe": the caller then walks the
 * entries as before, so results are unchanged.
 *
 * <p>Known limits: bits are only added (a removed key leaves its bit: a false "maybe", safe);
 * objects made by other factories ({@link JsonNodeFactory#instance}, {@code deepCopy}) have no
 * signature and are always walked.
 */
final class KeyedNodes {
  private KeyedNodes() {}

  /** The factory to give the export mappers. */
  static final JsonNodeFactory FACTORY = new Factory();

  /**
   * False only when {@code n} is an object from {@link #FACTORY} with no key equal to {@code name}
   * ignoring case; true otherwise (look).
   */
  static boolean mayHave(JsonNode n, String name) {
    if (n instanceof Obj) {
      long bit = bit(name);
      return (((Obj) n).keys.mask & bit) != 0;
    }
    return true;
  }

  /** The signature bit of a key (every bit when its first or last character is not ASCII). */
  static long bit(String key) {
    int len = key.length();
    if (len == 0) {
      return 1L;
    }
    char a = key.charAt(0);
    char z = key.charAt(len - 1);
    if (a >= 128 || z >= 128) {
      return -1L;
    }
    int h = len * 31 + fold(a) * 7 + fold(z);
    return 1L << (h & 63);
  }

  private static int fold(char c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }

  private static final class Factory extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    Factory() {
      super(false);
    }

    @Override
    public ObjectNode objectNode() {
      return new Obj(this, new Keys());
    }
  }

  /** An object node whose children map keeps the key signature. */
  private static final class Obj extends ObjectNode {
    private static final long serialVersionUID = 1L;
    private final transient Keys keys;

    Obj(JsonNodeFactory f, Keys keys) {
      super(f, keys);
      this.keys = keys;
    }
  }

  /** Insertion-ordered children (as Jackson's own) with the signature of every key put. */
  private static final class Keys extends LinkedHashMap<String, JsonNode> {
    private static final long serialVersionUID = 1L;
    long mask;

    @Override
    public JsonNode put(String key, JsonNode value) {
      mask |= bit(key);
      return super.put(key, value);
    }

    @Override
    public JsonNode putIfAbsent(String key, JsonNode value) {
      mask |= bit(key);
      return super.putIfAbsent(key, value);
    }

    @Override
    public void putAll(Map<? extends String, ? extends JsonNode> m) {
      for (String k : m.keySet()) {
        mask |= bit(k);
      }
      super.putAll(m);
    }

    @Override
    public JsonNode computeIfAbsent(
        String key, Function<? super String, ? extends JsonNode> mappingFunction) {
      mask |= bit(key);
      return super.computeIfAbsent(key, mappingFunction);
    }

    @Override
    public JsonNode compute(
        String key,
        BiFunction<? super String, ? super JsonNode, ? extends JsonNode> remappingFunction) {
      mask |= bit(key);
      return super.compute(key, remappingFunction);
    }

    @Override
    public JsonNode merge(
        String key,
        JsonNode value,
        BiFunction<? super JsonNode, ? super JsonNode, ? extends JsonNode> remappingFunction) {
      mask |= bit(key);
      return super.merge(key, value, remappingFunction);
    }
  }
}
