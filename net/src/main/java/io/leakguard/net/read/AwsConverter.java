package io.leakguard.net.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakguard.core.SourceRef;
import io.leakguard.core.UserInputException;
import io.leakguard.net.AddressSet;
import io.leakguard.net.Direction;
import io.leakguard.net.Layer;
import io.leakguard.net.PortSet;
import io.leakguard.net.Protocol;
import io.leakguard.net.Provider;
import io.leakguard.net.RuleLine;
import io.leakguard.net.RuleSet;
import io.leakguard.net.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * AWS: security groups (union of allows over every group on an ENI; protocol {@code -1}; IPv4 and
 * IPv6 ranges; references to other groups, never internet; prefix lists resolved from {@code
 * pl-….json}; groups also from {@code describe-security-group-rules}), network ACLs (rule-number
 * order, stateless), ENIs and instances.
 */
final class AwsConverter {
  private AwsConverter() {}

  /**
   * The security groups of an ENI that PowerShell's ConvertTo-Json cut off (see {@link J#cutOff}).
   */
  private static final String CUT_GROUPS = "(cut off by ConvertTo-Json)";

  static void convert(Inventory inv, List<Target> targets, List<RuleSet> sets) {
    if (inv.awsSgs.isEmpty()
        && inv.awsSgRules.isEmpty()
        && inv.awsEnis.isEmpty()
        && inv.awsInstances.isEmpty()
        && inv.awsNacls.isEmpty()) {
      return;
    }
    Map<String, RuleSet> sgs = new LinkedHashMap<>();
    for (Doc d : groupsFromRules(inv)) {
      RuleSet rs = sg(d, inv);
      if (sgs.putIfAbsent(rs.id(), rs) == null) {
        sets.add(rs);
      }
    }
    Map<String, RuleSet> nacls = new LinkedHashMap<>();
    Map<String, String> naclBySubnet = new HashMap<>();
    Map<String, String> defaultNaclByVpc = new HashMap<>();
    Map<String, Layer> naclLayers = new HashMap<>();
    for (Doc d : inv.awsNacls) {
      if (J.cutOff(d.node().path("Entries")) || J.cutOff(d.node().path("Entries").path(0))) {
        inv.warnings.add(
            "unknown-reference",
            "the entries of network ACL "
                + d.node().path("NetworkAclId").asText()
                + " were "
                + J.CUT_OFF
                + ": the ACL is not applied (its subnets count as allowing everything)",
            d.ref(".Entries"));
        continue;
      }
      RuleSet rs = nacl(d);
      nacls.put(rs.id(), rs);
      sets.add(rs);
      for (JsonNode a : d.node().path("Associations")) {
        if (a.hasNonNull("SubnetId")) {
          naclBySubnet.put(a.get("SubnetId").asText(), rs.id());
        }
      }
      if (d.node().path("IsDefault").asBoolean(false) && d.node().hasNonNull("VpcId")) {
        defaultNaclByVpc.put(d.node().get("VpcId").asText(), rs.id());
      }
    }
    // ENIs: from describe-network-interfaces, then instances' interfaces not listed there.
    List<Doc> enis = new ArrayList<>(inv.awsEnis);
    Set<String> seen = new HashSet<>();
    for (Doc e : enis) {
      seen.add(e.node().path("NetworkInterfaceId").asText());
    }
    Map<String, Doc> instanceOf = new HashMap<>();
    for (Doc i : inv.awsInstances) {
      if (J.cutOff(i.node())) {
        inv.warnings.add(
            "unknown-reference", "an instance was " + J.CUT_OFF + ": not audited", i.ref());
        continue;
      }
      int k = 0;
      boolean cutNics = false;
      for (JsonNode ni : i.node().path("NetworkInterfaces")) {
        if (J.cutOff(ni)) {
          cutNics = true; // read from the instance's own fields below
          k++;
          continue;
        }
        String id = ni.path("NetworkInterfaceId").asText();
        instanceOf.put(id, i);
        if (seen.add(id)) {
          enis.add(new Doc(ni, i.file(), i.path() + ".NetworkInterfaces[" + k + "]", i.address()));
        }
        k++;
      }
      if (!i.node().has("NetworkInterfaces")
          || i.node().path("NetworkInterfaces").isEmpty()
          || (cutNics && !instanceOf.containsValue(i))) {
        enis.add(i);
      }
    }
    Map<String, Layer> sgLayers = new HashMap<>();
    sgLayers.put(CUT_GROUPS, Layer.missing("security-groups", CUT_GROUPS)); // warned per ENI
    Set<String> usedSgs = new HashSet<>();
    for (Doc d : enis) {
      JsonNode e = d.node();
      String eniId =
          e.hasNonNull("NetworkInterfaceId")
              ? e.get("NetworkInterfaceId").asText()
              : e.path("InstanceId").asText("(unknown)");
      Doc inst = instanceOf.get(eniId);
      List<String> groups = new ArrayList<>();
      JsonNode groupList = e.has("Groups") ? e.path("Groups") : e.path("SecurityGroups");
      boolean cutGroups = J.cutOff(groupList); // the list itself cut off: its type names
      for (JsonNode g : groupList) {
        if (J.cutOff(g)) {
          cutGroups = true; // PowerShell printed the type name: which group is lost
        } else {
          groups.add(g.path("GroupId").asText());
        }
      }
      if (cutGroups) {
        inv.warnings.add(
            "unknown-reference",
            "the security groups of "
                + eniId
                + " were "
                + J.CUT_OFF
                + ": the security-groups layer counts as allowing everything (unknown)",
            d.ref());
        groups.clear();
        groups.add(CUT_GROUPS);
      }
      for (JsonNode g : e.path("__GroupIds")) {
        groups.add(g.asText());
      }
      boolean noGroups = groups.isEmpty();
      if (noGroups) {
        // every customer ENI has a security group; none means an AWS-managed interface (NAT
        // gateway, load balancer: not reachable through security groups) or a terminated
        // instance (no network): not a target. Otherwise the export lacks them: unknown.
        String type = str(e.path("InterfaceType"), "interface");
        String state = str(e.path("State").path("Name"), str(e.path("Status"), ""));
        if (state.equals("terminated") || state.equals("shutting-down")) {
          continue;
        }
        if (e.path("RequesterManaged").asBoolean(false)
            || !(type.isEmpty() || type.equals("interface"))) {
          inv.warnings.add(
              "not-audited",
              "network interface "
                  + eniId
                  + " (InterfaceType "
                  + type
                  + ") has no security groups: an AWS-managed interface, not audited",
              d.ref());
          continue;
        }
        if (!e.has("__GroupIds")) {
          inv.warnings.add(
              "unknown-reference",
              eniId
                  + " lists no security groups: the security-groups layer counts as allowing everything (unknown)",
              d.ref());
        }
      }
      List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(groups));
      List<Layer> layers = new ArrayList<>();
      String subnet = e.path("SubnetId").asText(null);
      String naclId = subnet == null ? null : naclBySubnet.get(subnet);
      if (naclId == null && e.hasNonNull("VpcId")) {
        naclId = defaultNaclByVpc.get(e.get("VpcId").asText());
      }
      if (naclId != null) {
        String nid = naclId;
        layers.add(
            naclLayers.computeIfAbsent(
                nid,
                k ->
                    new Layer(
                        "nacl",
                        Layer.Evaluation.FIRST_MATCH,
                        List.of(nacls.get(nid)),
                        true,
                        false,
                        null)));
      }
      layers.add(
          sgLayers.computeIfAbsent(
              String.join(",", sorted),
              k -> {
                List<RuleSet> rs = new ArrayList<>();
                List<String> missing = new ArrayList<>();
                for (String g : sorted) {
                  if (sgs.containsKey(g)) {
                    rs.add(sgs.get(g));
                  } else {
                    missing.add(g);
                  }
                }
                if (sorted.isEmpty()) {
                  return Layer.missing("security-groups", "(no security groups listed)");
                }
                if (!missing.isEmpty()) {
                  inv.warnings.add(
                      "unknown-reference",
                      "security group(s) "
                          + missing
                          + " referenced by "
                          + eniId
                          + " are not in the input: the security-groups layer counts as allowing everything (unknown)",
                      d.ref());
                  return Layer.missing("security-groups", String.join(",", missing));
                }
                return new Layer(
                    "security-groups", Layer.Evaluation.ANY_ALLOW, rs, false, false, null);
              }));
      usedSgs.addAll(sorted);
      Map<String, String> tags = tags(e.has("TagSet") ? e.path("TagSet") : e.path("Tags"));
      if (inst != null) {
        tags.putAll(tags(inst.node().path("Tags")));
      }
      String name =
          tags.getOrDefault(
              "Name", inst != null ? inst.node().path("InstanceId").asText() + "/" + eniId : eniId);
      String enipub = e.path("Association").path("PublicIp").asText(null);
      if (enipub == null && inst != null && e == inst.node()) {
        enipub = e.path("PublicIpAddress").asText(null);
      }
      if (enipub == null && e.hasNonNull("PublicIpAddress")) {
        enipub = e.get("PublicIpAddress").asText();
      }
      // the instance's public IP belongs to its primary interface (DeviceIndex 0, or the one
      // holding the instance's private IP) even when that interface omits its Association
      if (enipub == null
          && inst != null
          && e != inst.node()
          && inst.node().hasNonNull("PublicIpAddress")
          && (e.path("Attachment").path("DeviceIndex").asInt(-1) == 0
              || e.path("PrivateIpAddress")
                  .asText("")
                  .equals(inst.node().path("PrivateIpAddress").asText(null)))) {
        enipub = inst.node().get("PublicIpAddress").asText();
      }
      List<String[]> ips = new ArrayList<>();
      for (JsonNode p : e.path("PrivateIpAddresses")) {
        if (J.cutOff(p)) {
          continue; // cut off by ConvertTo-Json: PrivateIpAddress below
        }
        String pub = p.path("Association").path("PublicIp").asText(null);
        ips.add(new String[] {p.path("PrivateIpAddress").asText(null), pub});
      }
      if (ips.isEmpty()) {
        ips.add(new String[] {e.path("PrivateIpAddress").asText(null), null});
      }
      boolean first = true;
      for (String[] ip : ips) {
        String pub = ip[1] != null ? ip[1] : first ? enipub : null;
        if (ip[0] != null && AddressSet.tryParse(ip[0]) == null) {
          throw new UserInputException(d.ref(".PrivateIpAddress"), "expected an IP address");
        }
        if (e.path("__PublicUnknown").asBoolean(false) && pub == null) {
          pub = "(known after apply)";
        }
        targets.add(
            new Target(
                ips.size() > 1 ? eniId + "/" + ip[0] : eniId,
                ips.size() > 1 ? name + "/" + ip[0] : name,
                Provider.AWS,
                ip[0],
                tags,
                Set.of(),
                pub != null,
                pub == null ? null : "public IP " + pub,
                layers,
                d.ref(),
                d.address()));
        first = false;
      }
      for (JsonNode v6 : e.path("Ipv6Addresses")) {
        String a = v6.path("Ipv6Address").asText(null);
        if (a != null) {
          targets.add(
              new Target(
                  eniId + "/" + a,
                  name + "/" + a,
                  Provider.AWS,
                  a,
                  tags,
                  Set.of(),
                  true,
                  "global IPv6 address (routes not checked)",
                  layers,
                  d.ref(),
                  d.address()));
        }
      }
    }
    for (RuleSet rs : sgs.values()) {
      if (!usedSgs.contains(rs.id())) {
        Layer l =
            new Layer(
                "security-groups", Layer.Evaluation.ANY_ALLOW, List.of(rs), false, false, null);
        targets.add(
            new Target(
                rs.id(),
                rs.name(),
                Provider.AWS,
                null,
                Map.of(),
                Set.of("*"),
                false,
                null,
                List.of(l),
                rs.source(),
                rs.address()));
      }
    }
  }

  /**
   * The security groups of {@code describe-security-groups}, then one group per GroupId of {@code
   * describe-security-group-rules} not already among them (a group listed both ways is read from
   * {@code describe-security-groups}; the two carry the same rules). Each rule becomes one
   * permission in the {@code IpPermissions} shape ({@code CidrIpv4}, {@code CidrIpv6}, {@code
   * PrefixListId}, {@code ReferencedGroupInfo.GroupId}), keeping the rule's own JSON path.
   */
  private static List<Doc> groupsFromRules(Inventory inv) {
    if (inv.awsSgRules.isEmpty()) {
      return inv.awsSgs;
    }
    List<Doc> out = new ArrayList<>(inv.awsSgs);
    Set<String> listed = new HashSet<>();
    for (Doc d : inv.awsSgs) {
      listed.add(d.node().path("GroupId").asText());
    }
    Map<String, ObjectNode> made = new LinkedHashMap<>();
    for (Doc r : inv.awsSgRules) {
      JsonNode n = r.node();
      String gid = n.path("GroupId").asText(null);
      if (gid == null || gid.isEmpty()) {
        throw new UserInputException(r.ref(".GroupId"), "expected the security group id");
      }
      if (listed.contains(gid)) {
        continue;
      }
      ObjectNode g =
          made.computeIfAbsent(
              gid,
              k -> {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("GroupId", k).put("GroupName", k);
                o.putArray("IpPermissions");
                o.putArray("IpPermissionsEgress");
                out.add(new Doc(o, r.file(), r.path(), r.address()));
                return o;
              });
      ObjectNode p = JsonNodeFactory.instance.objectNode();
      p.put("IpProtocol", n.path("IpProtocol").asText("-1"));
      for (String f : new String[] {"FromPort", "ToPort"}) {
        if (n.hasNonNull(f)) {
          p.set(f, n.get(f));
        }
      }
      if (n.hasNonNull("CidrIpv4")) {
        p.putArray("IpRanges").addObject().set("CidrIp", n.get("CidrIpv4"));
      }
      if (n.hasNonNull("CidrIpv6")) {
        p.putArray("Ipv6Ranges").addObject().set("CidrIpv6", n.get("CidrIpv6"));
      }
      if (n.hasNonNull("PrefixListId")) {
        p.putArray("PrefixListIds").addObject().set("PrefixListId", n.get("PrefixListId"));
      }
      if (n.path("ReferencedGroupInfo").hasNonNull("GroupId")) {
        p.putArray("UserIdGroupPairs")
            .addObject()
            .set("GroupId", n.path("ReferencedGroupInfo").get("GroupId"));
      }
      p.put("__path", r.path());
      p.put("__file", r.file());
      p.put("__label", n.path("SecurityGroupRuleId").asText(r.path()));
      boolean egress = n.path("IsEgress").asBoolean(false);
      ((ArrayNode) g.get(egress ? "IpPermissionsEgress" : "IpPermissions")).add(p);
    }
    return out;
  }

  static Map<String, String> tags(JsonNode arr) {
    Map<String, String> m = new TreeMap<>();
    if (arr.isArray()) {
      for (JsonNode t : arr) {
        m.put(t.path("Key").asText(), t.path("Value").asText(""));
      }
    } else if (arr.isObject()) {
      arr.fields().forEachRemaining(x -> m.put(x.getKey(), x.getValue().asText("")));
    }
    return m;
  }

  private static RuleSet sg(Doc d, Inventory inv) {
    JsonNode g = d.node();
    String id = g.path("GroupId").asText(null);
    if (id == null) {
      throw new UserInputException(d.ref(), "security group without GroupId");
    }
    String name = g.path("GroupName").asText(id);
    List<RuleLine> lines = new ArrayList<>();
    perms(g.path("IpPermissions"), Direction.INBOUND, "IpPermissions", id, name, d, inv, lines);
    perms(
        g.path("IpPermissionsEgress"),
        Direction.OUTBOUND,
        "IpPermissionsEgress",
        id,
        name,
        d,
        inv,
        lines);
    return new RuleSet(id, name, Provider.AWS, "security-group", lines, d.ref(), d.address());
  }

  private static void perms(
      JsonNode perms,
      Direction dir,
      String field,
      String id,
      String name,
      Doc d,
      Inventory inv,
      List<RuleLine> out) {
    int i = 0;
    // a list cut off whole prints its items' type names: one cut-off permission stands for them
    for (JsonNode p : J.cutOff(perms) ? List.of(perms) : perms) {
      String base = "." + field + "[" + i + "]";
      if (J.cutOff(p)) {
        // PowerShell printed the permission's type name: unknown, allowing everything
        inv.warnings.add(
            "unknown-reference",
            "a permission of security group "
                + name
                + " was "
                + J.CUT_OFF
                + ": counted as allowing everything (unknown)",
            d.ref(base));
        out.add(
            line(
                id,
                name,
                (dir == Direction.INBOUND ? "ingress[" : "egress[") + i + "] (cut off)",
                dir,
                Protocol.ANY,
                AddressSet.ALL,
                PortSet.ALL,
                "(cut off by ConvertTo-Json)",
                true,
                d.ref(base)));
        i++;
        continue;
      }
      // a permission made from one describe-security-group-rules entry keeps that entry's path
      SourceRef own =
          p.hasNonNull("__path")
              ? SourceRef.ofPath(p.path("__file").asText(d.file()), p.get("__path").asText())
              : null;
      java.util.function.Function<String, SourceRef> ref =
          suffix -> own != null ? own : d.ref(base + suffix);
      String proto = p.path("IpProtocol").asText("-1");
      Set<Protocol> protos = Protocol.parseVendor(proto);
      PortSet ports = ports(p, protos, ref.apply(""));
      String label =
          (p.hasNonNull("__label")
                  ? p.get("__label").asText()
                  : (dir == Direction.INBOUND ? "ingress" : "egress") + "[" + i + "]")
              + " "
              + (proto.equals("-1") ? "all" : proto)
              + (protos.size() == 1 && protos.iterator().next().hasPorts()
                  ? "/" + String.join(",", ports.toStrings())
                  : "");
      boolean unknownPerm = p.path("__unknown").asBoolean(false);
      // IPv4 and IPv6 ranges: the same shape under two field names. AWS Tools for PowerShell
      // and AWS Config write IpRanges as plain strings and the same CIDRs again as Ipv4Ranges
      // objects: read once
      Set<String> v4 = new HashSet<>();
      for (String[] f :
          new String[][] {
            {"IpRanges", "CidrIp"}, {"Ipv4Ranges", "CidrIp"}, {"Ipv6Ranges", "CidrIpv6"}
          }) {
        int k = 0;
        JsonNode list = p.path(f[0]);
        if (list.isTextual()) {
          // a list PowerShell's ConvertTo-Json cut off: plain strings joined by spaces (IpRanges),
          // objects as their type names (Ipv4Ranges, Ipv6Ranges): unknown unless IpRanges has them
          if (f[0].equals("IpRanges")) {
            list = J.spacedList(list.asText());
          } else {
            if (J.cutOff(list) && !(f[0].equals("Ipv4Ranges") && hasAny(p.path("IpRanges")))) {
              cutList(f[0], id, name, label, dir, protos, ports, ref.apply("." + f[0]), inv, out);
            }
            continue;
          }
        }
        for (JsonNode r : list) {
          String c = r.isTextual() ? r.asText() : r.path(f[1]).asText();
          SourceRef at = ref.apply("." + f[0] + "[" + k++ + "]");
          if (f[0].equals("IpRanges")) {
            v4.add(c);
          } else if (f[0].equals("Ipv4Ranges") && v4.contains(c)) {
            continue;
          }
          out.add(
              line(id, name, label + " " + c, dir, protos, cidr(c, at), ports, c, unknownPerm, at));
        }
      }
      int k = 0;
      for (String f : new String[] {"PrefixListIds", "UserIdGroupPairs"}) {
        if (J.cutOff(p.path(f))) {
          cutList(f, id, name, label, dir, protos, ports, ref.apply("." + f), inv, out);
        }
      }
      for (JsonNode r : p.path("PrefixListIds")) {
        // the .NET SDK (AWS Tools for PowerShell) names the field Id: a C# member cannot share
        // its class's name
        String pl = r.path(r.has("PrefixListId") ? "PrefixListId" : "Id").asText();
        AddressSet a = inv.awsPrefixLists.get(pl);
        boolean unknown = a == null;
        if (unknown) {
          inv.warnings.add(
              "unknown-reference",
              "prefix list "
                  + pl
                  + " is not in the input (save 'aws ec2 get-managed-prefix-list-entries' as "
                  + pl
                  + ".json): counted as every address (unknown)",
              ref.apply(".PrefixListIds[" + k + "]"));
          a = AddressSet.ALL;
        }
        out.add(
            line(
                id,
                name,
                label + " " + pl,
                dir,
                protos,
                a,
                ports,
                pl,
                unknown || unknownPerm,
                ref.apply(".PrefixListIds[" + k++ + "]")));
      }
      k = 0;
      for (JsonNode r : p.path("UserIdGroupPairs")) {
        String gid = r.path("GroupId").asText();
        out.add(
            line(
                id,
                name,
                label + " " + gid,
                dir,
                protos,
                AddressSet.symbol("sg:" + gid),
                ports,
                gid,
                unknownPerm,
                ref.apply(".UserIdGroupPairs[" + k++ + "]")));
      }
      if (unknownPerm
          && k == 0
          && !p.path("IpRanges").elements().hasNext()
          && !p.path("Ipv4Ranges").elements().hasNext()
          && !p.path("Ipv6Ranges").elements().hasNext()
          && !p.path("PrefixListIds").elements().hasNext()) {
        out.add(
            line(
                id,
                name,
                label + " (known after apply)",
                dir,
                protos,
                AddressSet.ALL,
                ports,
                "(known after apply)",
                true,
                ref.apply("")));
      }
      i++;
    }
  }

  /**
   * One unknown line for a list of a permission that PowerShell's {@code ConvertTo-Json} cut off
   * (its elements' type name): every address for ranges and prefix lists; for group pairs a group
   * symbol (a group reference is never the internet), with a warning.
   */
  private static void cutList(
      String field,
      String id,
      String name,
      String label,
      Direction dir,
      Set<Protocol> protos,
      PortSet ports,
      SourceRef ref,
      Inventory inv,
      List<RuleLine> out) {
    boolean pairs = field.equals("UserIdGroupPairs");
    inv.warnings.add(
        "unknown-reference",
        field
            + " of security group "
            + name
            + " were "
            + J.CUT_OFF
            + (pairs
                ? ": counted as an unknown group reference"
                : ": counted as every address (unknown)"),
        ref);
    out.add(
        line(
            id,
            name,
            label + " " + field + " (cut off)",
            dir,
            protos,
            pairs ? AddressSet.symbol("sg:(cut off)") : AddressSet.ALL,
            ports,
            "(cut off by ConvertTo-Json)",
            true,
            ref));
  }

  /** True for a non-empty list, or a non-blank text (a list cut off by ConvertTo-Json). */
  private static boolean hasAny(JsonNode v) {
    return v.isArray() ? v.size() > 0 : !v.asText("").isBlank();
  }

  /**
   * A string field's text, or {@code def} when absent or null. AWS Tools for PowerShell print the
   * SDK's enumeration values as objects ({@code "RuleAction": {"Value": "allow"}}, {@code "State":
   * {"Name": {"Value": "running"}}}): their {@code Value} is the text.
   */
  static String str(JsonNode v, String def) {
    if (v.isObject() && v.size() == 1 && v.has("Value")) {
      v = v.get("Value");
    }
    return v.isValueNode() && !v.isNull() ? v.asText() : def;
  }

  private static AddressSet cidr(String c, SourceRef ref) {
    AddressSet a = AddressSet.tryParse(c);
    if (a == null) {
      throw new UserInputException(ref, "expected a CIDR, got '" + c + "'");
    }
    return a;
  }

  static PortSet ports(JsonNode p, Set<Protocol> protos, SourceRef ref) {
    if (protos.size() != 1 || !protos.iterator().next().hasPorts()) {
      return PortSet.ALL;
    }
    int from = p.path("FromPort").asInt(-1);
    int to = p.path("ToPort").asInt(-1);
    if (!p.hasNonNull("FromPort") || from < 0 || to < 0 || (from == 0 && to == 0 && false)) {
      return PortSet.ALL;
    }
    if (to < from || to > PortSet.MAX) {
      throw new UserInputException(ref, "FromPort/ToPort: bad range " + from + "-" + to);
    }
    return PortSet.range(from, to);
  }

  private static RuleLine line(
      String id,
      String name,
      String rule,
      Direction dir,
      Set<Protocol> protos,
      AddressSet remote,
      PortSet ports,
      String written,
      boolean unknown,
      SourceRef ref) {
    return new RuleLine(
        id,
        name,
        rule,
        -1,
        true,
        dir,
        protos,
        remote,
        ports,
        AddressSet.ALL,
        Set.of(),
        false,
        List.of(written),
        unknown,
        false,
        ref);
  }

  private static RuleSet nacl(Doc d) {
    JsonNode n = d.node();
    String id = n.path("NetworkAclId").asText();
    String name = tags(n.path("Tags")).getOrDefault("Name", id);
    List<RuleLine> lines = new ArrayList<>();
    int i = 0;
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode e : n.path("Entries")) {
      SourceRef ref =
          e.hasNonNull("__path")
              ? SourceRef.ofPath(d.file(), e.get("__path").asText())
              : d.ref(".Entries[" + i + "]");
      i++;
      Direction dir = e.path("Egress").asBoolean(false) ? Direction.OUTBOUND : Direction.INBOUND;
      long num = e.path("RuleNumber").asLong(-1);
      if (num < 0) {
        throw new UserInputException(ref, "RuleNumber: expected a number");
      }
      if (!seen.add(dir + "|" + num + "|" + e.hasNonNull("Ipv6CidrBlock"))) {
        throw new UserInputException(
            ref,
            "duplicate RuleNumber "
                + num
                + " in direction "
                + dir.word()
                + " of network ACL "
                + id);
      }
      String action = str(e.path("RuleAction"), "");
      if (!action.equalsIgnoreCase("allow") && !action.equalsIgnoreCase("deny")) {
        throw new UserInputException(
            ref, "RuleAction: expected allow or deny, got '" + action + "'");
      }
      Set<Protocol> protos = Protocol.parseVendor(e.path("Protocol").asText("-1"));
      String c =
          e.hasNonNull("CidrBlock")
              ? e.get("CidrBlock").asText()
              : e.path("Ipv6CidrBlock").asText("0.0.0.0/0");
      PortSet ports = PortSet.ALL;
      if (e.has("PortRange") && protos.size() == 1 && protos.iterator().next().hasPorts()) {
        int from = e.path("PortRange").path("From").asInt(0);
        int to = e.path("PortRange").path("To").asInt(PortSet.MAX);
        if (from < 0 || to < from || to > PortSet.MAX) {
          throw new UserInputException(
              ref, "PortRange: expected From <= To within 0-65535, got " + from + "-" + to);
        }
        ports = PortSet.range(from, to);
      }
      lines.add(
          new RuleLine(
              id,
              name,
              num >= 32767 ? "*" : Long.toString(num),
              num,
              action.equalsIgnoreCase("allow"),
              dir,
              protos,
              cidr(c, ref),
              ports,
              AddressSet.ALL,
              Set.of(),
              false,
              List.of(c),
              false,
              num >= 32767,
              ref));
    }
    lines.sort((a, b) -> Long.compare(a.priority(), b.priority()));
    return new RuleSet(id, name, Provider.AWS, "nacl", lines, d.ref(), d.address());
  }
}
