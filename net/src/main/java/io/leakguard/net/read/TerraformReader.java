package io.leakguard.net.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakguard.core.SourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code terraform show -json} of a plan ({@code resource_changes} with {@code before}, {@code
 * after}, {@code after_unknown}) or a state ({@code values.root_module}). Resources are rewritten
 * into the shapes of the vendor CLIs (az, aws, gcloud) and handed to the same converters; inline
 * and standalone rule resources are reassembled into their NSG or security group, association
 * resources attach NSGs to NICs and subnets. Values known only after apply are marked unknown
 * (counted as exposed). References whose id is unknown in a plan are resolved through the plan's
 * {@code configuration} expressions.
 */
final class TerraformReader {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TerraformReader() {}

  /** One managed resource on the chosen side. */
  private record Res(
      String address, String type, JsonNode values, JsonNode unknown, String path, int index) {
    String key() {
      JsonNode id = values.get("id");
      return id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : address;
    }

    boolean unknown(String attr) {
      return unknown != null && unknown.path(attr).asBoolean(false);
    }
  }

  static void read(JsonNode root, String file, Inventory inv, ExportReader.PlanSide side) {
    List<Res> res = new ArrayList<>();
    if (root.has("resource_changes")) {
      int i = 0;
      for (JsonNode rc : root.get("resource_changes")) {
        if (!"managed".equals(rc.path("mode").asText("managed"))) {
          i++;
          continue;
        }
        JsonNode ch = rc.path("change");
        String sideName = side == ExportReader.PlanSide.AFTER ? "after" : "before";
        JsonNode v = ch.get(sideName);
        if (v != null && v.isObject()) {
          res.add(
              new Res(
                  rc.path("address").asText(),
                  rc.path("type").asText(),
                  v,
                  side == ExportReader.PlanSide.AFTER ? ch.get("after_unknown") : null,
                  "$.resource_changes[" + i + "].change." + sideName,
                  i));
        }
        i++;
      }
    } else if (root.has("lineage") && root.path("resources").isArray()) {
      rawState(root, res);
    } else if (root.has("values")) {
      module(root.path("values").path("root_module"), "$.values.root_module", res);
    } else if (root.has("planned_values")) {
      module(root.path("planned_values").path("root_module"), "$.planned_values.root_module", res);
    }
    // terraform plan -allow-deferral (1.9+): changes Terraform plans in a later round; their
    // values are not known yet (a network resource among them is missing from both sides)
    int d = 0;
    for (JsonNode dc : root.path("deferred_changes")) {
      JsonNode rc = dc.path("resource_change");
      inv.warnings.add(
          "unknown-reference",
          "deferred change "
              + rc.path("address").asText("(no address)")
              + " ("
              + dc.path("reason").asText("no reason given")
              + "): planned in a later terraform plan, not evaluated",
          io.leakguard.core.SourceRef.ofPath(file, "$.deferred_changes[" + d++ + "]"));
    }
    Map<String, List<String>> refs = new HashMap<>();
    config(root.path("configuration").path("root_module"), "", refs);
    new Conv(file, inv, res, refs).run();
  }

  /**
   * A raw state file ({@code terraform.tfstate}, {@code terraform state pull}; format version 4):
   * {@code resources[]} with {@code module}, {@code mode}, {@code type}, {@code name} and {@code
   * instances[]} ({@code index_key} a number for {@code count}, a string for {@code for_each},
   * {@code attributes} the values {@code terraform show -json} prints).
   */
  private static void rawState(JsonNode root, List<Res> out) {
    int i = 0;
    for (JsonNode r : root.path("resources")) {
      if ("managed".equals(r.path("mode").asText("managed"))) {
        String base =
            (r.hasNonNull("module") ? r.get("module").asText() + "." : "")
                + r.path("type").asText()
                + "."
                + r.path("name").asText();
        int j = 0;
        for (JsonNode inst : r.path("instances")) {
          JsonNode key = inst.get("index_key");
          String address =
              key == null || key.isNull()
                  ? base
                  : key.isNumber()
                      ? base + "[" + key.asText() + "]"
                      : base + "[\"" + key.asText() + "\"]";
          out.add(
              new Res(
                  address,
                  r.path("type").asText(),
                  inst.path("attributes"),
                  null,
                  "$.resources[" + i + "].instances[" + j + "].attributes",
                  out.size()));
          j++;
        }
      }
      i++;
    }
  }

  private static void module(JsonNode m, String path, List<Res> out) {
    int i = 0;
    for (JsonNode r : m.path("resources")) {
      if ("managed".equals(r.path("mode").asText("managed"))) {
        out.add(
            new Res(
                r.path("address").asText(),
                r.path("type").asText(),
                r.path("values"),
                null,
                path + ".resources[" + i + "].values",
                i));
      }
      i++;
    }
    int j = 0;
    for (JsonNode c : m.path("child_modules")) {
      module(c, path + ".child_modules[" + j++ + "]", out);
    }
  }

  /** address.attr → referenced addresses, from the plan's configuration. */
  private static void config(JsonNode m, String prefix, Map<String, List<String>> out) {
    for (JsonNode r : m.path("resources")) {
      String addr = prefix + r.path("address").asText();
      r.path("expressions")
          .fields()
          .forEachRemaining(
              e -> {
                List<String> rs = new ArrayList<>();
                collectRefs(e.getValue(), rs, prefix);
                if (!rs.isEmpty()) {
                  out.put(addr + "." + e.getKey(), rs);
                }
              });
    }
    m.path("module_calls")
        .fields()
        .forEachRemaining(
            e -> {
              String child = prefix + "module." + e.getKey() + ".";
              JsonNode mod = e.getValue().path("module");
              // module outputs: "module.a.module.b.sg_id" → what the output expression refers to
              // (a resource in the child module, or a grandchild's output), so an id passed
              // between modules still resolves
              mod.path("outputs")
                  .fields()
                  .forEachRemaining(
                      o -> {
                        List<String> rs = new ArrayList<>();
                        collectRefs(o.getValue().path("expression"), rs, child);
                        if (!rs.isEmpty()) {
                          out.put(child + o.getKey(), rs);
                        }
                      });
              config(mod, child, out);
            });
  }

  private static void collectRefs(JsonNode n, List<String> out, String prefix) {
    if (n.isObject()) {
      if (n.has("references")) {
        for (JsonNode r : n.get("references")) {
          out.add(prefix + r.asText());
        }
      }
      n.fields()
          .forEachRemaining(
              e -> {
                if (!e.getKey().equals("references")) {
                  collectRefs(e.getValue(), out, prefix);
                }
              });
    } else if (n.isArray()) {
      n.forEach(x -> collectRefs(x, out, prefix));
    }
  }

  private static final class Conv {
    final String file;
    final Inventory inv;
    final List<Res> res;
    final Map<String, List<String>> refs;
    final Map<String, Res> byAddress = new LinkedHashMap<>();
    final Map<String, ObjectNode> azNsgByName = new HashMap<>();
    final Map<String, ObjectNode> awsSgByKey = new HashMap<>();
    final Map<String, ObjectNode> awsEniByKey = new HashMap<>();
    final Map<String, ObjectNode> azNicByKey = new HashMap<>();
    final Map<String, ObjectNode> azLbByKey = new HashMap<>();
    final Map<String, ObjectNode> awsNaclByKey = new HashMap<>();

    Conv(String file, Inventory inv, List<Res> res, Map<String, List<String>> refs) {
      this.file = file;
      this.inv = inv;
      this.res = res;
      this.refs = refs;
      for (Res r : res) {
        byAddress.put(r.address(), r);
      }
    }

    /**
     * The references of {@code address.attr}, with module outputs followed ({@code module.sg.id}
     * also yields what the output {@code id} of module {@code sg} refers to; bounded).
     */
    List<String> refsOf(String key) {
      List<String> out = new ArrayList<>(refs.getOrDefault(key, List.of()));
      for (int i = 0; i < out.size() && out.size() < 256; i++) {
        String ref = out.get(i);
        if (ref.contains("module.") && !byAddress.containsKey(ref)) {
          for (String x : refs.getOrDefault(ref, List.of())) {
            if (!out.contains(x)) {
              out.add(x);
            }
          }
        }
      }
      return out;
    }

    /** The referenced resource for an attribute holding an id, or null. */
    Res target(Res r, String attr) {
      JsonNode v = r.values().get(attr);
      if (v != null && v.isTextual() && !v.asText().isEmpty()) {
        for (Res o : res) {
          if (v.asText().equalsIgnoreCase(o.key())) {
            return o;
          }
        }
      }
      for (String ref : refsOf(stripIndex(r.address()) + "." + attr)) {
        String a =
            ref.endsWith(".id") || ref.endsWith(".name") || ref.endsWith(".self_link")
                ? ref.substring(0, ref.lastIndexOf('.'))
                : ref;
        for (String cand :
            new String[] {a, a.contains(".") ? a.substring(0, a.lastIndexOf('.')) : a}) {
          if (byAddress.containsKey(cand)) {
            return byAddress.get(cand);
          }
          for (Res o : res) {
            if (stripIndex(o.address()).equals(cand)) {
              return o;
            }
          }
        }
      }
      return null;
    }

    /**
     * The id an attribute refers to: the value, the referenced resource's key, or a placeholder.
     */
    String idRef(Res r, String attr) {
      Res t = target(r, attr);
      if (t != null) {
        return t.key();
      }
      JsonNode v = r.values().get(attr);
      if (v != null && v.isTextual() && !v.asText().isEmpty()) {
        return v.asText();
      }
      if (r.unknown(attr)) {
        return "(known after apply) " + r.address() + "." + attr;
      }
      return null;
    }

    List<String> idRefs(Res r, String attr) {
      List<String> out = new ArrayList<>();
      JsonNode v = r.values().get(attr);
      if (v != null && v.isArray() && !r.unknown(attr)) {
        for (JsonNode x : v) {
          String s = x.asText();
          Res o = null;
          for (Res c : res) {
            if (s.equalsIgnoreCase(c.key())) {
              o = c;
            }
          }
          out.add(o == null ? s : o.key());
        }
        boolean allKnown = true;
        JsonNode u = r.unknown() == null ? null : r.unknown().get(attr);
        if (u != null && u.isArray()) {
          for (JsonNode x : u) {
            if (x.asBoolean(false)) {
              allKnown = false;
            }
          }
        }
        if (allKnown) {
          return out;
        }
        out.clear();
      }
      List<String> refList = refsOf(stripIndex(r.address()) + "." + attr);
      for (String ref : refList) {
        String a = ref.endsWith(".id") ? ref.substring(0, ref.length() - 3) : ref;
        if (indexedElsewhere(a, refList)) {
          continue; // Terraform lists aws_x.y beside aws_x.y["k"]: only the instance is meant
        }
        for (Res c : res) {
          if (c.address().equals(a) || stripIndex(c.address()).equals(a)) {
            if (!out.contains(c.key())) {
              out.add(c.key());
            }
          }
        }
      }
      if (out.isEmpty() && r.unknown(attr)) {
        out.add("(known after apply) " + r.address() + "." + attr);
      }
      return out;
    }

    /**
     * True when {@code ref} has no instance key and another reference names one of its instances
     * ({@code aws_security_group.svc} beside {@code aws_security_group.svc["api"].id}: Terraform
     * lists every containing object of a reference).
     */
    static boolean indexedElsewhere(String ref, List<String> refs) {
      if (ref.endsWith("]")) {
        return false;
      }
      for (String o : refs) {
        if (o.startsWith(ref + "[")) {
          return true;
        }
      }
      return false;
    }

    static String stripIndex(String a) {
      return a.replaceAll("\\[[^\\]]*\\]", "");
    }

    Doc doc(Res r, JsonNode node) {
      return new Doc(node, file, r.path(), r.address());
    }

    void run() {
      for (Res r : res) {
        switch (r.type()) {
          case "azurerm_network_security_group":
            azNsg(r);
            break;
          case "aws_security_group":
          case "aws_default_security_group":
            awsSg(r);
            break;
          case "aws_network_acl":
          case "aws_default_network_acl":
            awsNacl(r);
            break;
          case "azurerm_lb":
            azLb(r);
            break;
          case "aws_ec2_managed_prefix_list":
            for (JsonNode e : r.values().path("entry")) {
              awsPrefixEntry(r, r.key(), e.path("cidr").asText(""));
            }
            break;
          case "aws_ec2_managed_prefix_list_entry":
            awsPrefixEntry(r, idRef(r, "prefix_list_id"), r.values().path("cidr").asText(""));
            break;
          default:
            break;
        }
      }
      for (Res r : res) {
        switch (r.type()) {
          case "azurerm_network_security_group":
          case "aws_security_group":
          case "aws_default_security_group":
          case "aws_network_acl":
          case "aws_default_network_acl":
            break;
          case "aws_network_acl_rule":
            awsNaclRule(r);
            break;
          case "aws_network_acl_association":
            awsNaclAssociation(r);
            break;
          case "azurerm_network_security_rule":
            azRule(r);
            break;
          case "azurerm_network_interface":
            azNic(r);
            break;
          case "azurerm_subnet":
            azSubnet(r);
            break;
          case "azurerm_virtual_network":
            azVnet(r);
            break;
          case "azurerm_network_interface_security_group_association":
            inv.azAssociations.add(
                new String[] {
                  "nic", idRef(r, "network_interface_id"), idRef(r, "network_security_group_id")
                });
            break;
          case "azurerm_subnet_network_security_group_association":
            inv.azAssociations.add(
                new String[] {
                  "subnet", idRef(r, "subnet_id"), idRef(r, "network_security_group_id")
                });
            break;
          case "aws_security_group_rule":
            awsRule(r);
            break;
          case "aws_vpc_security_group_ingress_rule":
          case "aws_vpc_security_group_egress_rule":
            awsVpcRule(r);
            break;
          case "aws_instance":
          case "aws_network_interface":
            awsEni(r);
            break;
          case "google_compute_firewall":
            gcpFirewall(r);
            break;
          case "google_compute_instance":
            gcpInstance(r);
            break;
          case "azurerm_lb_backend_address_pool":
            azLbPart(r, "backendAddressPools");
            break;
          case "azurerm_lb_nat_rule":
            azLbPart(r, "inboundNatRules");
            break;
          default:
            break;
        }
      }
      // attachments to ENIs and instances, once every ENI is known
      for (Res r : res) {
        switch (r.type()) {
          case "aws_network_interface_sg_attachment":
            awsSgAttachment(r);
            break;
          case "aws_eip":
            awsEip(r, r, "instance", "network_interface");
            break;
          case "aws_eip_association":
            awsEip(r, target(r, "allocation_id"), "instance_id", "network_interface_id");
            break;
          case "azurerm_network_interface_backend_address_pool_association":
            azNicLink(r, "backend_address_pool_id", "loadBalancerBackendAddressPools");
            break;
          case "azurerm_network_interface_nat_rule_association":
            azNicLink(r, "nat_rule_id", "loadBalancerInboundNatRules");
            break;
          case "azurerm_network_interface_application_security_group_association":
            azNicLink(r, "application_security_group_id", "applicationSecurityGroups");
            break;
          case "azurerm_public_ip":
            azPublicIp(r);
            break;
          case "google_compute_firewall_policy":
          case "google_compute_network_firewall_policy":
          case "google_compute_region_network_firewall_policy":
          case "google_compute_firewall_policy_rule":
          case "google_compute_network_firewall_policy_rule":
          case "google_compute_region_network_firewall_policy_rule":
          case "google_compute_firewall_policy_association":
          case "google_compute_network_firewall_policy_association":
          case "google_compute_region_network_firewall_policy_association":
            gcpPolicyParts.add(r);
            break;
          case "google_compute_network_firewall_policy_with_rules":
          case "google_compute_region_network_firewall_policy_with_rules":
            inv.warnings.add(
                "unsupported-resource",
                r.type()
                    + " "
                    + r.address()
                    + " is not evaluated (use google_compute_network_firewall_policy_rule): its rules are not applied",
                io.leakguard.core.SourceRef.ofPath(file, r.path()));
            break;
          default:
            break;
        }
      }
      awsInstanceInterfaces();
      gcpPolicies();
    }

    /**
     * {@code aws_instance} with {@code network_interface} blocks (interfaces managed as {@code
     * aws_network_interface}): the instance is not an interface of its own. Its public IP and tags
     * go to the interface at {@code device_index} 0, and the instance is dropped as a target;
     * before, it was a second target with no security groups (an unknown, all-open layer).
     */
    /** {@code aws_network_interface} resources only, by id and address. */
    final Map<String, ObjectNode> ownEniByKey = new HashMap<>();

    void awsInstanceInterfaces() {
      for (Res r : res) {
        JsonNode nis = r.values().path("network_interface");
        if (!r.type().equals("aws_instance") || !nis.isArray() || nis.isEmpty()) {
          continue;
        }
        ObjectNode inst = awsEniByKey.get(r.address());
        if (inst == null) {
          continue;
        }
        boolean linked = false;
        for (JsonNode ni : nis) {
          String id = ni.path("network_interface_id").asText("");
          ObjectNode eni = id.isEmpty() ? null : ownEniByKey.get(id);
          if (eni == null && nis.size() == 1) {
            Res t = target(r, "network_interface");
            eni = t == null ? null : ownEniByKey.get(t.key());
          }
          if (eni == null || eni == inst) {
            continue;
          }
          linked = true;
          if (ni.path("device_index").asInt(-1) == 0) {
            if (!eni.has("Association") && !eni.has("__PublicUnknown")) {
              if (inst.has("Association")) {
                eni.set("Association", inst.get("Association"));
              } else if (inst.has("__PublicUnknown")) {
                eni.put("__PublicUnknown", true);
              }
            }
            if (inst.path("Tags").isObject()) {
              // the instance's tags (its Name) under the interface's own
              ObjectNode tags = ((ObjectNode) inst.get("Tags")).deepCopy();
              if (eni.path("Tags").isObject()) {
                tags.setAll((ObjectNode) eni.get("Tags"));
              }
              eni.set("Tags", tags);
            }
          }
        }
        if (linked) {
          inv.awsEnis.removeIf(d -> d.node() == inst);
        }
      }
    }

    final List<Res> gcpPolicyParts = new ArrayList<>();

    /**
     * {@code azurerm_public_ip}: read so that a NIC's public path names the address ({@code
     * ip_address}; absent while a dynamic or new address is not yet known).
     */
    void azPublicIp(Res r) {
      JsonNode v = r.values();
      ObjectNode n = F.objectNode();
      n.put("type", "Microsoft.Network/publicIPAddresses");
      n.put("id", r.key());
      n.put("name", v.path("name").asText(r.address()));
      putText(n, "ipAddress", v, "ip_address");
      n.put("publicIPAllocationMethod", v.path("allocation_method").asText("Static"));
      inv.azPublicIps.add(doc(r, n));
    }

    /**
     * Terraform GCP firewall policies, their rules and associations, rebuilt into the {@code
     * compute#firewallPolicy} shape that {@link GcpPolicies} reads. A rule or association is joined
     * to its policy by the {@code firewall_policy} value (id, name or self link) or by reference.
     */
    void gcpPolicies() {
      Map<String, ObjectNode> byKey = new LinkedHashMap<>();
      Map<String, Res> owner = new HashMap<>();
      for (Res r : gcpPolicyParts) {
        if (r.type().endsWith("_rule") || r.type().endsWith("_association")) {
          continue;
        }
        JsonNode v = r.values();
        ObjectNode n = F.objectNode();
        n.put("kind", "compute#firewallPolicy");
        String name =
            v.hasNonNull("short_name")
                ? v.get("short_name").asText()
                : v.path("name").asText(r.address());
        n.put("name", name);
        n.put("selfLink", v.hasNonNull("self_link") ? v.get("self_link").asText() : r.address());
        if (r.type().equals("google_compute_firewall_policy")) {
          n.put("type", "HIERARCHY");
          n.put("parent", v.path("parent").asText(""));
        } else if (r.type().contains("region")) {
          n.put("type", "NETWORK_REGIONAL");
          n.put("region", v.path("region").asText(""));
        } else {
          n.put("type", "NETWORK");
        }
        n.putArray("associations");
        n.putArray("rules");
        for (String k :
            new String[] {
              r.key(),
              r.address(),
              v.path("name").asText(""),
              v.path("self_link").asText(""),
              v.path("firewall_policy_id").asText("")
            }) {
          if (!k.isEmpty()) {
            byKey.putIfAbsent(k, n);
          }
        }
        owner.put(r.address(), r);
        inv.gcpPolicies.add(doc(r, n));
      }
      for (Res r : gcpPolicyParts) {
        boolean rule = r.type().endsWith("_rule");
        if (!rule && !r.type().endsWith("_association")) {
          continue;
        }
        JsonNode v = r.values();
        ObjectNode pol = null;
        Res t = target(r, "firewall_policy");
        if (t != null && owner.containsKey(t.address())) {
          pol = byKey.get(t.address());
        }
        String fp = v.path("firewall_policy").asText("");
        if (pol == null) {
          pol = byKey.get(fp);
        }
        if (pol == null) {
          for (Map.Entry<String, ObjectNode> e : byKey.entrySet()) {
            if (!fp.isEmpty() && e.getKey().endsWith("/" + fp)) {
              pol = e.getValue();
            }
          }
        }
        if (pol == null) {
          inv.warnings.add(
              "unknown-reference",
              r.address()
                  + ": firewall policy "
                  + (fp.isEmpty() ? "(known after apply)" : fp)
                  + " is not in the input: "
                  + (rule ? "rule" : "association")
                  + " not applied",
              io.leakguard.core.SourceRef.ofPath(file, r.path()));
          continue;
        }
        if (!rule) {
          String at = v.path("attachment_target").asText("");
          Res net = target(r, "attachment_target");
          if (net != null && net.values().hasNonNull("self_link")) {
            at = net.values().get("self_link").asText();
          } else if (net != null && net.values().hasNonNull("name") && at.isEmpty()) {
            at = "global/networks/" + net.values().get("name").asText();
          }
          if (at.isEmpty()) {
            at = "organizations/(known after apply)";
          } else if (!at.contains("/")) {
            at = "global/networks/" + at;
          }
          ((ArrayNode) pol.get("associations"))
              .addObject()
              .put("attachmentTarget", at)
              .put("name", v.path("name").asText(r.address()));
          continue;
        }
        ObjectNode x = ((ArrayNode) pol.get("rules")).addObject();
        x.put("kind", "compute#firewallPolicyRule");
        if (v.hasNonNull("priority")) {
          x.set("priority", v.get("priority"));
        }
        x.put("action", v.path("action").asText(""));
        x.put("direction", v.path("direction").asText("INGRESS"));
        x.put("disabled", v.path("disabled").asBoolean(false));
        if (v.hasNonNull("rule_name") && !v.get("rule_name").asText().isEmpty()) {
          x.put("ruleName", v.get("rule_name").asText());
        } else {
          x.put("ruleName", r.address());
        }
        copyList(v, "target_service_accounts", x, "targetServiceAccounts");
        copyList(v, "target_resources", x, "targetResources");
        copyTags(v.path("target_secure_tags"), x.putArray("targetSecureTags"));
        JsonNode m = v.path("match").isArray() ? v.path("match").path(0) : v.path("match");
        ObjectNode mo = x.putObject("match");
        for (String[] f :
            new String[][] {
              {"src_ip_ranges", "srcIpRanges"},
              {"dest_ip_ranges", "destIpRanges"},
              {"src_fqdns", "srcFqdns"},
              {"dest_fqdns", "destFqdns"},
              {"src_address_groups", "srcAddressGroups"},
              {"dest_address_groups", "destAddressGroups"},
              {"src_region_codes", "srcRegionCodes"},
              {"dest_region_codes", "destRegionCodes"},
              {"src_threat_intelligences", "srcThreatIntelligences"},
              {"dest_threat_intelligences", "destThreatIntelligences"}
            }) {
          copyList(m, f[0], mo, f[1]);
        }
        copyTags(m.path("src_secure_tags"), mo.putArray("srcSecureTags"));
        ArrayNode l4 = mo.putArray("layer4Configs");
        for (JsonNode c : m.path("layer4_configs")) {
          ObjectNode o = l4.addObject();
          o.put("ipProtocol", c.path("ip_protocol").asText("all"));
          copyList(c, "ports", o, "ports");
        }
        JsonNode mu = r.unknown() == null ? null : r.unknown().path("match").path(0);
        if (mu != null && mu.path("src_ip_ranges").toString().contains("true")) {
          // known after apply: counted as any source through an unresolved field
          mo.putArray("srcAddressGroups").add("(known after apply)");
        }
      }
    }

    private void copyList(JsonNode from, String f, ObjectNode to, String t) {
      JsonNode a = from.path(f);
      if (a.isArray() && a.size() > 0) {
        to.set(t, a);
      }
    }

    private void copyTags(JsonNode tags, ArrayNode out) {
      for (JsonNode t : tags) {
        out.addObject()
            .put("name", t.path("name").asText())
            .put("state", t.path("state").asText("EFFECTIVE"));
      }
    }

    // ---- Azure ----
    private static final String[][] AZ_RULE_FIELDS = {
      {"name", "name"},
      {"priority", "priority"},
      {"direction", "direction"},
      {"access", "access"},
      {"protocol", "protocol"},
      {"source_port_range", "sourcePortRange"},
      {"source_port_ranges", "sourcePortRanges"},
      {"destination_port_range", "destinationPortRange"},
      {"destination_port_ranges", "destinationPortRanges"},
      {"source_address_prefix", "sourceAddressPrefix"},
      {"source_address_prefixes", "sourceAddressPrefixes"},
      {"destination_address_prefix", "destinationAddressPrefix"},
      {"destination_address_prefixes", "destinationAddressPrefixes"},
    };

    ObjectNode azRuleNode(JsonNode v, JsonNode unknown, String path) {
      ObjectNode n = F.objectNode();
      ArrayNode unk = n.putArray("__unknown");
      for (String[] f : AZ_RULE_FIELDS) {
        JsonNode x = v.get(f[0]);
        if (x != null && !x.isNull()) {
          n.set(f[1], x);
        }
        if (unknown != null && unknown.path(f[0]).asBoolean(false)) {
          unk.add(f[1]);
        }
      }
      for (String[] f :
          new String[][] {
            {"source_application_security_group_ids", "sourceApplicationSecurityGroups"},
            {"destination_application_security_group_ids", "destinationApplicationSecurityGroups"}
          }) {
        ArrayNode a = n.putArray(f[1]);
        for (JsonNode x : v.path(f[0])) {
          a.addObject().put("id", x.asText());
        }
      }
      n.put("__path", path);
      n.put("__file", file);
      return n;
    }

    void azNsg(Res r) {
      ObjectNode n = F.objectNode();
      n.put("id", r.key());
      n.put("name", r.values().path("name").asText(r.address()));
      ArrayNode rules = n.putArray("securityRules");
      if (r.unknown("security_rule")) {
        for (String dir : new String[] {"Inbound", "Outbound"}) {
          ObjectNode u = rules.addObject();
          u.put("name", "(known after apply)")
              .put("direction", dir)
              .put("__path", r.path() + ".security_rule")
              .put("__file", file);
          u.putArray("__unknown")
              .add("access")
              .add("priority")
              .add("protocol")
              .add("sourceAddressPrefix")
              .add("destinationPortRange");
        }
        inv.warnings.add(
            "unknown-value",
            "the rules of "
                + r.address()
                + " are known only after apply: counted as allowing everything (unknown)",
            SourceRef.ofPath(file, r.path()));
      }
      int j = 0;
      for (JsonNode sr : r.values().path("security_rule")) {
        JsonNode u = r.unknown() == null ? null : r.unknown().path("security_rule").path(j);
        rules.add(azRuleNode(sr, u, r.path() + ".security_rule[" + j + "]"));
        j++;
      }
      azNsgByName.put(
          (r.values().path("resource_group_name").asText("") + "/" + n.get("name").asText())
              .toLowerCase(java.util.Locale.ROOT),
          n);
      inv.azNsgs.add(doc(r, n));
    }

    void azRule(Res r) {
      String key =
          (r.values().path("resource_group_name").asText("")
                  + "/"
                  + r.values().path("network_security_group_name").asText(""))
              .toLowerCase(java.util.Locale.ROOT);
      ObjectNode nsg = azNsgByName.get(key);
      if (nsg == null) {
        Res t = target(r, "network_security_group_name");
        if (t != null) {
          nsg =
              azNsgByName.get(
                  (t.values().path("resource_group_name").asText("")
                          + "/"
                          + t.values().path("name").asText())
                      .toLowerCase(java.util.Locale.ROOT));
        }
      }
      if (nsg == null) {
        nsg = F.objectNode();
        nsg.put("id", key);
        nsg.put("name", r.values().path("network_security_group_name").asText(key));
        nsg.putArray("securityRules");
        azNsgByName.put(key, nsg);
        inv.azNsgs.add(doc(r, nsg));
        inv.warnings.add(
            "unknown-reference",
            "NSG "
                + key
                + " of rule "
                + r.address()
                + " is not in the plan or state: only its standalone rules are known",
            SourceRef.ofPath(file, r.path()));
      }
      ((ArrayNode) nsg.get("securityRules")).add(azRuleNode(r.values(), r.unknown(), r.path()));
    }

    void azNic(Res r) {
      ObjectNode n = F.objectNode();
      n.put("id", r.key());
      n.put("name", r.values().path("name").asText(r.address()));
      if (r.values().has("tags") && r.values().get("tags").isObject()) {
        n.set("tags", r.values().get("tags"));
      }
      ArrayNode ipcs = n.putArray("ipConfigurations");
      int j = 0;
      for (JsonNode ic : r.values().path("ip_configuration")) {
        JsonNode u = r.unknown() == null ? null : r.unknown().path("ip_configuration").path(j);
        ObjectNode o = ipcs.addObject();
        String name = ic.path("name").asText("ipconfig" + j);
        o.put("name", name);
        o.put("id", r.key() + "/ipConfigurations/" + name);
        if (ic.hasNonNull("private_ip_address")
            && !ic.get("private_ip_address").asText().isEmpty()) {
          o.put("privateIPAddress", ic.get("private_ip_address").asText());
        }
        String subnet =
            ic.hasNonNull("subnet_id") && !ic.get("subnet_id").asText().isEmpty()
                ? ic.get("subnet_id").asText()
                : null;
        if (subnet == null) {
          Res t = target(r, "ip_configuration.subnet_id");
          if (t == null) {
            t = target(r, "ip_configuration");
          }
          subnet = t != null && t.type().equals("azurerm_subnet") ? t.key() : null;
        } else {
          for (Res c : res) {
            if (subnet.equalsIgnoreCase(c.key())) {
              subnet = c.key();
            }
          }
        }
        if (subnet != null) {
          o.putObject("subnet").put("id", subnet);
        }
        boolean pubUnknown = u != null && u.path("public_ip_address_id").asBoolean(false);
        String pip =
            ic.hasNonNull("public_ip_address_id") ? ic.get("public_ip_address_id").asText() : "";
        if (!pip.isEmpty() || pubUnknown) {
          o.putObject("publicIPAddress")
              .put("id", pip.isEmpty() ? "(known after apply) " + r.address() : pip);
        }
        j++;
      }
      azNicByKey.put(r.key(), n);
      inv.azNics.add(doc(r, n));
    }

    /** {@code azurerm_lb}: public when a frontend has a public IP (also one known after apply). */
    void azLb(Res r) {
      ObjectNode n = F.objectNode();
      n.put("id", r.key());
      n.put("name", r.values().path("name").asText(r.address()));
      ArrayNode fes = n.putArray("frontendIPConfigurations");
      int j = 0;
      for (JsonNode fe : r.values().path("frontend_ip_configuration")) {
        JsonNode u =
            r.unknown() == null ? null : r.unknown().path("frontend_ip_configuration").path(j++);
        ObjectNode o = fes.addObject();
        String pip = fe.path("public_ip_address_id").asText("");
        if (!pip.isEmpty() || u != null && u.path("public_ip_address_id").asBoolean(false)) {
          o.putObject("publicIPAddress")
              .put("id", pip.isEmpty() ? "(known after apply) " + r.address() : pip);
        }
      }
      n.putArray("backendAddressPools");
      n.putArray("inboundNatRules");
      azLbByKey.put(r.key(), n);
      inv.azLbs.add(doc(r, n));
    }

    /** {@code azurerm_lb_backend_address_pool} / {@code azurerm_lb_nat_rule} into their LB. */
    void azLbPart(Res r, String field) {
      String lb = idRef(r, "loadbalancer_id");
      ObjectNode n = lb == null ? null : azLbByKey.get(lb);
      if (n == null) {
        inv.warnings.add(
            "unknown-reference",
            "load balancer of "
                + r.address()
                + " is not in the plan or state: NICs behind it count as public (unknown)",
            SourceRef.ofPath(file, r.path()));
        return;
      }
      ((ArrayNode) n.get(field)).addObject().put("id", r.key());
    }

    /**
     * NIC associations ({@code azurerm_network_interface_backend_address_pool_association}, {@code
     * _nat_rule_association}, {@code _application_security_group_association}): the referenced id
     * is added to the named ip configuration (every one for ASGs).
     */
    void azNicLink(Res r, String attr, String field) {
      String nicId = idRef(r, "network_interface_id");
      ObjectNode nic = nicId == null ? null : azNicByKey.get(nicId);
      String id = idRef(r, attr);
      if (nic == null || id == null) {
        inv.warnings.add(
            "unknown-reference",
            "network interface or target of "
                + r.address()
                + " is not in the plan or state: the association is not applied",
            SourceRef.ofPath(file, r.path()));
        return;
      }
      String ipc = r.values().path("ip_configuration_name").asText("");
      for (JsonNode o : nic.path("ipConfigurations")) {
        if (ipc.isEmpty() || ipc.equals(o.path("name").asText())) {
          ObjectNode on = (ObjectNode) o;
          ArrayNode a = on.has(field) ? (ArrayNode) on.get(field) : on.putArray(field);
          a.addObject().put("id", id);
        }
      }
    }

    void azSubnet(Res r) {
      ObjectNode n = F.objectNode();
      n.put("id", r.key());
      n.put("name", r.values().path("name").asText());
      inv.azSubnets.add(doc(r, n));
    }

    void azVnet(Res r) {
      ObjectNode n = F.objectNode();
      n.put("id", r.key());
      n.put("name", r.values().path("name").asText());
      ArrayNode sp = n.putObject("addressSpace").putArray("addressPrefixes");
      for (JsonNode a : r.values().path("address_space")) {
        sp.add(a.asText());
      }
      ArrayNode subnets = n.putArray("subnets");
      for (JsonNode s : r.values().path("subnet")) {
        ObjectNode o = subnets.addObject();
        String id =
            s.hasNonNull("id")
                ? s.get("id").asText()
                : r.key() + "/subnets/" + s.path("name").asText();
        o.put("id", id);
        if (s.hasNonNull("security_group") && !s.get("security_group").asText().isEmpty()) {
          o.putObject("networkSecurityGroup").put("id", s.get("security_group").asText());
        }
      }
      inv.azVnets.add(doc(r, n));
    }

    // ---- AWS ----
    void awsSg(Res r) {
      ObjectNode n = F.objectNode();
      n.put("GroupId", r.key());
      n.put("GroupName", r.values().path("name").asText(r.address()));
      ArrayNode in = n.putArray("IpPermissions");
      ArrayNode out = n.putArray("IpPermissionsEgress");
      for (String[] f :
          new String[][] {{"ingress", "IpPermissions"}, {"egress", "IpPermissionsEgress"}}) {
        ArrayNode target = f[0].equals("ingress") ? in : out;
        if (r.unknown(f[0])) {
          ObjectNode p = target.addObject();
          p.put("IpProtocol", "-1").put("__unknown", true);
          inv.warnings.add(
              "unknown-value",
              f[0]
                  + " rules of "
                  + r.address()
                  + " are known only after apply: counted as allowing everything (unknown)",
              SourceRef.ofPath(file, r.path()));
          continue;
        }
        int j = 0;
        for (JsonNode p : r.values().path(f[0])) {
          JsonNode u = r.unknown() == null ? null : r.unknown().path(f[0]).path(j++);
          target.add(
              awsPerm(
                  p,
                  u,
                  r.key(),
                  "cidr_blocks",
                  "ipv6_cidr_blocks",
                  "prefix_list_ids",
                  "security_groups"));
        }
      }
      awsSgByKey.put(r.key(), n);
      inv.awsSgs.add(doc(r, n));
    }

    ObjectNode awsPerm(
        JsonNode p, JsonNode u, String self, String v4, String v6, String pl, String groups) {
      ObjectNode o = F.objectNode();
      o.put("IpProtocol", p.path("protocol").asText(p.path("ip_protocol").asText("-1")));
      if (p.hasNonNull("from_port")) {
        o.put("FromPort", p.get("from_port").asInt());
      }
      if (p.hasNonNull("to_port")) {
        o.put("ToPort", p.get("to_port").asInt());
      }
      ArrayNode r4 = o.putArray("IpRanges");
      for (JsonNode c : arrOrOne(p, v4)) {
        r4.addObject().put("CidrIp", c.asText());
      }
      ArrayNode r6 = o.putArray("Ipv6Ranges");
      for (JsonNode c : arrOrOne(p, v6)) {
        r6.addObject().put("CidrIpv6", c.asText());
      }
      ArrayNode pls = o.putArray("PrefixListIds");
      for (JsonNode c : arrOrOne(p, pl)) {
        pls.addObject().put("PrefixListId", c.asText());
      }
      ArrayNode g = o.putArray("UserIdGroupPairs");
      for (JsonNode c : arrOrOne(p, groups)) {
        g.addObject().put("GroupId", c.asText());
      }
      if (p.path("self").asBoolean(false)) {
        g.addObject().put("GroupId", self);
      }
      boolean unk = false;
      if (u != null) {
        for (String f :
            new String[] {v4, v6, pl, "from_port", "to_port", "protocol", "ip_protocol"}) {
          if (u.path(f).asBoolean(false)) {
            unk = true;
          }
        }
      }
      if (unk) {
        o.put("__unknown", true);
      }
      return o;
    }

    private static List<JsonNode> arrOrOne(JsonNode p, String f) {
      List<JsonNode> out = new ArrayList<>();
      JsonNode v = p.get(f);
      if (v == null || v.isNull()) {
        return out;
      }
      if (v.isArray()) {
        v.forEach(out::add);
      } else if (!v.asText().isEmpty()) {
        out.add(v);
      }
      return out;
    }

    ObjectNode sgFor(Res r) {
      String sg = idRef(r, "security_group_id");
      ObjectNode n = awsSgByKey.get(sg);
      if (n == null) {
        n = F.objectNode();
        n.put("GroupId", sg == null ? r.address() : sg);
        n.put("GroupName", sg == null ? r.address() : sg);
        n.putArray("IpPermissions");
        n.putArray("IpPermissionsEgress");
        awsSgByKey.put(n.get("GroupId").asText(), n);
        inv.awsSgs.add(doc(r, n));
        inv.warnings.add(
            "unknown-reference",
            "security group "
                + sg
                + " of rule "
                + r.address()
                + " is not in the plan or state: only its standalone rules are known",
            SourceRef.ofPath(file, r.path()));
      }
      return n;
    }

    void awsRule(Res r) {
      ObjectNode sg = sgFor(r);
      boolean egress = r.values().path("type").asText("ingress").equals("egress");
      ObjectNode p =
          awsPerm(
              r.values(),
              r.unknown(),
              sg.get("GroupId").asText(),
              "cidr_blocks",
              "ipv6_cidr_blocks",
              "prefix_list_ids",
              "source_security_group_id");
      ((ArrayNode) sg.get(egress ? "IpPermissionsEgress" : "IpPermissions")).add(p);
    }

    void awsVpcRule(Res r) {
      ObjectNode sg = sgFor(r);
      boolean egress = r.type().endsWith("egress_rule");
      ObjectNode p =
          awsPerm(
              r.values(),
              r.unknown(),
              sg.get("GroupId").asText(),
              "cidr_ipv4",
              "cidr_ipv6",
              "prefix_list_id",
              "referenced_security_group_id");
      if (p.get("IpProtocol").asText().equals("-1")) {
        p.remove("FromPort");
        p.remove("ToPort");
      }
      ((ArrayNode) sg.get(egress ? "IpPermissionsEgress" : "IpPermissions")).add(p);
    }

    void awsEni(Res r) {
      ObjectNode n = F.objectNode();
      n.put("NetworkInterfaceId", r.key());
      JsonNode v = r.values();
      String ip = v.hasNonNull("private_ip") ? v.get("private_ip").asText() : null;
      if ((ip == null || ip.isEmpty())
          && v.path("private_ips").isArray()
          && v.path("private_ips").size() > 0) {
        ip = v.path("private_ips").get(0).asText();
      }
      if (ip != null && !ip.isEmpty()) {
        n.put("PrivateIpAddress", ip);
      }
      if (v.hasNonNull("subnet_id")) {
        n.put("SubnetId", v.get("subnet_id").asText());
      }
      ArrayNode g = n.putArray("__GroupIds");
      for (String s :
          idRefs(
              r, r.type().equals("aws_instance") ? "vpc_security_group_ids" : "security_groups")) {
        g.add(s);
      }
      String pub = v.hasNonNull("public_ip") ? v.get("public_ip").asText() : "";
      if (!pub.isEmpty()) {
        n.putObject("Association").put("PublicIp", pub);
      } else if (v.path("associate_public_ip_address").asBoolean(false)
          || r.unknown("public_ip") && !v.path("associate_public_ip_address").isBoolean()) {
        n.put("__PublicUnknown", true);
      }
      if (v.has("tags") && v.get("tags").isObject()) {
        n.set("Tags", v.get("tags"));
      }
      awsEniByKey.put(r.key(), n);
      awsEniByKey.put(r.address(), n);
      if (r.type().equals("aws_network_interface")) {
        ownEniByKey.put(r.key(), n);
        ownEniByKey.put(r.address(), n);
      }
      if (v.hasNonNull("primary_network_interface_id")) {
        awsEniByKey.put(v.get("primary_network_interface_id").asText(), n);
      }
      inv.awsEnis.add(doc(r, n));
    }

    /** The ENI (or instance) an attribute points to, by id or configuration reference. */
    ObjectNode eniFor(Res r, String attr) {
      Res t = target(r, attr);
      if (t != null && awsEniByKey.containsKey(t.key())) {
        return awsEniByKey.get(t.key());
      }
      JsonNode v = r.values().get(attr);
      return v != null && v.isTextual() ? awsEniByKey.get(v.asText()) : null;
    }

    /**
     * {@code aws_ec2_managed_prefix_list} ({@code entry} blocks) and {@code
     * aws_ec2_managed_prefix_list_entry}: the addresses a prefix list stands for. A CIDR known only
     * after apply makes the list every address (unknown is exposed).
     */
    void awsPrefixEntry(Res r, String listId, String cidr) {
      if (listId == null) {
        return;
      }
      io.leakguard.net.AddressSet a = io.leakguard.net.AddressSet.tryParse(cidr);
      if (a == null) {
        if (!cidr.isEmpty()) {
          throw new io.leakguard.core.UserInputException(
              SourceRef.ofPath(file, r.path()), "expected a CIDR, got '" + cidr + "'");
        }
        a = io.leakguard.net.AddressSet.ALL;
        inv.warnings.add(
            "unknown-value",
            "an entry of prefix list "
                + listId
                + " is known only after apply: counted as every address (unknown)",
            SourceRef.ofPath(file, r.path()));
      }
      inv.awsPrefixLists.merge(listId, a, io.leakguard.net.AddressSet::union);
    }

    /** {@code aws_network_interface_sg_attachment}: one more security group on an ENI. */
    void awsSgAttachment(Res r) {
      ObjectNode eni = eniFor(r, "network_interface_id");
      String sg = idRef(r, "security_group_id");
      if (eni == null || sg == null) {
        inv.warnings.add(
            "unknown-reference",
            "network interface or security group of "
                + r.address()
                + " is not in the plan or state: the attachment is not applied",
            SourceRef.ofPath(file, r.path()));
        return;
      }
      ((ArrayNode) eni.get("__GroupIds")).add(sg);
    }

    /**
     * {@code aws_eip} ({@code instance} / {@code network_interface}) and {@code
     * aws_eip_association} ({@code instance_id} / {@code network_interface_id}): an Elastic IP is a
     * public path of the ENI or instance; an address known only after apply counts as public.
     */
    void awsEip(Res r, Res eip, String instAttr, String eniAttr) {
      ObjectNode eni = eniFor(r, eniAttr);
      if (eni == null) {
        eni = eniFor(r, instAttr);
      }
      boolean named =
          r.values().hasNonNull(instAttr)
              || r.values().hasNonNull(eniAttr)
              || r.unknown(instAttr)
              || r.unknown(eniAttr)
              || target(r, instAttr) != null
              || target(r, eniAttr) != null;
      if (eni == null) {
        if (named) {
          inv.warnings.add(
              "unknown-reference",
              "the instance or network interface of "
                  + r.address()
                  + " is not in the plan or state: its Elastic IP is not applied",
              SourceRef.ofPath(file, r.path()));
        }
        return;
      }
      String ip = r.values().path("public_ip").asText("");
      if (ip.isEmpty() && eip != null) {
        ip = eip.values().path("public_ip").asText("");
      }
      if (!ip.isEmpty()) {
        eni.putObject("Association").put("PublicIp", ip);
      } else if (!eni.has("Association")) {
        eni.put("__PublicUnknown", true);
      }
    }

    // ---- AWS network ACLs ----
    /**
     * {@code aws_network_acl} / {@code aws_default_network_acl} in the describe-network-acls shape.
     */
    void awsNacl(Res r) {
      JsonNode v = r.values();
      ObjectNode n = F.objectNode();
      n.put("NetworkAclId", r.key());
      if (v.hasNonNull("vpc_id")) {
        n.put("VpcId", v.get("vpc_id").asText());
      }
      n.put("IsDefault", r.type().equals("aws_default_network_acl"));
      if (v.has("tags") && v.get("tags").isObject()) {
        n.set("Tags", v.get("tags"));
      }
      ArrayNode entries = n.putArray("Entries");
      for (String dir : new String[] {"ingress", "egress"}) {
        int j = 0;
        for (JsonNode e : v.path(dir)) {
          entries.add(
              naclEntry(
                  e,
                  dir.equals("egress"),
                  "rule_no",
                  "action",
                  r.path() + "." + dir + "[" + j++ + "]"));
        }
      }
      ArrayNode assoc = n.putArray("Associations");
      for (String s : idRefs(r, "subnet_ids")) {
        assoc.addObject().put("SubnetId", s);
      }
      awsNaclByKey.put(r.key(), n);
      inv.awsNacls.add(doc(r, n));
    }

    ObjectNode naclEntry(JsonNode e, boolean egress, String num, String action, String path) {
      ObjectNode o = F.objectNode();
      o.put("RuleNumber", e.path(num).asLong(-1));
      o.put("Egress", egress);
      o.put("Protocol", e.path("protocol").asText("-1"));
      o.put("RuleAction", e.path(action).asText(""));
      String v6 = e.path("ipv6_cidr_block").asText("");
      if (!v6.isEmpty()) {
        o.put("Ipv6CidrBlock", v6);
      } else {
        o.put("CidrBlock", e.path("cidr_block").asText("0.0.0.0/0"));
      }
      if (e.hasNonNull("from_port") && e.hasNonNull("to_port")) {
        int from = e.get("from_port").asInt();
        int to = e.get("to_port").asInt();
        // all ports is written 0-0 for protocol -1; only tcp/udp carry a PortRange
        if (!(from == 0 && to == 0)) {
          o.putObject("PortRange").put("From", from).put("To", to);
        }
      }
      o.put("__path", path);
      return o;
    }

    /** {@code aws_network_acl_rule}: one entry of its network ACL. */
    void awsNaclRule(Res r) {
      String id = idRef(r, "network_acl_id");
      ObjectNode n = id == null ? null : awsNaclByKey.get(id);
      if (n == null) {
        n = F.objectNode();
        n.put("NetworkAclId", id == null ? r.address() : id);
        n.putArray("Entries");
        n.putArray("Associations");
        awsNaclByKey.put(n.get("NetworkAclId").asText(), n);
        inv.awsNacls.add(doc(r, n));
        inv.warnings.add(
            "unknown-reference",
            "network ACL "
                + id
                + " of rule "
                + r.address()
                + " is not in the plan or state: only its standalone rules are known",
            SourceRef.ofPath(file, r.path()));
      }
      ((ArrayNode) n.get("Entries"))
          .add(
              naclEntry(
                  r.values(),
                  r.values().path("egress").asBoolean(false),
                  "rule_number",
                  "rule_action",
                  r.path()));
    }

    /** {@code aws_network_acl_association}: a subnet's network ACL. */
    void awsNaclAssociation(Res r) {
      String id = idRef(r, "network_acl_id");
      String subnet = idRef(r, "subnet_id");
      ObjectNode n = id == null ? null : awsNaclByKey.get(id);
      if (n != null && subnet != null) {
        ((ArrayNode) n.get("Associations")).addObject().put("SubnetId", subnet);
      }
    }

    // ---- GCP ----
    String gcpNetwork(Res r, String attr, JsonNode value) {
      if (value != null && value.isTextual() && !value.asText().isEmpty()) {
        return value.asText();
      }
      Res t = target(r, attr);
      if (t != null) {
        return t.values().path("name").asText(t.address());
      }
      return "(known after apply) " + r.address();
    }

    void gcpFirewall(Res r) {
      JsonNode v = r.values();
      ObjectNode n = F.objectNode();
      n.put("kind", "compute#firewall");
      n.put("name", v.path("name").asText(r.address()));
      n.put("network", gcpNetwork(r, "network", v.get("network")));
      if (v.hasNonNull("priority")) {
        n.put("priority", v.get("priority").asLong());
      }
      n.put("direction", v.path("direction").asText("INGRESS"));
      n.put("disabled", v.path("disabled").asBoolean(false));
      for (String[] f :
          new String[][] {
            {"source_ranges", "sourceRanges"},
            {"destination_ranges", "destinationRanges"},
            {"source_tags", "sourceTags"},
            {"source_service_accounts", "sourceServiceAccounts"},
            {"target_tags", "targetTags"},
            {"target_service_accounts", "targetServiceAccounts"}
          }) {
        if (v.path(f[0]).isArray() && v.path(f[0]).size() > 0) {
          n.set(f[1], v.get(f[0]));
        }
      }
      for (String[] f : new String[][] {{"allow", "allowed"}, {"deny", "denied"}}) {
        ArrayNode a = n.putArray(f[1]);
        for (JsonNode x : v.path(f[0])) {
          ObjectNode o = a.addObject();
          o.put("IPProtocol", x.path("protocol").asText("all"));
          o.set("ports", x.path("ports").isArray() ? x.get("ports") : F.arrayNode());
        }
      }
      ArrayNode unk = n.putArray("__unknown");
      if (r.unknown("source_ranges")) {
        unk.add("sourceRanges");
      }
      inv.gcpFirewalls.add(doc(r, n));
    }

    void gcpInstance(Res r) {
      JsonNode v = r.values();
      ObjectNode n = F.objectNode();
      n.put("kind", "compute#instance");
      n.put("name", v.path("name").asText(r.address()));
      n.put("selfLink", v.hasNonNull("self_link") ? v.get("self_link").asText() : r.address());
      putText(n, "zone", v, "zone"); // regional firewall policies apply by region
      ObjectNode tags = n.putObject("tags");
      tags.set("items", v.path("tags").isArray() ? v.get("tags") : F.arrayNode());
      ArrayNode sas = n.putArray("serviceAccounts");
      for (JsonNode sa : v.path("service_account")) {
        sas.addObject().put("email", sa.path("email").asText());
      }
      if (v.path("labels").isObject()) {
        n.set("labels", v.get("labels"));
      }
      ArrayNode nis = n.putArray("networkInterfaces");
      int j = 0;
      for (JsonNode ni : v.path("network_interface")) {
        ObjectNode o = nis.addObject();
        o.put("name", "nic" + j++);
        o.put("network", gcpNetwork(r, "network_interface.network", ni.get("network")));
        putText(o, "networkIP", ni, "network_ip");
        ArrayNode acs = o.putArray("accessConfigs");
        for (JsonNode ac : ni.path("access_config")) {
          ObjectNode a = acs.addObject();
          putText(a, "natIP", ac, "nat_ip");
        }
        putText(o, "ipv6Address", ni, "ipv6_address");
        ArrayNode v6 = o.putArray("ipv6AccessConfigs");
        for (JsonNode ac : ni.path("ipv6_access_config")) {
          ObjectNode a = v6.addObject();
          putText(a, "externalIpv6", ac, "external_ipv6");
        }
      }
      inv.gcpInstances.add(doc(r, n));
    }
  }

  static Set<String> supportedTypes() {
    return Set.of(
        "azurerm_network_security_group",
        "azurerm_network_security_rule",
        "aws_security_group",
        "google_compute_firewall");
  }

  /** Copies the text of {@code from.key} to {@code to.name} when it is present and not empty. */
  private static void putText(ObjectNode to, String name, JsonNode from, String key) {
    JsonNode v = from.get(key);
    if (v != null && !v.isNull() && !v.asText().isEmpty()) {
      to.put(name, v.asText());
    }
  }
}
