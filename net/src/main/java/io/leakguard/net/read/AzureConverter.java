package io.leakguard.net.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakguard.core.SourceRef;
import io.leakguard.core.UserInputException;
import io.leakguard.net.AddressSet;
import io.leakguard.net.Direction;
import io.leakguard.net.Internet;
import io.leakguard.net.Layer;
import io.leakguard.net.PortSet;
import io.leakguard.net.Protocol;
import io.leakguard.net.Provider;
import io.leakguard.net.RuleLine;
import io.leakguard.net.RuleSet;
import io.leakguard.net.Target;
import io.leakguard.net.internal.Parallel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Azure: NSGs (az CLI flat form or ARM {@code properties} nesting, singular and plural fields,
 * either casing), NICs, VNets/subnets, public IPs, load balancers and ASGs into the model.
 *
 * <p>Semantics: priorities 100-4096, first match; the defaults at 65000/65001/65500 (synthesized
 * when the export omits them); inbound crosses the subnet NSG then the NIC NSG, both must allow; a
 * layer without an NSG allows everything; {@code *}, {@code Any}, {@code Internet}, {@code
 * VirtualNetwork}, {@code AzureLoadBalancer} and CIDRs are judged by the addresses they cover.
 */
final class AzureConverter {
  private AzureConverter() {}

  private static final class Ctx {
    AddressSet vnetTag = Internet.PRIVATE;
    final Map<String, AddressSet> asgMembers = new HashMap<>();
    final Map<String, RuleSet> nsgs = new LinkedHashMap<>();
    final Map<String, Layer> layers = new HashMap<>();
    final Set<RuleSet> used = new HashSet<>();
  }

  static void convert(Inventory inv, List<Target> targets, List<RuleSet> sets) {
    if (inv.azNsgs.isEmpty() && inv.azRules.isEmpty() && inv.azNics.isEmpty()) {
      return;
    }
    Ctx ctx = new Ctx();
    // VNet address space: the VirtualNetwork tag covers it (plus the private ranges).
    AddressSet vnet = Internet.PRIVATE;
    Map<String, String> subnetNsg = new HashMap<>();
    Set<String> knownSubnets = new HashSet<>();
    for (Doc v : inv.azVnets) {
      JsonNode space = J.get(v.node(), "addressSpace");
      for (String p : J.texts(space, "addressPrefixes")) {
        AddressSet a = AddressSet.tryParse(p);
        if (a != null) {
          vnet = vnet.union(a);
        }
      }
      for (JsonNode s : J.arr(v.node(), "subnets")) {
        subnet(s, subnetNsg, knownSubnets);
      }
    }
    for (Doc s : inv.azSubnets) {
      subnet(s.node(), subnetNsg, knownSubnets);
    }
    for (String[] a : inv.azAssociations) {
      if (a[0].equals("subnet")) {
        knownSubnets.add(J.lower(a[1]));
        subnetNsg.put(J.lower(a[1]), J.lower(a[2]));
      }
    }
    for (Doc d : inv.azNsgs) {
      String nid = J.lower(nsgId(d));
      for (JsonNode s : J.arr(d.node(), "subnets")) {
        String sid = J.lower(J.text(s, "id"));
        if (sid != null && nid != null) {
          knownSubnets.add(sid);
          subnetNsg.putIfAbsent(sid, nid);
        }
      }
    }
    ctx.vnetTag = vnet;
    // ASG membership from NIC ip configurations.
    for (Doc n : inv.azNics) {
      for (JsonNode ipc : J.arr(n.node(), "ipConfigurations")) {
        String ip = J.text(ipc, "privateIPAddress");
        for (JsonNode asg : J.arr(ipc, "applicationSecurityGroups")) {
          String id = J.lower(J.text(asg, "id"));
          if (id != null && ip != null && AddressSet.tryParse(ip) != null) {
            ctx.asgMembers.merge(id, AddressSet.parse(ip), AddressSet::union);
          }
        }
      }
    }
    // Standalone rule lists (az network nsg rule list): grouped under their NSG.
    Map<String, List<Doc>> looseRules = new LinkedHashMap<>();
    for (Doc r : inv.azRules) {
      String id = J.lower(J.text(r.node(), "id"));
      String nsg =
          id == null ? "(unknown nsg)" : id.replaceAll("/(default)?securityrules/[^/]*$", "");
      looseRules.computeIfAbsent(nsg, k -> new ArrayList<>()).add(r);
    }
    cutOffWarnings(inv);
    // NSGs converted on every core (nsg() only reads ctx), kept in export order
    List<List<Doc>> extras = new ArrayList<>(inv.azNsgs.size());
    for (Doc d : inv.azNsgs) {
      extras.add(looseRules.remove(J.lower(nsgId(d))));
    }
    List<Integer> order = new ArrayList<>(inv.azNsgs.size());
    for (int i = 0; i < inv.azNsgs.size(); i++) {
      order.add(i);
    }
    List<RuleSet> converted =
        Parallel.map(
            order,
            (Integer i, List<RuleSet> out) ->
                out.add(nsg(inv.azNsgs.get(i), extras.get(i), ctx, inv)));
    for (RuleSet rs : converted) {
      if (ctx.nsgs.putIfAbsent(J.lower(rs.id()), rs) == null) {
        sets.add(rs);
      }
    }
    for (Map.Entry<String, List<Doc>> e : looseRules.entrySet()) {
      Doc first = e.getValue().get(0);
      RuleSet rs =
          nsg(
              new Doc(
                  com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                      .objectNode()
                      .put("id", e.getKey())
                      .put("name", last(e.getKey())),
                  first.file(),
                  first.path(),
                  first.address()),
              e.getValue(),
              ctx,
              inv);
      ctx.nsgs.put(J.lower(rs.id()), rs);
      sets.add(rs);
    }
    // Public paths: public IPs bound to ip configurations, public load balancer pools.
    Map<String, String> pipByIpc = new HashMap<>();
    Map<String, String> pipById = new HashMap<>();
    for (Doc p : inv.azPublicIps) {
      String addr = J.text(p.node(), "ipAddress");
      String label = J.text(p.node(), "name") + (addr == null ? "" : " (" + addr + ")");
      String pid = J.lower(J.text(p.node(), "id"));
      if (pid != null) {
        pipById.put(pid, label);
      }
      String ipc = J.lower(J.idOf(p.node(), "ipConfiguration"));
      if (ipc != null) {
        pipByIpc.put(ipc, label);
      }
    }
    Map<String, String> publicPools = new HashMap<>();
    Set<String> knownPools = new HashSet<>();
    Map<String, String> publicIpcByLb = new HashMap<>();
    Map<String, String> natReason = new HashMap<>(); // NAT rule id -> public path
    Map<String, String> natIpc = new HashMap<>(); // ip configuration id -> public path
    for (Doc l : inv.azLbs) {
      boolean pub = false;
      for (JsonNode fe : J.arr(l.node(), "frontendIPConfigurations")) {
        if (J.get(fe, "publicIPAddress") != null) {
          pub = true;
        }
      }
      String lbName = J.text(l.node(), "name");
      // inbound NAT rules forward a frontend port to one ip configuration
      for (JsonNode nat : J.arr(l.node(), "inboundNatRules")) {
        String nid = J.lower(J.text(nat, "id"));
        if (nid != null) {
          knownPools.add(nid);
          if (pub) {
            natReason.put(nid, "inbound NAT rule of public load balancer " + lbName);
          }
        }
        String bid = J.lower(J.idOf(nat, "backendIPConfiguration"));
        if (pub && bid != null) {
          natIpc.put(bid, "inbound NAT rule of public load balancer " + lbName);
        }
      }
      for (JsonNode pool : J.arr(l.node(), "backendAddressPools")) {
        String pid = J.lower(J.text(pool, "id"));
        if (pid != null) {
          knownPools.add(pid);
          if (pub) {
            publicPools.put(pid, lbName);
          }
        }
        if (pub) {
          for (JsonNode b : J.arr(pool, "backendIPConfigurations")) {
            String bid = J.lower(J.text(b, "id"));
            if (bid != null) {
              publicIpcByLb.put(bid, lbName);
            }
          }
        }
      }
    }
    Map<String, String> nicNsgAssoc = new HashMap<>();
    for (String[] a : inv.azAssociations) {
      if (a[0].equals("nic")) {
        nicNsgAssoc.put(J.lower(a[1]), J.lower(a[2]));
      }
    }
    // an NSG's own networkInterfaces list links it to NICs whose export does not name it
    for (Doc d : inv.azNsgs) {
      String nid = J.lower(nsgId(d));
      for (JsonNode ni : J.arr(d.node(), "networkInterfaces")) {
        String id = J.lower(ni.isTextual() ? ni.asText() : J.text(ni, "id"));
        if (id != null && nid != null) {
          nicNsgAssoc.putIfAbsent(id, nid);
        }
      }
    }
    // The NICs are planned on every core (the plan only reads the maps above), then the layers,
    // warnings and targets are made on this thread in export order, so the model and the
    // warnings are the ones a single pass gives. The first bad NIC in export order still throws.
    List<IpcPlan> plans =
        Parallel.map(
            inv.azNics,
            (Doc n, List<IpcPlan> out) ->
                plan(
                    n,
                    nicNsgAssoc,
                    pipById,
                    pipByIpc,
                    publicIpcByLb,
                    natIpc,
                    publicPools,
                    natReason,
                    knownPools,
                    out));
    Set<String> warnedSubnets = new HashSet<>();
    for (IpcPlan p : plans) {
      List<Layer> layers = new ArrayList<>();
      String subnetId = p.subnetId();
      if (subnetId != null) {
        if (knownSubnets.contains(subnetId)) {
          String sn = subnetNsg.get(subnetId);
          layers.add(
              sn != null
                  ? layer("subnet-nsg", sn, ctx, inv)
                  : ctx.layers.computeIfAbsent("subnet-nsg|", x -> Layer.open("subnet-nsg")));
        } else if (warnedSubnets.add(subnetId)) {
          inv.warnings.add(
              "subnet-not-in-input",
              "subnet "
                  + subnetId
                  + " is not in the input (az network vnet list): its NSG, if any, is not applied",
              p.nic().ref());
        }
      }
      layers.add(
          p.nsgId() != null
              ? layer("nic-nsg", p.nsgId(), ctx, inv)
              : ctx.layers.computeIfAbsent("nic-nsg|", x -> Layer.open("nic-nsg")));
      if (p.poolWarning() != null) {
        inv.warnings.add("unknown-reference", p.poolWarning(), p.nic().ref());
      }
      targets.add(
          new Target(
              p.id(),
              p.name(),
              Provider.AZURE,
              p.ip(),
              p.tags(),
              p.labels(),
              p.reason() != null,
              p.reason(),
              layers,
              p.ref(),
              p.nic().address()));
    }
    for (RuleSet rs : ctx.nsgs.values()) {
      if (!ctx.used.contains(rs)) {
        Layer l = new Layer("nsg", Layer.Evaluation.FIRST_MATCH, List.of(rs), false, false, null);
        targets.add(
            new Target(
                rs.id(),
                rs.name(),
                Provider.AZURE,
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
   * Warns, in export order, about NSG rules and NIC ip configurations that PowerShell's {@code
   * ConvertTo-Json} cut off at its depth limit (their type name instead of the object); the
   * conversions on the worker threads read them as unknown.
   */
  private static void cutOffWarnings(Inventory inv) {
    for (Doc d : inv.azNsgs) {
      JsonNode rules = J.get(d.node(), "securityRules");
      if (J.cutOff(rules) || rules != null && rules.size() > 0 && J.cutOff(rules.get(0))) {
        inv.warnings.add(
            "unknown-reference",
            "the security rules of NSG "
                + J.text(d.node(), "name")
                + " were "
                + J.CUT_OFF
                + ": counted as allowing everything (unknown)",
            d.ref(J.where(d.node(), "securityRules")));
      }
    }
    for (Doc n : inv.azNics) {
      int k = 0;
      for (JsonNode ipc : J.arr(n.node(), "ipConfigurations")) {
        String what =
            J.cutOff(ipc)
                ? "ip configuration"
                : J.cutOff(J.get(ipc, "publicIPAddress"))
                    ? "public IP"
                    : J.cutOff(J.get(ipc, "subnet")) ? "subnet" : null;
        if (what != null) {
          inv.warnings.add(
              "unknown-reference",
              "the "
                  + what
                  + " of NIC "
                  + J.text(n.node(), "name")
                  + " was "
                  + J.CUT_OFF
                  + ": its public path and subnet NSG are unknown",
              n.ref(J.where(n.node(), "ipConfigurations") + "[" + k + "]"));
        }
        k++;
      }
    }
  }

  /**
   * One ip configuration of a NIC as planned on a worker thread: everything but its layers (which
   * are shared between targets and made once, in export order, with their warnings).
   */
  private record IpcPlan(
      Doc nic,
      String id,
      String name,
      String ip,
      Map<String, String> tags,
      Set<String> labels,
      String reason,
      String subnetId,
      String nsgId,
      String poolWarning,
      SourceRef ref) {}

  /** Plans the ip configurations of one NIC (reads the maps only; safe on any thread). */
  private static void plan(
      Doc n,
      Map<String, String> nicNsgAssoc,
      Map<String, String> pipById,
      Map<String, String> pipByIpc,
      Map<String, String> publicIpcByLb,
      Map<String, String> natIpc,
      Map<String, String> publicPools,
      Map<String, String> natReason,
      Set<String> knownPools,
      List<IpcPlan> out) {
    JsonNode nic = n.node();
    String nicId = J.text(nic, "id");
    String nicName = J.text(nic, "name");
    String nsgId = J.lower(J.idOf(nic, "networkSecurityGroup"));
    if (nsgId == null && nicId != null) {
      nsgId = nicNsgAssoc.get(J.lower(nicId));
    }
    JsonNode tagNode = J.get(nic, "tags");
    // PowerShell's Get-AzNetworkInterface names the tag table Tag
    Map<String, String> tags = tags(tagNode != null ? tagNode : J.get(nic, "tag"));
    List<JsonNode> ipcs = J.arr(nic, "ipConfigurations");
    int k = 0;
    for (JsonNode ipc : ipcs) {
      boolean cut = J.cutOff(ipc); // the ip configuration's type name: its fields are lost
      String ipcName = cut ? "(cut off " + k + ")" : J.text(ipc, "name");
      String ipcId = J.text(ipc, "id");
      if (ipcId == null) {
        ipcId = (nicId == null ? nicName : nicId) + "/ipConfigurations/" + ipcName;
      }
      String ip = J.text(ipc, "privateIPAddress");
      if (ip != null && AddressSet.tryParse(ip) == null) {
        throw new UserInputException(
            n.ref(J.where(nic, "ipConfigurations") + "[" + k + "]"),
            "privateIPAddress: expected an IP address");
      }
      JsonNode subnet = J.get(ipc, "subnet");
      String subnetId = J.cutOff(subnet) ? null : J.lower(J.idOf(ipc, "subnet"));
      String reason = null;
      JsonNode pip = J.get(ipc, "publicIPAddress");
      String pipId = J.lower(J.idOf(ipc, "publicIPAddress"));
      if (cut || J.cutOff(pip)) {
        // a public IP list names the ip configuration it is bound to; else unknown: public
        String prefix =
            J.lower(cut ? (nicId == null ? nicName : nicId) + "/ipconfigurations/" : ipcId);
        String match = null; // the first ip configuration id in order: deterministic
        for (String key : pipByIpc.keySet()) {
          if (prefix != null
              && (cut ? key.startsWith(prefix) : key.equals(prefix))
              && (match == null || key.compareTo(match) < 0)) {
            match = key;
          }
        }
        reason =
            match != null
                ? "public IP " + pipByIpc.get(match)
                : "public IP unknown (cut off by ConvertTo-Json)";
      } else if (pipId != null) {
        String addr = pip == null ? null : J.text(pip, "ipAddress");
        reason =
            "public IP "
                + (pipById.containsKey(pipId)
                    ? pipById.get(pipId)
                    : last(pipId) + (addr == null ? "" : " (" + addr + ")"));
      } else if (pipByIpc.containsKey(J.lower(ipcId))) {
        reason = "public IP " + pipByIpc.get(J.lower(ipcId));
      } else if (publicIpcByLb.containsKey(J.lower(ipcId))) {
        reason = "backend of public load balancer " + publicIpcByLb.get(J.lower(ipcId));
      } else if (natIpc.containsKey(J.lower(ipcId))) {
        reason = natIpc.get(J.lower(ipcId));
      }
      String poolWarning = null;
      List<JsonNode> pools = J.arr(ipc, "loadBalancerBackendAddressPools");
      pools.addAll(J.arr(ipc, "loadBalancerInboundNatRules"));
      for (JsonNode pool : pools) {
        String pid = J.lower(J.text(pool, "id"));
        if (pid == null || reason != null) {
          continue;
        }
        if (publicPools.containsKey(pid)) {
          reason = "backend of public load balancer " + publicPools.get(pid);
        } else if (natReason.containsKey(pid)) {
          reason = natReason.get(pid);
        } else if (!knownPools.contains(pid)) {
          // at most one per ip configuration: the reason is set with it
          poolWarning =
              (pid.contains("/inboundnatrules/")
                      ? "load balancer NAT rule "
                      : "load balancer pool ")
                  + pid
                  + " is not in the input (az network lb list): counted as a public path";
          reason = "backend of load balancer pool not in the input (unknown)";
        }
      }
      Set<String> labels = new LinkedHashSet<>();
      for (JsonNode asg : J.arr(ipc, "applicationSecurityGroups")) {
        String id = J.lower(J.text(asg, "id"));
        if (id != null) {
          labels.add("asg:" + id);
        }
      }
      String name = ipcs.size() > 1 ? nicName + "/" + ipcName : nicName;
      out.add(
          new IpcPlan(
              n,
              ipcId,
              name == null ? ipcId : name,
              ip,
              tags,
              labels,
              reason,
              subnetId,
              nsgId,
              poolWarning,
              n.ref(J.where(nic, "ipConfigurations") + "[" + k + "]")));
      k++;
    }
  }

  private static void subnet(JsonNode s, Map<String, String> subnetNsg, Set<String> known) {
    String id = J.lower(J.text(s, "id"));
    if (id == null) {
      return;
    }
    known.add(id);
    String nsg = J.lower(J.idOf(s, "networkSecurityGroup"));
    if (nsg != null) {
      subnetNsg.put(id, nsg);
    }
  }

  private static Layer layer(String role, String nsgId, Ctx ctx, Inventory inv) {
    return ctx.layers.computeIfAbsent(
        role + "|" + nsgId,
        k -> {
          RuleSet rs = ctx.nsgs.get(nsgId);
          if (rs == null) {
            inv.warnings.add(
                "unknown-reference",
                "NSG "
                    + nsgId
                    + " is referenced but not in the input: the "
                    + role
                    + " layer counts as allowing everything (unknown)",
                null);
            return Layer.missing(role, nsgId);
          }
          ctx.used.add(rs);
          return new Layer(role, Layer.Evaluation.FIRST_MATCH, List.of(rs), false, false, null);
        });
  }

  static Map<String, String> tags(JsonNode t) {
    Map<String, String> m = new TreeMap<>();
    if (t != null && t.isObject()) {
      t.fields()
          .forEachRemaining(
              e -> m.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
    }
    return m;
  }

  static String last(String id) {
    int i = id.lastIndexOf('/');
    return i < 0 ? id : id.substring(i + 1);
  }

  private static String nsgId(Doc d) {
    String id = J.text(d.node(), "id");
    return id != null ? id : J.text(d.node(), "name");
  }

  private static RuleSet nsg(Doc d, List<Doc> extra, Ctx ctx, Inventory inv) {
    JsonNode n = d.node();
    String id = nsgId(d);
    if (id == null) {
      throw new UserInputException(d.ref(), "NSG without id or name");
    }
    String name = J.text(n, "name") == null ? last(id) : J.text(n, "name");
    // the rules: read by the streaming reader (AzNsgStream) or taken from the tree
    AzNsgStream.Rules streamed = inv.azNsgRules.get(n);
    List<RawRule> rules = new ArrayList<>();
    List<SourceRef> refs = new ArrayList<>();
    List<RawRule> defaultRules = new ArrayList<>();
    List<SourceRef> defaultRefs = new ArrayList<>();
    // the rule list itself cut off by ConvertTo-Json (its items' type names joined)
    SourceRef cut = J.cutOff(J.get(n, "securityRules")) ? d.ref(J.where(n, "securityRules")) : null;
    if (streamed != null) {
      for (int i = 0; i < streamed.rules().size(); i++) {
        rules.add(streamed.rules().get(i));
        refs.add(d.ref(".securityRules[" + i + "]"));
      }
      for (int i = 0; i < streamed.defaults().size(); i++) {
        defaultRules.add(streamed.defaults().get(i));
        defaultRefs.add(d.ref(".defaultSecurityRules[" + i + "]"));
      }
    } else {
      int i = 0;
      for (JsonNode r : J.arr(n, "securityRules")) {
        SourceRef ref = d.ref(J.where(n, "securityRules") + "[" + i++ + "]");
        if (J.cutOff(r)) {
          cut = ref; // PowerShell printed the rule's type name: its fields are lost
          continue;
        }
        if (r.hasNonNull("__path")) {
          ref =
              SourceRef.ofPath(
                  r.hasNonNull("__file") ? r.get("__file").asText() : d.file(),
                  r.get("__path").asText());
        }
        rules.add(RawRule.of(r));
        refs.add(ref);
      }
      i = 0;
      for (JsonNode r : J.arr(n, "defaultSecurityRules")) {
        if (J.cutOff(r)) {
          i++;
          continue; // cut off like the rules: the defaults are synthesized
        }
        defaultRules.add(RawRule.of(r));
        defaultRefs.add(d.ref(J.where(n, "defaultSecurityRules") + "[" + i++ + "]"));
      }
    }
    List<RuleLine> lines = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      lines.add(rule(rules.get(i), id, name, refs.get(i), false, ctx, seen));
    }
    if (cut != null) {
      // rules cut off by ConvertTo-Json: unknown, allowing everything in both directions
      for (String dir : new String[] {"Inbound", "Outbound"}) {
        lines.add(rule(cutOffRule(dir), id, name, cut, false, ctx, null));
      }
    }
    if (extra != null) {
      // 'az network nsg rule list' next to 'nsg list' repeats the NSG's own rules: read once
      Set<String> inline = new HashSet<>();
      for (RawRule r : rules) {
        inline.add("securityrules/" + J.lower(r.name()));
      }
      for (RawRule r : defaultRules) {
        inline.add("defaultsecurityrules/" + J.lower(r.name()));
      }
      for (Doc r : extra) {
        boolean def =
            J.lower(J.text(r.node(), "id")) != null
                && J.lower(J.text(r.node(), "id")).contains("/defaultsecurityrules/");
        String key =
            (def ? "defaultsecurityrules/" : "securityrules/") + J.lower(J.text(r.node(), "name"));
        if (inline.contains(key)) {
          continue;
        }
        lines.add(rule(RawRule.of(r.node()), id, name, r.ref(), def, ctx, seen));
      }
    }
    boolean hasDefaults = false;
    for (int i = 0; i < defaultRules.size(); i++) {
      lines.add(rule(defaultRules.get(i), id, name, defaultRefs.get(i), true, ctx, null));
      hasDefaults = true;
    }
    for (RuleLine l : lines) {
      hasDefaults |= l.platformDefault();
    }
    if (!hasDefaults) {
      lines.addAll(defaults(id, name, d.ref(".defaultSecurityRules(implied)"), ctx));
    }
    lines.sort((a, b) -> Long.compare(a.priority(), b.priority()));
    return new RuleSet(id, name, Provider.AZURE, "nsg", lines, d.ref(), d.address());
  }

  /** Stands for the security rules PowerShell's ConvertTo-Json cut off: every field unknown. */
  private static RawRule cutOffRule(String direction) {
    return new RawRule(
        Set.of(
            "access",
            "priority",
            "protocol",
            "sourceAddressPrefix",
            "destinationAddressPrefix",
            "destinationPortRange",
            "sourcePortRange"),
        "(rules cut off by ConvertTo-Json)",
        direction,
        null,
        false,
        false,
        0,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "(cut off by ConvertTo-Json)");
  }

  private static List<RuleLine> defaults(String id, String name, SourceRef ref, Ctx ctx) {
    List<RuleLine> out = new ArrayList<>();
    AddressSet all = AddressSet.ALL;
    out.add(
        def(
            id,
            name,
            "AllowVnetInBound",
            65000,
            true,
            Direction.INBOUND,
            ctx.vnetTag,
            ctx.vnetTag,
            "VirtualNetwork",
            ref));
    out.add(
        def(
            id,
            name,
            "AllowAzureLoadBalancerInBound",
            65001,
            true,
            Direction.INBOUND,
            Internet.AZURE_PLATFORM,
            all,
            "AzureLoadBalancer",
            ref));
    out.add(def(id, name, "DenyAllInBound", 65500, false, Direction.INBOUND, all, all, "*", ref));
    out.add(
        def(
            id,
            name,
            "AllowVnetOutBound",
            65000,
            true,
            Direction.OUTBOUND,
            ctx.vnetTag,
            ctx.vnetTag,
            "VirtualNetwork",
            ref));
    out.add(
        def(
            id,
            name,
            "AllowInternetOutBound",
            65001,
            true,
            Direction.OUTBOUND,
            Internet.PUBLIC_AZURE,
            all,
            "Internet",
            ref));
    out.add(def(id, name, "DenyAllOutBound", 65500, false, Direction.OUTBOUND, all, all, "*", ref));
    return out;
  }

  private static RuleLine def(
      String id,
      String name,
      String rule,
      long prio,
      boolean allow,
      Direction d,
      AddressSet remote,
      AddressSet local,
      String written,
      SourceRef ref) {
    return new RuleLine(
        id,
        name,
        rule,
        prio,
        allow,
        d,
        Protocol.ANY,
        remote,
        PortSet.ALL,
        local,
        Set.of(),
        false,
        List.of(written),
        false,
        true,
        ref);
  }

  /**
   * The fields of one security rule that the conversion reads, as the tree gives them ({@link
   * #of(JsonNode)}) or as {@link AzNsgStream} reads them from the bytes. {@code priority}: absent
   * ({@code priorityPresent} false), a usable number ({@code priorityOk}, {@code priorityValue}) or
   * anything else ({@code priorityText} for the message).
   */
  record RawRule(
      Set<String> unk,
      String name,
      String direction,
      String access,
      boolean priorityPresent,
      boolean priorityOk,
      long priorityValue,
      String priorityText,
      String protocol,
      List<String> src,
      List<String> dst,
      List<String> srcAsg,
      List<String> dstAsg,
      List<String> dports,
      List<String> sports,
      String unknownAs) {

    /** The rule's fields from its tree (lenient lookups of {@link J}). */
    static RawRule of(JsonNode r) {
      Set<String> unk = new HashSet<>(J.texts(r, "__unknown"));
      JsonNode pr = J.get(r, "priority");
      boolean ok = pr != null && (pr.canConvertToLong() || pr.asText().matches("\\d{1,9}"));
      return new RawRule(
          unk,
          J.text(r, "name"),
          J.text(r, "direction"),
          J.text(r, "access"),
          pr != null,
          ok,
          ok ? pr.asLong() : 0,
          pr == null || ok ? null : pr.asText(),
          J.text(r, "protocol"),
          both(r, "sourceAddressPrefix"),
          both(r, "destinationAddressPrefix"),
          asgIds(r, "sourceApplicationSecurityGroups"),
          asgIds(r, "destinationApplicationSecurityGroups"),
          both(r, "destinationPortRange"),
          both(r, "sourcePortRange"),
          r.hasNonNull("__unknownAs") ? r.get("__unknownAs").asText() : null);
    }
  }

  private static RuleLine rule(
      RawRule r,
      String nsgId,
      String nsgName,
      SourceRef ref,
      boolean isDefault,
      Ctx ctx,
      Map<String, String> seen) {
    Set<String> unk = r.unk();
    String name = r.name();
    if (name == null) {
      name = "(unnamed)";
    }
    String dirText = r.direction();
    if (dirText == null) {
      throw new UserInputException(
          ref, "security rule '" + name + "' has no direction: expected Inbound or Outbound");
    }
    Direction dir;
    try {
      dir = Direction.parse(dirText);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(ref, "direction: " + e.getMessage());
    }
    String access = r.access();
    boolean unknown = !unk.isEmpty();
    boolean allow;
    if (access == null && unk.contains("access")) {
      allow = true;
    } else if ("allow".equalsIgnoreCase(access)) {
      allow = true;
    } else if ("deny".equalsIgnoreCase(access)) {
      allow = false;
    } else {
      throw new UserInputException(ref, "access: expected Allow or Deny, got '" + access + "'");
    }
    long prio;
    if (!r.priorityPresent()) {
      if (!unk.contains("priority")) {
        throw new UserInputException(
            ref, "security rule '" + name + "' has no priority: expected 100-4096");
      }
      prio = allow ? 100 : 4096;
    } else if (!r.priorityOk()) {
      throw new UserInputException(
          ref, "priority: expected a number, got '" + r.priorityText() + "'");
    } else {
      prio = r.priorityValue();
    }
    if (seen != null && r.priorityPresent() && !isDefault) {
      String key = dir + "|" + prio;
      String prev = seen.putIfAbsent(key, name + " at " + ref.jsonPath());
      if (prev != null) {
        throw new UserInputException(
            ref,
            "duplicate priority "
                + prio
                + " in direction "
                + dir.word()
                + " of NSG "
                + nsgName
                + " (also used by rule "
                + prev
                + ")");
      }
    }
    Set<Protocol> protos =
        unk.contains("protocol") ? Protocol.ANY : Protocol.parseVendor(r.protocol());
    List<String> src = r.src();
    List<String> dst = r.dst();
    List<String> srcAsg = r.srcAsg();
    List<String> dstAsg = r.dstAsg();
    List<String> dports = r.dports();
    List<String> sports = r.sports();
    PortSet ports = PortSet.EMPTY;
    if (unk.contains("destinationPortRange")
        || unk.contains("destinationPortRanges")
        || dports.isEmpty()) {
      ports = PortSet.ALL;
    } else {
      for (String p : dports) {
        try {
          ports = ports.union(J.ports(p));
        } catch (IllegalArgumentException e) {
          throw new UserInputException(ref, "destinationPortRange: " + e.getMessage());
        }
      }
    }
    boolean srcPortRestricted = false;
    if (!unk.contains("sourcePortRange") && !unk.contains("sourcePortRanges")) {
      for (String p : sports) {
        try {
          if (!J.ports(p).isAll()) {
            srcPortRestricted = true;
          }
        } catch (IllegalArgumentException e) {
          throw new UserInputException(ref, "sourcePortRange: " + e.getMessage());
        }
      }
    }
    boolean remoteUnknown =
        dir == Direction.INBOUND
            ? unk.contains("sourceAddressPrefix") || unk.contains("sourceAddressPrefixes")
            : unk.contains("destinationAddressPrefix")
                || unk.contains("destinationAddressPrefixes");
    List<String> remoteWritten = dir == Direction.INBOUND ? src : dst;
    List<String> localWritten = dir == Direction.INBOUND ? dst : src;
    List<String> remoteAsg = dir == Direction.INBOUND ? srcAsg : dstAsg;
    List<String> localAsg = dir == Direction.INBOUND ? dstAsg : srcAsg;
    AddressSet remote = AddressSet.EMPTY;
    List<String> written = new ArrayList<>(remoteWritten);
    if (remoteUnknown) {
      remote = AddressSet.ALL;
      written.add(r.unknownAs() != null ? r.unknownAs() : "(known after apply)");
    } else {
      for (String t : remoteWritten) {
        remote = remote.union(address(t, ctx));
      }
      for (String a : remoteAsg) {
        remote =
            remote
                .union(AddressSet.symbol("asg:" + a))
                .union(ctx.asgMembers.getOrDefault(a, AddressSet.EMPTY));
        written.add("asg:" + last(a));
      }
      if (remoteWritten.isEmpty() && remoteAsg.isEmpty()) {
        remote = AddressSet.ALL;
        written.add("*");
      }
    }
    AddressSet local = AddressSet.EMPTY;
    Set<String> selectors = new LinkedHashSet<>();
    for (String t : localWritten) {
      local = local.union(address(t, ctx));
    }
    for (String a : localAsg) {
      selectors.add("asg:" + a);
    }
    if (!localAsg.isEmpty() && localWritten.isEmpty()
        || localWritten.isEmpty() && localAsg.isEmpty()) {
      local = AddressSet.ALL;
    }
    if (unk.contains("destinationAddressPrefix") || unk.contains("sourceAddressPrefix")) {
      local = AddressSet.ALL;
    }
    return new RuleLine(
        nsgId,
        nsgName,
        name,
        prio,
        allow,
        dir,
        protos,
        remote,
        ports,
        local,
        selectors,
        srcPortRestricted,
        written,
        unknown,
        isDefault || prio >= 65000,
        ref);
  }

  private static List<String> both(JsonNode r, String singular) {
    List<String> many = J.texts(r, singular.endsWith("x") ? singular + "es" : singular + "s");
    JsonNode one = J.get(r, singular);
    if (one != null && one.isArray()) {
      // Get-AzNetworkSecurityGroup | ConvertTo-Json: PowerShell's rule model holds a list in the
      // singular field (SourceAddressPrefix ["198.51.100.0/24", ...], DestinationPortRange ["22"])
      List<String> listed = J.texts(r, singular);
      listed.addAll(many);
      return both(null, listed);
    }
    return both(J.text(r, singular), many);
  }

  /** The singular value (when not empty) then the plural values not empty and not already in. */
  static List<String> both(String one, List<String> many) {
    List<String> out = new ArrayList<>(1 + many.size());
    if (one != null && !one.isEmpty()) {
      out.add(one);
    }
    for (String s : many) {
      if (!s.isEmpty() && !out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<String> asgIds(JsonNode r, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : J.arr(r, field)) {
      String id = a.isTextual() ? a.asText() : J.text(a, "id");
      if (id != null) {
        out.add(id.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  static AddressSet address(String token, Ctx ctx) {
    String t = token.trim();
    switch (t.toLowerCase(Locale.ROOT)) {
      case "*":
      case "any":
        return AddressSet.ALL;
      case "internet":
        return Internet.PUBLIC_AZURE;
      case "virtualnetwork":
        return ctx.vnetTag;
      case "azureloadbalancer":
        return Internet.AZURE_PLATFORM;
      default:
        if (J.spaced(t)) {
          AddressSet all = AddressSet.EMPTY;
          for (String part : t.split("\\s+")) {
            all = all.union(address(part, ctx));
          }
          return all;
        }
        AddressSet a = AddressSet.tryParse(t);
        return a != null ? a : AddressSet.symbol("servicetag:" + t);
    }
  }
}
