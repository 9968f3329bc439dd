package io.leakguard.net.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakguard.net.internal.Parallel;
import io.leakguard.net.read.AzureConverter.RawRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Streaming reader for the plain output of {@code az network nsg list} (a JSON array of NSG
 * objects): Jackson's {@link JsonParser} reads each security rule straight into the few fields the
 * conversion uses ({@link RawRule}), so the 100,000 rule objects of a 1x benchmark export never
 * become trees (they were the largest live set before the audit and the largest parse cost). The
 * NSG's other fields ({@code id}, {@code name}, {@code type}, {@code subnets}, {@code
 * networkInterfaces}, ...) are still read as a small tree without the two rule arrays, so every
 * lookup of the converter on the NSG itself is unchanged.
 *
 * <p>Only the exact shape the CLI writes is taken: every element an object whose {@code type} is
 * {@code Microsoft.Network/networkSecurityGroups} (any case), no {@code properties} (ARM nesting),
 * rule fields named exactly as the CLI names them (no other casing, no duplicates), strings or
 * {@code null} where the CLI writes strings, an integer priority, empty application security group
 * lists. Anything else in any element (and any malformed JSON, trailing text, an empty array) gives
 * {@code null} and the caller reads the file as a tree, so the result and every error message
 * (file, JSON path, line and column) are the tree path's.
 *
 * <p>Example: {@code JsonNode root = AzNsgStream.read(bytes, mapper); // null: use the tree}
 *
 * <p>Known limits: a file that bails is parsed twice (the first element is tried alone first, so a
 * file of another kind costs one element). Large files are cut by {@link SplitArray} and read on
 * every core, as the tree path does.
 */
final class AzNsgStream {
  private AzNsgStream() {}

  /** The security rules and default security rules of one NSG, in export order. */
  record Rules(List<RawRule> rules, List<RawRule> defaults) {}

  /** One NSG: its tree without the rule arrays, and its rules. */
  record Nsg(ObjectNode node, Rules rules) {}

  /** The root of a file read by this reader: the NSGs, in file order (no children of its own). */
  static final class Streamed extends ArrayNode {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialized
    final List<Nsg> nsgs;

    Streamed(List<Nsg> nsgs) {
      super(JsonNodeFactory.instance);
      this.nsgs = nsgs;
    }
  }

  /** Not the plain shape: the caller reads the file as a tree. */
  private static final class Bail extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bail() {
      super(null, null, false, false);
    }
  }

  private static final Bail BAIL = new Bail();

  /**
   * Reads the NSG's other values as trees: the export mapper's node factory, without its
   * trailing-token check (which would consume the token after each value).
   */
  private static final ObjectMapper VALUES = new ObjectMapper().setNodeFactory(KeyedNodes.FACTORY);

  /** The NSGs of an {@code az network nsg list} export, or {@code null} (read it as a tree). */
  static Streamed read(byte[] b, ObjectMapper mapper) {
    boolean split = b.length >= SplitArray.MIN_BYTES && Parallel.threads() >= 2;
    return read(b, mapper, split ? Parallel.threads() * 4 : 0);
  }

  /** {@link #read(byte[], ObjectMapper)} cut into about {@code runs} runs (0: in one piece). */
  static Streamed read(byte[] b, ObjectMapper mapper, int runs) {
    if (!firstIsNsg(b, mapper)) {
      return null;
    }
    List<Nsg> all = null;
    if (runs > 0) {
      List<Object> parts = SplitArray.runs(b, runs, run -> array(run, mapper));
      if (parts != null) {
        all = new ArrayList<>();
        for (Object p : parts) {
          if (!(p instanceof List)) {
            return null;
          }
          @SuppressWarnings("unchecked")
          List<Nsg> nsgs = (List<Nsg>) p;
          all.addAll(nsgs);
        }
      }
    }
    if (all == null) {
      all = array(b, mapper);
    }
    return all == null ? null : new Streamed(all);
  }

  /** True when the first element of the array parses as a plain NSG (a cheap test first). */
  private static boolean firstIsNsg(byte[] b, ObjectMapper mapper) {
    try (JsonParser p = mapper.getFactory().createParser(b)) {
      return p.nextToken() == JsonToken.START_ARRAY
          && p.nextToken() == JsonToken.START_OBJECT
          && nsg(p, mapper) != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Every element of the array {@code b}, or {@code null} when any is not a plain NSG. */
  static List<Nsg> array(byte[] b, ObjectMapper mapper) {
    try (JsonParser p = mapper.getFactory().createParser(b)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<Nsg> out = new ArrayList<>();
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
        out.add(nsg(p, mapper));
      }
      if (t != JsonToken.END_ARRAY || p.nextToken() != null || out.isEmpty()) {
        return null;
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return null; // Bail, malformed JSON, limits: the tree path decides and reports
    }
  }

  /** One NSG object (the parser is on its {@code START_OBJECT}). */
  private static Nsg nsg(JsonParser p, ObjectMapper mapper) throws IOException {
    ObjectNode node = mapper.createObjectNode();
    List<RawRule> rules = List.of();
    List<RawRule> defaults = List.of();
    Set<String> keys = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      JsonToken v = p.nextToken();
      if (!keys.add(k)) {
        throw BAIL; // duplicate key
      }
      if (k.equals("securityRules")) {
        rules = rules(p, v);
      } else if (k.equals("defaultSecurityRules")) {
        defaults = rules(p, v);
      } else {
        String f = k.toLowerCase(Locale.ROOT);
        if (f.equals("properties")
            || f.equals("securityrules")
            || f.equals("defaultsecurityrules")
            || v == null) {
          throw BAIL;
        }
        JsonNode value = VALUES.readTree(p);
        if (value == null) {
          throw BAIL;
        }
        node.set(k, value);
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw BAIL;
    }
    JsonNode type = node.get("type");
    if (type == null
        || !type.isTextual()
        || !type.asText()
            .toLowerCase(Locale.ROOT)
            .equals("microsoft.network/networksecuritygroups")) {
      throw BAIL;
    }
    return new Nsg(node, new Rules(rules, defaults));
  }

  private static List<RawRule> rules(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (v != JsonToken.START_ARRAY) {
      throw BAIL;
    }
    List<RawRule> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
      out.add(rule(p));
    }
    if (t != JsonToken.END_ARRAY) {
      throw BAIL;
    }
    return out;
  }

  private static final Set<String> EMPTY = Set.of();

  /** One rule object (the parser is on its {@code START_OBJECT}). */
  private static RawRule rule(JsonParser p) throws IOException {
    String name = null;
    String direction = null;
    String access = null;
    String protocol = null;
    String src = null;
    String dst = null;
    String dport = null;
    String sport = null;
    List<String> srcs = List.of();
    List<String> dsts = List.of();
    List<String> dports = List.of();
    List<String> sports = List.of();
    boolean priority = false;
    long prio = 0;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      JsonToken v = p.nextToken();
      int bit;
      switch (k) {
        case "name":
          bit = 1;
          name = str(p, v);
          break;
        case "direction":
          bit = 1 << 1;
          direction = str(p, v);
          break;
        case "access":
          bit = 1 << 2;
          access = str(p, v);
          break;
        case "protocol":
          bit = 1 << 3;
          protocol = str(p, v);
          break;
        case "priority":
          bit = 1 << 4;
          if (v == JsonToken.VALUE_NUMBER_INT
              && (p.getNumberType() == JsonParser.NumberType.INT
                  || p.getNumberType() == JsonParser.NumberType.LONG)) {
            priority = true;
            prio = p.getLongValue();
          } else if (v != JsonToken.VALUE_NULL) {
            throw BAIL;
          }
          break;
        case "sourceAddressPrefix":
          bit = 1 << 5;
          src = str(p, v);
          break;
        case "sourceAddressPrefixes":
          bit = 1 << 6;
          srcs = strs(p, v);
          break;
        case "destinationAddressPrefix":
          bit = 1 << 7;
          dst = str(p, v);
          break;
        case "destinationAddressPrefixes":
          bit = 1 << 8;
          dsts = strs(p, v);
          break;
        case "destinationPortRange":
          bit = 1 << 9;
          dport = str(p, v);
          break;
        case "destinationPortRanges":
          bit = 1 << 10;
          dports = strs(p, v);
          break;
        case "sourcePortRange":
          bit = 1 << 11;
          sport = str(p, v);
          break;
        case "sourcePortRanges":
          bit = 1 << 12;
          sports = strs(p, v);
          break;
        case "sourceApplicationSecurityGroups":
          bit = 1 << 13;
          none(p, v);
          break;
        case "destinationApplicationSecurityGroups":
          bit = 1 << 14;
          none(p, v);
          break;
        case "id":
          bit = 1 << 15;
          skipString(v);
          break;
        case "type":
          bit = 1 << 16;
          skipString(v);
          break;
        case "etag":
          bit = 1 << 17;
          skipString(v);
          break;
        case "provisioningState":
          bit = 1 << 18;
          skipString(v);
          break;
        case "description":
          bit = 1 << 19;
          skipString(v);
          break;
        case "resourceGroup":
          bit = 1 << 20;
          skipString(v);
          break;
        default:
          throw BAIL; // another field (or casing): the tree's lenient lookups decide
      }
      if ((seen & bit) != 0) {
        throw BAIL; // duplicate key
      }
      seen |= bit;
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw BAIL;
    }
    return new RawRule(
        EMPTY,
        name,
        direction,
        access,
        priority,
        priority,
        prio,
        null,
        protocol,
        AzureConverter.both(src, srcs),
        AzureConverter.both(dst, dsts),
        List.of(),
        List.of(),
        AzureConverter.both(dport, dports),
        AzureConverter.both(sport, sports),
        null);
  }

  private static String str(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    throw BAIL;
  }

  private static void skipString(JsonToken v) {
    if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
      throw BAIL;
    }
  }

  /** An array of strings ({@code null} elements skipped, as {@code J.texts} does) or null. */
  private static List<String> strs(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (v != JsonToken.START_ARRAY) {
      throw BAIL;
    }
    List<String> out = null;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_STRING) {
        if (out == null) {
          out = new ArrayList<>(4);
        }
        out.add(p.getText());
      } else if (t != JsonToken.VALUE_NULL) {
        throw BAIL;
      }
    }
    return out == null ? List.of() : out;
  }

  /** An application security group list that must be absent, null or empty. */
  private static void none(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return;
    }
    if (v != JsonToken.START_ARRAY || p.nextToken() != JsonToken.END_ARRAY) {
      throw BAIL;
    }
  }
}
