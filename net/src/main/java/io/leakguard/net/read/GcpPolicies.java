package io.leakguard.net.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakguard.core.SourceRef;
import io.leakguard.core.UserInputException;
import io.leakguard.net.AddressSet;
import io.leakguard.net.Direction;
import io.leakguard.net.PortSet;
import io.leakguard.net.Protocol;
import io.leakguard.net.Provider;
import io.leakguard.net.RuleLine;
import io.leakguard.net.RuleSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GCP firewall policies: hierarchical policies (organization / folder), global and regional network
 * firewall policies, as {@code gcloud compute firewall-policies describe|list}, {@code gcloud
 * compute network-firewall-policies describe|list} and {@code gcloud compute networks
 * get-effective-firewalls --format=json} print them.
 *
 * <p>Evaluation, as the GCP documentation gives it: hierarchical policies first (organization, then
 * folders), then, with the network's default enforcement order {@code AFTER_CLASSIC_FIREWALL}, the
 * VPC firewall rules, the global network firewall policy and the regional one; with {@code
 * BEFORE_CLASSIC_FIREWALL} the network policies come before the VPC rules. Inside a policy, rules
 * go by priority; {@code allow} and {@code deny} end the evaluation, {@code goto_next} hands the
 * packet to the next level; the implied VPC rules come last. The converter flattens all of that
 * into one first-match layer: each policy is a rule set, in evaluation order, and
 *
 * <ul>
 *   <li>a {@code goto_next} rule becomes no line; a later {@code deny} of the same policy is cut
 *       down to the packets the {@code goto_next} does not match (exact when the {@code goto_next}
 *       matches on addresses, protocols and ports only; otherwise the deny is dropped, with a
 *       warning: over-reporting rather than hiding an exposure). A later {@code allow} is kept as
 *       is (it may over-report packets that the next level would have denied);
 *   <li>{@code apply_security_profile_group} counts as allow (the inspection may still drop);
 *   <li>values the export cannot resolve ({@code targetSecureTags}: the instance list does not
 *       carry secure tags; {@code srcFqdns}, {@code srcAddressGroups}, {@code srcRegionCodes},
 *       {@code srcThreatIntelligences}) make an allow rule unknown (matching every target and
 *       source) and are ignored in a deny rule; both with a warning.
 * </ul>
 *
 * <p>Known limits: a hierarchical policy is assumed to apply to every GCP network of the input (the
 * export does not say which projects sit under the organization or folder), with a warning; {@code
 * targetResources} of a hierarchical rule restricts it to those networks.
 *
 * <p>Example: {@code {"kind": "compute#firewallPolicy", "name": "prod-fw", "associations":
 * [{"attachmentTarget": ".../global/networks/prod"}], "rules": [{"priority": 1000, "action":
 * "allow", "direction": "INGRESS", "match": {"srcIpRanges": ["0.0.0.0/0"], "layer4Configs":
 * [{"ipProtocol": "tcp", "ports": ["22"]}]}}]}} adds an allow line for TCP 22 to network {@code
 * prod}, after its VPC firewall rules.
 */
final class GcpPolicies {
  private GcpPolicies() {}

  /** Policy levels in evaluation order (the VPC rules sit between hierarchy and network). */
  enum Level {
    HIERARCHY,
    NETWORK,
    NETWORK_REGIONAL
  }

  /**
   * One policy as read.
   *
   * @param networks network keys of its associations; empty with {@code allNetworks} for a
   *     hierarchical policy (or an effective-firewalls entry without network)
   */
  record Policy(
      Doc doc,
      Level level,
      String id,
      String name,
      String region,
      List<String> networks,
      boolean allNetworks) {}

  /** Reads the policies of the inventory (warns about those attached to nothing). */
  static List<Policy> collect(Inventory inv) {
    List<Policy> out = new ArrayList<>();
    for (Doc d : inv.gcpPolicies) {
      JsonNode p = d.node();
      String self = J.text(p, "selfLink");
      String name =
          first(J.text(p, "shortName"), J.text(p, "displayName"), J.text(p, "name"), "(policy)");
      String id = self != null ? self : J.text(p, "name") != null ? J.text(p, "name") : name;
      String type = J.text(p, "type");
      String parent = J.text(p, "parent");
      String region = J.text(p, "region");
      Level level;
      if (type != null) {
        String t = type.toUpperCase(Locale.ROOT);
        level =
            t.equals("HIERARCHY")
                ? Level.HIERARCHY
                : t.endsWith("REGIONAL") ? Level.NETWORK_REGIONAL : Level.NETWORK;
      } else if (parent != null
          || (self != null && self.contains("/locations/global/firewallPolicies/"))) {
        level = Level.HIERARCHY;
      } else if ((region != null && !region.isBlank())
          || (self != null && self.contains("/regions/"))) {
        level = Level.NETWORK_REGIONAL;
      } else {
        level = Level.NETWORK;
      }
      if (region == null && self != null && self.contains("/regions/")) {
        region = self;
      }
      region = region == null ? null : lastSegment(region);
      String hint = inv.gcpPolicyNetwork.get(p);
      List<String> nets = new ArrayList<>();
      boolean all = false;
      if (hint != null) {
        nets.add(hint);
      } else if (J.get(p, "associations") == null && inv.gcpPolicyNetwork.containsKey(p)) {
        all = true; // effective firewalls without a network named in the same output
      } else {
        for (JsonNode a : J.arr(p, "associations")) {
          String t = J.text(a, "attachmentTarget");
          if (t == null) {
            continue;
          }
          if (t.contains("/global/networks/")) {
            nets.add(GcpConverter.network(t));
          } else {
            all = true; // organizations/… or folders/…
          }
        }
      }
      if (nets.isEmpty() && !all) {
        inv.warnings.add(
            "gcp-policy-unattached",
            "firewall policy "
                + name
                + " has no association with a network, folder or organization in the input: not applied",
            d.ref());
        continue;
      }
      if (all && level == Level.HIERARCHY && hint == null) {
        inv.warnings.add(
            "gcp-policy-assumed",
            "hierarchical firewall policy "
                + name
                + " is attached to an organization or folder: assumed to apply to every GCP network in the input",
            d.ref());
      }
      // every rule is checked now, also those of a policy whose network is not in the input
      // (and its warnings given once, whatever the number of networks it applies to)
      if (J.get(p, "rules") == null) {
        inv.warnings.add(
            "gcp-policy-without-rules",
            "firewall policy "
                + name
                + " has no rules in the export (export it with describe): counted as allowing everything (unknown)",
            d.ref());
      }
      int i = 0;
      for (JsonNode r : J.arr(p, "rules")) {
        rule(name, r, d.ref(".rules[" + i++ + "]"), null, inv);
      }
      out.add(new Policy(d, level, id, name, region, nets, all));
    }
    return out;
  }

  /**
   * {@code gcloud compute networks get-effective-firewalls NETWORK --format=json}: {@code
   * {"firewalls": [VPC rules], "firewallPolicys": [policies with type HIERARCHY, NETWORK,
   * NETWORK_REGIONAL]}}, every policy applying to the network of the VPC rules.
   */
  static void readEffective(JsonNode root, String file, Inventory inv) {
    String net = null;
    int i = 0;
    for (JsonNode f : root.path("firewalls")) {
      inv.gcpFirewalls.add(new Doc(f, file, "$.firewalls[" + i++ + "]"));
      if (net == null && J.text(f, "network") != null) {
        net = GcpConverter.network(J.text(f, "network"));
      }
    }
    i = 0;
    for (JsonNode p : root.path("firewallPolicys")) {
      if (!p.isObject()) {
        throw new UserInputException(
            file + ": $.firewallPolicys[" + i + "]: expected a firewall policy object");
      }
      inv.gcpPolicies.add(new Doc(p, file, "$.firewallPolicys[" + i++ + "]"));
      inv.gcpPolicyNetwork.put(p, net);
    }
  }

  private static String first(String... xs) {
    for (String x : xs) {
      if (x != null && !x.isBlank()) {
        return x;
      }
    }
    return null;
  }

  static String lastSegment(String url) {
    int i = url.lastIndexOf('/');
    return i >= 0 ? url.substring(i + 1) : url;
  }

  /** A parsed rule: its matching box(es) before flattening. */
  private record Rule(
      long priority,
      String name,
      String action,
      Direction dir,
      List<Set<Protocol>> protos,
      List<PortSet> ports,
      AddressSet remote,
      AddressSet local,
      Set<String> selectors,
      List<String> written,
      boolean unknown,
      boolean exact,
      SourceRef ref) {}

  /**
   * The rule set of one policy for one network ({@code netKey} as the converter keys networks), or
   * null when none of its rules applies there.
   */
  static RuleSet ruleSet(Policy p, String netKey, Inventory inv) {
    JsonNode node = p.doc().node();
    List<Rule> rules = new ArrayList<>();
    int i = 0;
    for (JsonNode r : J.arr(node, "rules")) {
      Rule x = rule(p.name(), r, p.doc().ref(".rules[" + i + "]"), netKey, new Inventory());
      if (x != null) {
        rules.add(x);
      }
      i++;
    }
    if (J.get(node, "rules") == null) {
      // a list output without the rules: what the policy does is not known (warned in collect)
      List<RuleLine> any = new ArrayList<>();
      for (Direction dir : Direction.values()) {
        any.add(
            new RuleLine(
                p.id(),
                p.name(),
                "(rules not exported)",
                0,
                true,
                dir,
                Protocol.ANY,
                AddressSet.ALL,
                PortSet.ALL,
                AddressSet.ALL,
                Set.of(),
                false,
                List.of("(rules not exported)"),
                true,
                false,
                p.doc().ref()));
      }
      return new RuleSet(
          p.id(), p.name(), Provider.GCP, "firewall", any, p.doc().ref(), p.doc().address());
    }
    rules.sort((a, b) -> Long.compare(a.priority(), b.priority()));
    List<RuleLine> lines = new ArrayList<>();
    for (Direction dir : Direction.values()) {
      List<Rule> gotos = new ArrayList<>();
      for (Rule r : rules) {
        if (r.dir() != dir) {
          continue;
        }
        if (r.action().equals("goto_next")) {
          gotos.add(r);
          continue;
        }
        boolean allow = !r.action().equals("deny");
        // the rule's boxes: one per layer4 config
        List<Box> boxes = new ArrayList<>();
        for (int k = 0; k < r.protos().size(); k++) {
          boxes.add(new Box(r.protos().get(k), r.ports().get(k), r.remote(), r.local()));
        }
        if (!allow) {
          boolean dropped = false;
          for (Rule g : gotos) {
            if (!g.exact() || !g.selectors().isEmpty()) {
              dropped = true;
              break;
            }
            for (int k = 0; k < g.protos().size(); k++) {
              boxes = minus(boxes, g.protos().get(k), g.ports().get(k), g.remote(), g.local());
            }
          }
          if (dropped) {
            inv.warnings.add(
                "gcp-policy-goto-next",
                "firewall policy "
                    + p.name()
                    + ": deny rule "
                    + r.name()
                    + " follows a goto_next rule that cannot be subtracted exactly: the deny is ignored",
                r.ref());
            continue;
          }
        }
        for (Box b : boxes) {
          if (b.protos().isEmpty() || b.ports().isEmpty() || b.remote().isEmpty()) {
            continue;
          }
          lines.add(
              new RuleLine(
                  p.id(),
                  p.name(),
                  r.name(),
                  r.priority(),
                  allow,
                  dir,
                  b.protos(),
                  b.remote(),
                  b.ports(),
                  b.local(),
                  r.selectors(),
                  false,
                  r.written(),
                  r.unknown(),
                  false,
                  r.ref()));
        }
      }
    }
    if (lines.isEmpty()) {
      return null;
    }
    return new RuleSet(
        p.id(), p.name(), Provider.GCP, "firewall", lines, p.doc().ref(), p.doc().address());
  }

  private record Box(Set<Protocol> protos, PortSet ports, AddressSet remote, AddressSet local) {}

  /** The boxes minus one goto_next box: {@code ¬G = remote∉R ∨ local∉L ∨ proto∉P ∨ port∉Q}. */
  private static List<Box> minus(
      List<Box> in, Set<Protocol> gp, PortSet gq, AddressSet gr, AddressSet gl) {
    List<Box> out = new ArrayList<>();
    for (Box b : in) {
      out.add(new Box(b.protos(), b.ports(), b.remote().subtract(gr), b.local()));
      out.add(new Box(b.protos(), b.ports(), b.remote(), b.local().subtract(gl)));
      Set<Protocol> rest = EnumSet.noneOf(Protocol.class);
      Set<Protocol> both = EnumSet.noneOf(Protocol.class);
      for (Protocol x : b.protos()) {
        (gp.contains(x) ? both : rest).add(x);
      }
      out.add(new Box(rest, b.ports(), b.remote(), b.local()));
      Set<Protocol> ported = EnumSet.noneOf(Protocol.class);
      for (Protocol x : both) {
        if (x.hasPorts()) {
          ported.add(x);
        }
      }
      out.add(new Box(ported, b.ports().subtract(gq), b.remote(), b.local()));
    }
    out.removeIf(
        b ->
            b.protos().isEmpty()
                || b.ports().isEmpty()
                || b.remote().isEmpty()
                || b.local().isEmpty());
    return out;
  }

  private static final String[] UNRESOLVED_SRC = {
    "srcFqdns", "srcAddressGroups", "srcRegionCodes", "srcThreatIntelligences", "srcNetworks"
  };
  private static final String[] UNRESOLVED_DEST = {
    "destFqdns", "destAddressGroups", "destRegionCodes", "destThreatIntelligences"
  };

  private static Rule rule(String policy, JsonNode r, SourceRef ref, String netKey, Inventory inv) {
    if (Boolean.parseBoolean(J.text(r, "disabled"))) {
      return null;
    }
    List<String> targets = J.texts(r, "targetResources");
    if (!targets.isEmpty() && netKey != null) {
      boolean here = false;
      for (String t : targets) {
        String k = GcpConverter.network(t);
        here |= k.equals(netKey) || k.endsWith("/" + netKey) || netKey.endsWith("/" + k);
      }
      if (!here) {
        return null;
      }
    }
    JsonNode prioNode = J.get(r, "priority");
    if (prioNode == null || !prioNode.canConvertToLong()) {
      if (prioNode == null || !prioNode.isTextual() || !prioNode.asText().matches("[0-9]{1,10}")) {
        throw new UserInputException(sub(ref, ".priority"), "expected the rule's priority");
      }
    }
    long prio = prioNode.asLong();
    String action = J.lower(J.text(r, "action"));
    if (action == null) {
      throw new UserInputException(
          sub(ref, ".action"), "expected allow, deny, goto_next or apply_security_profile_group");
    }
    action = action.replace('-', '_');
    if (!action.equals("allow")
        && !action.equals("deny")
        && !action.equals("goto_next")
        && !action.equals("apply_security_profile_group")) {
      throw new UserInputException(
          sub(ref, ".action"),
          "expected allow, deny, goto_next or apply_security_profile_group, got '" + action + "'");
    }
    boolean allow = !action.equals("deny") && !action.equals("goto_next");
    Direction dir;
    try {
      dir = Direction.parse(J.text(r, "direction") == null ? "INGRESS" : J.text(r, "direction"));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(
          sub(ref, ".direction"),
          "expected INGRESS or EGRESS, got '" + J.text(r, "direction") + "'");
    }
    String name = first(J.text(r, "ruleName"), "priority-" + prio);
    JsonNode m = J.get(r, "match");
    if (m == null) {
      throw new UserInputException(sub(ref, ".match"), "expected the rule's match");
    }
    boolean in = dir == Direction.INBOUND;
    List<String> remoteRanges = J.texts(m, in ? "srcIpRanges" : "destIpRanges");
    List<String> localRanges = J.texts(m, in ? "destIpRanges" : "srcIpRanges");
    AddressSet remote = AddressSet.EMPTY;
    List<String> written = new ArrayList<>();
    String field = in ? ".match.srcIpRanges" : ".match.destIpRanges";
    for (String s : remoteRanges) {
      remote = remote.union(parse(s, sub(ref, field)));
      written.add(s);
    }
    if (in) {
      for (JsonNode t : J.arr(m, "srcSecureTags")) {
        String tag = J.text(t, "name");
        if (tag != null && !"INEFFECTIVE".equalsIgnoreCase(J.text(t, "state"))) {
          remote = remote.union(AddressSet.symbol("gcpsecuretag:" + tag));
          written.add("secure-tag:" + tag);
        }
      }
    }
    List<String> unresolved = new ArrayList<>();
    for (String f : in ? UNRESOLVED_SRC : UNRESOLVED_DEST) {
      if (!J.texts(m, f).isEmpty()) {
        unresolved.add(f);
      }
    }
    boolean unknown = false;
    boolean exact = unresolved.isEmpty();
    if (!unresolved.isEmpty()) {
      if (allow) {
        unknown = true;
        remote = AddressSet.ALL;
        written.add("(" + String.join(", ", unresolved) + ": not resolved)");
      }
      inv.warnings.add(
          "gcp-policy-unresolved",
          "firewall policy "
              + policy
              + " rule "
              + name
              + ": "
              + String.join(", ", unresolved)
              + " cannot be resolved from the export: "
              + (allow ? "counted as any source (unknown)" : "ignored in this " + action + " rule"),
          ref);
    } else if (written.isEmpty()) {
      remote = AddressSet.ALL;
      written.add("(any)");
    }
    AddressSet local = AddressSet.ALL;
    if (!localRanges.isEmpty()) {
      local = AddressSet.EMPTY;
      String lf = in ? ".match.destIpRanges" : ".match.srcIpRanges";
      for (String s : localRanges) {
        local = local.union(parse(s, sub(ref, lf)));
      }
    }
    Set<String> selectors = new LinkedHashSet<>();
    for (String sa : J.texts(r, "targetServiceAccounts")) {
      selectors.add("sa:" + sa);
    }
    List<String> secureTags = new ArrayList<>();
    for (JsonNode t : J.arr(r, "targetSecureTags")) {
      String tag = J.text(t, "name");
      if (tag != null && !"INEFFECTIVE".equalsIgnoreCase(J.text(t, "state"))) {
        secureTags.add(tag);
      }
    }
    if (!secureTags.isEmpty()) {
      exact = false; // a goto_next on secure tags cannot be subtracted from later denies
      String missing =
          "firewall policy "
              + policy
              + " rule "
              + name
              + ": targetSecureTags "
              + secureTags
              + " are not in the instance export: ";
      if (action.equals("deny")) {
        inv.warnings.add("gcp-policy-secure-tags", missing + "this deny rule is ignored", ref);
        return null;
      }
      if (allow) {
        unknown = true;
        selectors.clear();
        inv.warnings.add(
            "gcp-policy-secure-tags",
            missing + "counted as applying to every instance (unknown)",
            ref);
      }
    }
    List<Set<Protocol>> protos = new ArrayList<>();
    List<PortSet> ports = new ArrayList<>();
    int k = 0;
    for (JsonNode l4 : J.arr(m, "layer4Configs")) {
      String proto = J.text(l4, "ipProtocol");
      protos.add(Protocol.parseVendor(proto == null ? "all" : proto));
      PortSet ps = PortSet.EMPTY;
      List<String> pl = J.texts(l4, "ports");
      for (String s : pl) {
        try {
          ps = ps.union(J.ports(s));
        } catch (IllegalArgumentException e) {
          throw new UserInputException(
              sub(ref, ".match.layer4Configs[" + k + "].ports"), e.getMessage());
        }
      }
      ports.add(pl.isEmpty() ? PortSet.ALL : ps);
      k++;
    }
    if (protos.isEmpty()) {
      protos.add(Protocol.ANY);
      ports.add(PortSet.ALL);
    }
    return new Rule(
        prio, name, action, dir, protos, ports, remote, local, selectors, written, unknown, exact,
        ref);
  }

  private static SourceRef sub(SourceRef ref, String suffix) {
    return SourceRef.ofPath(ref.file(), ref.jsonPath() + suffix);
  }

  private static AddressSet parse(String s, SourceRef ref) {
    AddressSet a = AddressSet.tryParse(s);
    if (a == null) {
      throw new UserInputException(ref, "expected a CIDR, got '" + s + "'");
    }
    return a;
  }
}
