package io.leakguard.net.read;

import com.fasterxml.jackson.databind.JsonNode;
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
 * GCP: VPC firewall rules per network (priority order, deny first at equal priority, target tags
 * and service accounts, disabled rules ignored, the implied deny-ingress and allow-egress rules at
 * 65535) and instances (network interfaces, access configs with a NAT IP as public path).
 */
final class GcpConverter {
  private GcpConverter() {}

  static String network(String url) {
    if (url == null) {
      return "global/networks/default";
    }
    int i = url.indexOf("/global/networks/");
    if (i >= 0) {
      String rest = url.substring(i + 1);
      int p = url.lastIndexOf("/projects/", i);
      if (p < 0 && url.startsWith("projects/")) {
        return url;
      }
      return (p >= 0 ? url.substring(p + 1, i + 1) : "") + rest;
    }
    return url.contains("/") ? url : "global/networks/" + url;
  }

  /**
   * Networks are keyed with their project when the export names it ({@code
   * projects/p/global/networks/default}), so two projects' {@code default} networks keep their own
   * rules; a name without project ({@code default}, as Terraform may write it) is keyed bare.
   */
  private static String key(String net) {
    if (net.startsWith("projects/")) {
      return net;
    }
    int i = net.indexOf("global/networks/");
    return i >= 0 ? net.substring(i) : net;
  }

  /**
   * The rule set key for an instance's network: exact, else the same network written without
   * project, else (instance network without project) the only project's network of that name.
   */
  private static String resolve(String k, Map<String, ?> byNet) {
    if (byNet.containsKey(k)) {
      return k;
    }
    int i = k.indexOf("global/networks/");
    String bare = i >= 0 ? k.substring(i) : k;
    if (byNet.containsKey(bare)) {
      return bare;
    }
    if (k.equals(bare)) {
      String found = null;
      int n = 0;
      for (String x : byNet.keySet()) {
        if (x.endsWith("/" + bare)) {
          found = x;
          n++;
        }
      }
      if (n == 1) {
        return found;
      }
    }
    return k;
  }

  /**
   * Per network key: each external IPv4 address (an access config's {@code natIP}) of an instance
   * interface on that network, with the interface's internal address ({@code networkIP}).
   */
  private static Map<String, Map<String, String>> externalAddresses(
      Inventory inv, Map<String, List<RuleLine>> byNet) {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (Doc d : inv.gcpInstances) {
      for (JsonNode ni : J.arr(d.node(), "networkInterfaces")) {
        String ip = J.text(ni, "networkIP");
        if (ip == null || AddressSet.tryParse(ip) == null) {
          continue; // the target loop reports it
        }
        String k = resolve(key(network(J.text(ni, "network"))), byNet);
        for (JsonNode ac : J.arr(ni, "accessConfigs")) {
          String nat = J.text(ac, "natIP");
          if (nat != null && AddressSet.tryParse(nat) != null) {
            out.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(nat, ip);
          }
        }
      }
    }
    return out;
  }

  /**
   * An ingress rule's {@code destinationRanges} may name an interface's external IPv4 address:
   * Cloud NGFW matches an ingress rule's destination ranges against the internal and the external
   * addresses of the target interface (docs/net-engine.md, "GCP destination ranges"). The model
   * matches a line's local addresses against the interface's internal address, so a line whose
   * local set holds an external address also gets that interface's internal address. Lines without
   * destination ranges ({@link AddressSet#ALL}) are returned as they are.
   */
  static List<RuleLine> externalDestinations(List<RuleLine> lines, Map<String, String> nat) {
    List<RuleLine> out = new ArrayList<>(lines.size() + 2);
    for (RuleLine l : lines) {
      AddressSet local = l.local();
      if (!nat.isEmpty() && l.direction() == Direction.INBOUND && local != AddressSet.ALL) {
        for (Map.Entry<String, String> x : nat.entrySet()) {
          if (local.containsAddress(x.getKey()) && !local.containsAddress(x.getValue())) {
            local = local.union(AddressSet.parse(x.getValue()));
          }
        }
      }
      out.add(local == l.local() ? l : l.withLocal(local));
    }
    return out;
  }

  static void convert(Inventory inv, List<Target> targets, List<RuleSet> sets) {
    if (inv.gcpFirewalls.isEmpty() && inv.gcpInstances.isEmpty() && inv.gcpPolicies.isEmpty()) {
      return;
    }
    List<GcpPolicies.Policy> policies = GcpPolicies.collect(inv);
    Map<String, List<RuleLine>> byNet = new LinkedHashMap<>();
    Map<String, Doc> firstDoc = new HashMap<>();
    Map<String, String> netName = new HashMap<>();
    for (Doc d : inv.gcpFirewalls) {
      String net = network(J.text(d.node(), "network"));
      String k = key(net);
      netName.putIfAbsent(k, net);
      firstDoc.putIfAbsent(k, d);
      List<RuleLine> lines = byNet.computeIfAbsent(k, x -> new ArrayList<>());
      rule(d, net, lines, inv);
    }
    // rules written with a bare network name ("default", as Terraform often writes it) belong to
    // the project network of that name when exactly one project's network has it: merged, so an
    // instance on the project network is not judged by half of its rules
    for (String bare : new ArrayList<>(byNet.keySet())) {
      if (bare.startsWith("projects/")) {
        continue;
      }
      String only = null;
      int n = 0;
      for (String x : byNet.keySet()) {
        if (x.startsWith("projects/") && x.endsWith("/" + bare)) {
          only = x;
          n++;
        }
      }
      if (n == 1) {
        String to = netName.get(only);
        for (RuleLine l : byNet.remove(bare)) {
          byNet.get(only).add(l.inRuleSet(to, to));
        }
        firstDoc.remove(bare);
        netName.remove(bare);
      }
    }
    // networks named only by a policy association get their (implied) rules too
    for (GcpPolicies.Policy p : policies) {
      for (String net : p.networks()) {
        String k = resolve(key(net), byNet);
        netName.putIfAbsent(k, net);
        byNet.computeIfAbsent(k, x -> new ArrayList<>());
      }
    }
    for (Doc d : inv.gcpInstances) {
      for (JsonNode ni : J.arr(d.node(), "networkInterfaces")) {
        String net = network(J.text(ni, "network"));
        String k = resolve(key(net), byNet);
        netName.putIfAbsent(k, net);
        if (!byNet.containsKey(k)) {
          byNet.put(k, new ArrayList<>());
          if (!policies.isEmpty()) {
            continue; // a hierarchical policy may apply to it: the policy warnings say so
          }
          inv.warnings.add(
              "no-firewall-rules",
              "no firewall rules for network "
                  + net
                  + " in the input (gcloud compute firewall-rules list): only the implied rules apply",
              d.ref());
        }
      }
    }
    Map<String, Map<String, String>> natByNet = externalAddresses(inv, byNet);
    Map<String, RuleSet> nets = new LinkedHashMap<>();
    Map<String, Layer> layers = new HashMap<>();
    for (Map.Entry<String, List<RuleLine>> e : byNet.entrySet()) {
      String net = netName.get(e.getKey());
      List<RuleLine> lines =
          externalDestinations(e.getValue(), natByNet.getOrDefault(e.getKey(), Map.of()));
      Doc src = firstDoc.get(e.getKey());
      SourceRef implied = src == null ? SourceRef.ofPath("(implied)", "$") : src.ref("(implied)");
      lines.add(
          new RuleLine(
              net,
              net,
              "implied-deny-ingress",
              65535,
              false,
              Direction.INBOUND,
              Protocol.ANY,
              AddressSet.ALL,
              PortSet.ALL,
              AddressSet.ALL,
              Set.of(),
              false,
              List.of("0.0.0.0/0", "::/0"),
              false,
              true,
              implied));
      lines.add(
          new RuleLine(
              net,
              net,
              "implied-allow-egress",
              65535,
              true,
              Direction.OUTBOUND,
              Protocol.ANY,
              AddressSet.ALL,
              PortSet.ALL,
              AddressSet.ALL,
              Set.of(),
              false,
              List.of("0.0.0.0/0", "::/0"),
              false,
              true,
              implied));
      lines.sort(
          (a, b) ->
              a.priority() != b.priority()
                  ? Long.compare(a.priority(), b.priority())
                  : Boolean.compare(a.allow(), b.allow()));
      RuleSet rs =
          new RuleSet(
              net,
              net,
              Provider.GCP,
              "firewall",
              lines,
              src == null ? implied : src.ref(),
              src == null ? null : src.address());
      nets.put(e.getKey(), rs);
      sets.add(rs);
      layers.put(
          e.getKey(),
          new Layer("firewall", Layer.Evaluation.FIRST_MATCH, List.of(rs), false, false, null));
    }
    Map<String, String> order = enforcementOrders(inv);
    PolicyState policyLayers = new PolicyState();
    policyLayers.nat = natByNet;
    Set<String> used = new HashSet<>();
    for (Doc d : inv.gcpInstances) {
      JsonNode inst = d.node();
      String name = J.text(inst, "name");
      String id = J.text(inst, "selfLink") != null ? J.text(inst, "selfLink") : name;
      Set<String> labels = new LinkedHashSet<>();
      JsonNode tags = J.get(inst, "tags");
      for (String t : J.texts(tags, "items")) {
        labels.add("tag:" + t);
      }
      for (JsonNode sa : J.arr(inst, "serviceAccounts")) {
        String email = J.text(sa, "email");
        if (email != null) {
          labels.add("sa:" + email);
        }
      }
      Map<String, String> lbl = new TreeMap<>();
      JsonNode l = J.get(inst, "labels");
      if (l != null) {
        l.fields().forEachRemaining(x -> lbl.put(x.getKey(), x.getValue().asText("")));
      }
      List<JsonNode> nis = J.arr(inst, "networkInterfaces");
      int k = 0;
      for (JsonNode ni : nis) {
        String k2 = resolve(key(network(J.text(ni, "network"))), byNet);
        used.add(k2);
        Layer layer =
            policyLayer(
                k2,
                region(J.text(inst, "zone")),
                policies,
                nets.get(k2),
                byNet,
                order,
                policyLayers,
                sets,
                inv);
        if (layer == null) {
          layer = layers.get(k2);
        }
        String ip = J.text(ni, "networkIP");
        if (ip != null && AddressSet.tryParse(ip) == null) {
          throw new UserInputException(
              d.ref(".networkInterfaces[" + k + "].networkIP"), "expected an IP address");
        }
        String reason = null;
        for (JsonNode ac : J.arr(ni, "accessConfigs")) {
          String nat = J.text(ac, "natIP");
          reason = "access config with NAT IP " + (nat == null ? "(ephemeral)" : nat);
        }
        String nicName = nis.size() > 1 ? name + "/" + J.text(ni, "name") : name;
        String tid = nis.size() > 1 ? id + "#" + J.text(ni, "name") : id;
        targets.add(
            new Target(
                tid,
                nicName,
                Provider.GCP,
                ip,
                lbl,
                labels,
                reason != null,
                reason,
                List.of(layer),
                d.ref(".networkInterfaces[" + k + "]"),
                d.address()));
        String v6 = J.text(ni, "ipv6Address");
        String ext6 = null;
        for (JsonNode ac : J.arr(ni, "ipv6AccessConfigs")) {
          ext6 = ext6 != null ? ext6 : J.text(ac, "externalIpv6");
        }
        if (v6 == null && ext6 != null) {
          // ipv6AccessType EXTERNAL: the NIC's only IPv6 address is the external one
          if (AddressSet.tryParse(ext6) == null) {
            throw new UserInputException(
                d.ref(".networkInterfaces[" + k + "].ipv6AccessConfigs"),
                "expected an IPv6 address in externalIpv6");
          }
          targets.add(
              new Target(
                  tid + "#v6",
                  nicName + "/v6",
                  Provider.GCP,
                  ext6,
                  lbl,
                  labels,
                  true,
                  "IPv6 access config " + ext6,
                  List.of(layer),
                  d.ref(".networkInterfaces[" + k + "]"),
                  d.address()));
        } else if (v6 != null) {
          boolean pub6 = !J.arr(ni, "ipv6AccessConfigs").isEmpty();
          targets.add(
              new Target(
                  tid + "#v6",
                  nicName + "/v6",
                  Provider.GCP,
                  v6,
                  lbl,
                  labels,
                  pub6,
                  pub6 ? "IPv6 access config" : null,
                  List.of(layer),
                  d.ref(".networkInterfaces[" + k + "]"),
                  d.address()));
        }
        k++;
      }
    }
    for (Map.Entry<String, RuleSet> e : nets.entrySet()) {
      if (!used.contains(e.getKey())) {
        RuleSet rs = e.getValue();
        Layer layer =
            policyLayer(e.getKey(), null, policies, rs, byNet, order, policyLayers, sets, inv);
        targets.add(
            new Target(
                rs.id(),
                rs.name(),
                Provider.GCP,
                null,
                Map.of(),
                Set.of("*"),
                false,
                null,
                List.of(layer != null ? layer : layers.get(e.getKey())),
                rs.source(),
                rs.address()));
      }
    }
  }

  /** Layers and rule sets built for firewall policies, shared by the targets of a network. */
  private static final class PolicyState {
    final Map<String, Layer> layers = new HashMap<>();
    final Map<String, RuleSet> sets = new HashMap<>();
    final Map<String, RuleSet[]> splitVpc = new HashMap<>();
    Map<String, Map<String, String>> nat = Map.of();
  }

  /** {@code us-central1} from a zone URL or name ({@code .../zones/us-central1-a}). */
  static String region(String zone) {
    if (zone == null) {
      return null;
    }
    String z = GcpPolicies.lastSegment(zone);
    int i = z.lastIndexOf('-');
    return i > 0 ? z.substring(0, i) : z;
  }

  /** Network key to {@code networkFirewallPolicyEnforcementOrder}, from gcloud networks lists. */
  private static Map<String, String> enforcementOrders(Inventory inv) {
    Map<String, String> out = new HashMap<>();
    for (Doc d : inv.gcpNetworks) {
      String o = J.text(d.node(), "networkFirewallPolicyEnforcementOrder");
      String self = J.text(d.node(), "selfLink");
      if (o != null && self != null) {
        out.put(key(network(self)), o);
      }
    }
    return out;
  }

  /**
   * The firewall layer of a network when firewall policies apply to it (null when none does):
   * hierarchical policies, then the VPC rules and the network policies in the network's enforcement
   * order, then the implied rules. One layer per network and region.
   */
  private static Layer policyLayer(
      String k,
      String region,
      List<GcpPolicies.Policy> policies,
      RuleSet vpc,
      Map<String, List<RuleLine>> byNet,
      Map<String, String> order,
      PolicyState st,
      List<RuleSet> sets,
      Inventory inv) {
    if (policies.isEmpty() || vpc == null) {
      return null;
    }
    String ck = k + "|" + region;
    if (st.layers.containsKey(ck)) {
      return st.layers.get(ck);
    }
    List<RuleSet> hier = new ArrayList<>();
    List<RuleSet> global = new ArrayList<>();
    List<RuleSet> regional = new ArrayList<>();
    for (GcpPolicies.Policy p : policies) {
      boolean here = p.allNetworks();
      for (String n : p.networks()) {
        here |= resolve(key(n), byNet).equals(k);
      }
      if (!here) {
        continue;
      }
      if (p.level() == GcpPolicies.Level.NETWORK_REGIONAL
          && region != null
          && p.region() != null
          && !p.region().equals(region)) {
        continue;
      }
      String sk = p.id() + "|" + k;
      if (!st.sets.containsKey(sk)) {
        RuleSet made = GcpPolicies.ruleSet(p, k, inv);
        Map<String, String> nat = st.nat.getOrDefault(k, Map.of());
        if (made != null && !nat.isEmpty()) {
          // a policy rule's destIpRanges may name an external IP too
          made =
              new RuleSet(
                  made.id(),
                  made.name(),
                  made.provider(),
                  made.kind(),
                  externalDestinations(made.lines(), nat),
                  made.source(),
                  made.address());
        }
        st.sets.put(sk, made);
      }
      RuleSet rs = st.sets.get(sk);
      if (rs == null) {
        continue;
      }
      if (!sets.contains(rs)) {
        sets.add(rs);
      }
      (p.level() == GcpPolicies.Level.HIERARCHY
              ? hier
              : p.level() == GcpPolicies.Level.NETWORK ? global : regional)
          .add(rs);
    }
    if (hier.isEmpty() && global.isEmpty() && regional.isEmpty()) {
      st.layers.put(ck, null);
      return null;
    }
    // the VPC rule set without its implied lines, which go last
    List<RuleLine> own = new ArrayList<>();
    List<RuleLine> implied = new ArrayList<>();
    for (Direction d : Direction.values()) {
      for (RuleLine l : vpc.lines(d)) {
        (l.platformDefault() ? implied : own).add(l);
      }
    }
    RuleSet vpcOwn =
        st.splitVpc
            .computeIfAbsent(
                k,
                x ->
                    new RuleSet[] {
                      new RuleSet(
                          vpc.id(),
                          vpc.name(),
                          Provider.GCP,
                          "firewall",
                          own,
                          vpc.source(),
                          vpc.address()),
                      new RuleSet(
                          vpc.id() + "#implied",
                          vpc.name() + " (implied)",
                          Provider.GCP,
                          "firewall",
                          implied,
                          vpc.source(),
                          vpc.address())
                    })[0];
    RuleSet impliedSet = st.splitVpc.get(k)[1];
    List<RuleSet> chain = new ArrayList<>(hier);
    boolean before = "BEFORE_CLASSIC_FIREWALL".equalsIgnoreCase(order.get(k));
    if (!before && !own.isEmpty()) {
      chain.add(vpcOwn);
    }
    chain.addAll(global);
    chain.addAll(regional);
    if (before && !own.isEmpty()) {
      chain.add(vpcOwn);
    }
    chain.add(impliedSet);
    Layer layer = new Layer("firewall", Layer.Evaluation.FIRST_MATCH, chain, false, false, null);
    st.layers.put(ck, layer);
    return layer;
  }

  private static void rule(Doc d, String net, List<RuleLine> out, Inventory inv) {
    JsonNode r = d.node();
    String name = J.text(r, "name");
    if (name == null || name.isBlank()) {
      throw new UserInputException(d.ref(".name"), "expected the firewall rule's name");
    }
    if (Boolean.parseBoolean(J.text(r, "disabled"))) {
      return;
    }
    Set<String> unk = new HashSet<>(J.texts(r, "__unknown"));
    Direction dir;
    try {
      dir = Direction.parse(J.text(r, "direction") == null ? "INGRESS" : J.text(r, "direction"));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(
          d.ref(".direction"), "expected INGRESS or EGRESS, got '" + J.text(r, "direction") + "'");
    }
    long prio = J.get(r, "priority") == null ? 1000 : J.get(r, "priority").asLong(1000);
    List<String> srcRanges = J.texts(r, "sourceRanges");
    List<String> dstRanges = J.texts(r, "destinationRanges");
    List<String> srcTags = J.texts(r, "sourceTags");
    List<String> srcSas = J.texts(r, "sourceServiceAccounts");
    Set<String> selectors = new LinkedHashSet<>();
    for (String t : J.texts(r, "targetTags")) {
      selectors.add("tag:" + t);
    }
    for (String t : J.texts(r, "targetServiceAccounts")) {
      selectors.add("sa:" + t);
    }
    AddressSet remote = AddressSet.EMPTY;
    List<String> written = new ArrayList<>();
    AddressSet local = AddressSet.ALL;
    boolean unknown = !unk.isEmpty();
    if (dir == Direction.INBOUND) {
      for (String s : srcRanges) {
        remote = remote.union(parse(s, d.ref(".sourceRanges")));
        written.add(s);
      }
      for (String t : srcTags) {
        remote = remote.union(AddressSet.symbol("gcptag:" + t));
        written.add("tag:" + t);
      }
      for (String t : srcSas) {
        remote = remote.union(AddressSet.symbol("gcpsa:" + t));
        written.add("sa:" + t);
      }
      if (written.isEmpty()) {
        remote = unk.contains("sourceRanges") ? AddressSet.ALL : AddressSet.ALL_V4;
        written.add(unk.contains("sourceRanges") ? "(known after apply)" : "0.0.0.0/0 (default)");
      }
      if (!dstRanges.isEmpty()) {
        local = AddressSet.EMPTY;
        for (String s : dstRanges) {
          local = local.union(parse(s, d.ref(".destinationRanges")));
        }
      }
    } else {
      for (String s : dstRanges) {
        remote = remote.union(parse(s, d.ref(".destinationRanges")));
        written.add(s);
      }
      if (written.isEmpty()) {
        remote = AddressSet.ALL_V4;
        written.add("0.0.0.0/0 (default)");
      }
      if (!srcRanges.isEmpty()) {
        local = AddressSet.EMPTY;
        for (String s : srcRanges) {
          local = local.union(parse(s, d.ref(".sourceRanges")));
        }
      }
    }
    boolean any = false;
    for (String field : new String[] {"allowed", "denied"}) {
      int i = 0;
      for (JsonNode a : J.arr(r, field)) {
        any = true;
        String proto = J.text(a, "IPProtocol");
        Set<Protocol> ps = Protocol.parseVendor(proto == null ? "all" : proto);
        PortSet ports = PortSet.EMPTY;
        List<String> pl = J.texts(a, "ports");
        if (pl.isEmpty()) {
          ports = PortSet.ALL;
        }
        for (String p : pl) {
          try {
            ports = ports.union(J.ports(p));
          } catch (IllegalArgumentException e) {
            throw new UserInputException(d.ref("." + field + "[" + i + "].ports"), e.getMessage());
          }
        }
        out.add(
            new RuleLine(
                net,
                net,
                name,
                prio,
                field.equals("allowed"),
                dir,
                ps,
                remote,
                ports,
                local,
                selectors,
                false,
                written,
                unknown,
                false,
                d.ref("." + field + "[" + i + "]")));
        i++;
      }
    }
    if (!any) {
      inv.warnings.add(
          "rule-without-action",
          "firewall rule " + name + " has neither allowed nor denied entries: ignored",
          d.ref());
    }
  }

  private static AddressSet parse(String s, SourceRef ref) {
    AddressSet a = AddressSet.tryParse(s);
    if (a == null) {
      throw new UserInputException(ref, "expected a CIDR, got '" + s + "'");
    }
    return a;
  }
}
