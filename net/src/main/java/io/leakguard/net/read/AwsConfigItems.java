package io.leakguard.net.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakguard.core.SourceRef;
import io.leakguard.core.UserInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS Config configuration items: {@code aws configservice get-resource-config-history} ({@code
 * configurationItems}, newest first, {@code configuration} a JSON <em>string</em>), the snapshot
 * and history files Config delivers to S3 ({@code fileVersion}, {@code configurationItems}, {@code
 * configuration} an object), {@code batch-get-resource-config} / {@code
 * batch-get-aggregate-resource-config} ({@code baseConfigurationItems}), {@code
 * select-resource-config} / {@code select-aggregate-resource-config} ({@code Results}: each a JSON
 * string holding the selected fields), and a bare item or list of items.
 *
 * <p>The {@code configuration} of {@code AWS::EC2::SecurityGroup}, {@code NetworkInterface}, {@code
 * Instance} and {@code NetworkAcl} items is the EC2 API object in camelCase ({@code
 * ipPermissions[].ipv4Ranges[].cidrIp}, {@code ipRanges} as plain strings): its keys are turned to
 * PascalCase and the object read as the {@code aws ec2 describe-*} element it then is. Only the
 * newest item of each resource is read (by {@code configurationItemCaptureTime}; the first listed
 * on a tie); a resource whose newest item is a deletion is not in the network. Other resource types
 * are skipped with one warning per file and type.
 *
 * <p>Known limits: JSON paths inside a {@code configuration} name the PascalCase keys ({@code
 * $.configurationItems[0].configuration.IpPermissions[1]}); in a string {@code configuration} they
 * point into the string.
 */
final class AwsConfigItems {
  private AwsConfigItems() {}

  private static final ObjectMapper MAPPER = new ObjectMapper().setNodeFactory(KeyedNodes.FACTORY);

  /** The item list fields of the outputs above. */
  private static final String[] LISTS = {
    "configurationItems", "baseConfigurationItems", "BaseConfigurationItems"
  };

  /** True for an output that holds configuration items (checked before the generic shapes). */
  static boolean isOutput(JsonNode root) {
    for (String f : LISTS) {
      if (root.path(f).isArray()) {
        return true;
      }
    }
    return root.path("Results").isArray() && root.has("QueryInfo");
  }

  /** True for one configuration item (an element of a list read elsewhere). */
  static boolean isItem(JsonNode e) {
    return e.isObject()
        && e.path("resourceType").asText("").startsWith("AWS::")
        && (e.has("configuration") || e.has("configurationItemStatus"));
  }

  /** Reads the items of an output for which {@link #isOutput} holds. */
  static void readOutput(JsonNode root, String file, Inventory inv) {
    List<Doc> items = new ArrayList<>();
    for (String f : LISTS) {
      int i = 0;
      for (JsonNode e : root.path(f)) {
        items.add(new Doc(e, file, "$." + f + "[" + i++ + "]"));
      }
    }
    int i = 0;
    for (JsonNode r : root.path("Results")) {
      String path = "$.Results[" + i++ + "]";
      items.add(new Doc(r.isTextual() ? parse(r.asText(), file, path) : r, file, path));
    }
    read(items, file, inv);
  }

  /** Reads a list of items (a bare array, or one item as a list of one). */
  static void read(List<Doc> items, String file, Inventory inv) {
    // the newest item of each resource, in first-seen order
    Map<String, Doc> newest = new LinkedHashMap<>();
    int anonymous = 0;
    for (Doc d : items) {
      JsonNode e = d.node();
      String id = e.path("resourceId").asText(null);
      String key =
          id == null
              ? "#" + anonymous++
              : e.path("resourceType").asText("") + "|" + e.path("awsRegion").asText("") + "|" + id;
      Doc prev = newest.get(key);
      if (prev == null || time(e).compareTo(time(prev.node())) > 0) {
        newest.put(key, d);
      }
    }
    for (Doc d : newest.values()) {
      JsonNode e = d.node();
      String type = e.path("resourceType").asText(null);
      JsonNode conf = e.get("configuration");
      String path = d.path() + ".configuration";
      if (e.path("configurationItemStatus").asText("").startsWith("ResourceDeleted")
          || (conf == null && e.has("configurationItemStatus"))
          || (conf != null && conf.isNull())) {
        continue; // deleted, or recorded without its configuration: not in the network
      }
      if (conf == null) {
        inv.skip(
            file,
            "AWS Config result without configuration (select the configuration field)",
            d.ref());
        continue;
      }
      if (conf.isTextual()) {
        conf = parse(conf.asText(), file, path);
      }
      String idField = idField(type);
      if (type != null && idField == null) {
        inv.skip(file, "AWS Config item of type " + type, d.ref());
        continue;
      }
      JsonNode pascal = pascal(conf);
      if (idField != null && !pascal.hasNonNull(idField) && e.hasNonNull("resourceId")) {
        ((ObjectNode) pascal).set(idField, e.get("resourceId"));
      }
      if ("GroupId".equals(idField)
          && !pascal.hasNonNull("GroupName")
          && e.hasNonNull("resourceName")) {
        ((ObjectNode) pascal).set("GroupName", e.get("resourceName"));
      }
      ExportReader.element(pascal, file, path, inv);
    }
  }

  /** The field of the EC2 object that carries its id, for the item types read; else null. */
  private static String idField(String type) {
    if (type == null) {
      return null;
    }
    switch (type) {
      case "AWS::EC2::SecurityGroup":
        return "GroupId";
      case "AWS::EC2::NetworkInterface":
        return "NetworkInterfaceId";
      case "AWS::EC2::Instance":
        return "InstanceId";
      case "AWS::EC2::NetworkAcl":
        return "NetworkAclId";
      default:
        return null;
    }
  }

  private static String time(JsonNode e) {
    return e.path("configurationItemCaptureTime").asText("");
  }

  private static JsonNode parse(String json, String file, String path) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UserInputException(
          SourceRef.ofPath(file, path), "malformed JSON in the string: " + e.getOriginalMessage());
    }
  }

  /**
   * A copy with every object key's first letter upper-cased ({@code ipPermissions}: IpPermissions).
   */
  static JsonNode pascal(JsonNode n) {
    if (n.isObject()) {
      ObjectNode out = KeyedNodes.FACTORY.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        String k = f.getKey();
        String up = k.isEmpty() ? k : Character.toUpperCase(k.charAt(0)) + k.substring(1);
        out.set(up, pascal(f.getValue()));
      }
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = KeyedNodes.FACTORY.arrayNode(n.size());
      for (JsonNode x : n) {
        out.add(pascal(x));
      }
      return out;
    }
    return n;
  }
}
