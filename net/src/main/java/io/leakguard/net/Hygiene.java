package io.leakguard.net;

import io.leakguard.core.Severity;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Hygiene checks over one rule set: shadowed rules, rules that never match, broad sources. */
final class Hygiene {
  private Hygiene() {}

  private static final BigInteger SLASH8 = BigInteger.ONE.shiftLeft(24);

  static void check(RuleSet rs, Policy policy, List<Finding> out) {
    boolean ordered = !rs.kind().equals("security-group");
    for (Direction d : Direction.values()) {
      List<RuleLine> lines = rs.lines(d);
      for (int i = 0; i < lines.size(); i++) {
        RuleLine r = lines.get(i);
        if (r.platformDefault()) {
          continue;
        }
        if (ordered) {
          List<RuleLine> by = shadowers(lines.subList(0, i), r);
          if (by != null) {
            boolean conflict = by.stream().anyMatch(b -> b.allow() != r.allow());
            Severity sev = conflict && !r.allow() ? Severity.MEDIUM : Severity.LOW;
            StringBuilder names = new StringBuilder();
            for (RuleLine b : by) {
              names.append(names.length() == 0 ? "" : ", ").append(b.name());
            }
            out.add(
                ruleFinding(
                    Checks.SHADOWED,
                    policy,
                    sev,
                    rs,
                    r,
                    "Rule "
                        + r.name()
                        + " ("
                        + r.action()
                        + ") never decides: earlier rule(s) "
                        + names
                        + " match all its traffic",
                    by));
          }
        }
        if (rs.provider() == Provider.AZURE
            && !r.local().hasNoAddresses()
            && r.local().symbols().isEmpty()
            && r.localSelectors().isEmpty()
            && onlyPublic(r.local())) {
          out.add(
              ruleFinding(
                  Checks.UNMATCHABLE,
                  policy,
                  null,
                  rs,
                  r,
                  "Rule "
                      + r.name()
                      + " can never match: its "
                      + (d == Direction.INBOUND ? "destination" : "source")
                      + " is a public address, and NSGs see private addresses",
                  List.of()));
        }
        if (r.allow() && d == Direction.INBOUND) {
          if (broadPrivateOnly(r.remote(), rs.provider())) {
            out.add(
                ruleFinding(
                    Checks.BROAD_PRIVATE,
                    policy,
                    null,
                    rs,
                    r,
                    "Rule "
                        + r.name()
                        + " allows a very broad private source ("
                        + String.join(", ", r.remoteAsWritten())
                        + ")",
                    List.of()));
          }
          Set<String> tags = new TreeSet<>();
          for (String s : r.remote().symbols()) {
            if (s.startsWith("servicetag:")) {
              tags.add(s.substring("servicetag:".length()));
            }
          }
          if (!tags.isEmpty()) {
            out.add(
                ruleFinding(
                    Checks.BROAD_TAG,
                    policy,
                    null,
                    rs,
                    r,
                    "Rule " + r.name() + " allows the broad service tag(s) " + tags,
                    List.of()));
          }
        }
      }
    }
  }

  /** True when every address of the set is public (memoised on the immutable set). */
  private static boolean onlyPublic(AddressSet a) {
    byte m = a.onlyPublic;
    if (m == 0) {
      m = a.subtract(Internet.PUBLIC).hasNoAddresses() ? (byte) 2 : (byte) 1;
      a.onlyPublic = m;
    }
    return m == 2;
  }

  /**
   * True when the set covers at least a /8 of private IPv4 space and no public address of the
   * provider (memoised on the immutable set, per provider).
   */
  private static boolean broadPrivateOnly(AddressSet a, Provider p) {
    int shift = 2 * p.ordinal();
    int m = (a.broadPrivate >> shift) & 3;
    if (m == 0) {
      boolean b =
          a.intersect(Internet.PRIVATE).size(false).compareTo(SLASH8) >= 0
              && a.intersect(Internet.publicFor(p)).hasNoAddresses();
      m = b ? 2 : 1;
      synchronized (a) {
        a.broadPrivate = (byte) (a.broadPrivate | (m << shift));
      }
    }
    return m == 2;
  }

  /** Earlier lines that together match all of r's traffic, or null when r can still decide. */
  static List<RuleLine> shadowers(List<RuleLine> earlier, RuleLine r) {
    if (r.remote().hasNoAddresses() || r.ports().isEmpty()) {
      return null;
    }
    List<RuleLine> used = new ArrayList<>();
    for (Protocol p : Protocol.values()) {
      if (!r.protocols().contains(p)) {
        continue; // enum order: the protocols set's own iteration order varies between runs
      }
      List<RuleLine> cand = new ArrayList<>();
      for (RuleLine e : earlier) {
        if (!e.matches(p)
            || !e.portsFor(p).intersects(r.portsFor(p))
            || !e.remote().intersects(r.remote())) {
          continue;
        }
        if (!e.allow() && e.sourcePortsRestricted()
            || e.sourcePortsRestricted() && !r.sourcePortsRestricted()) {
          continue;
        }
        if (!e.local().containsAll(r.local())) {
          continue;
        }
        if (!e.localSelectors().isEmpty() && !e.localSelectors().containsAll(r.localSelectors())) {
          continue;
        }
        if (!e.localSelectors().isEmpty() && r.localSelectors().isEmpty()) {
          continue;
        }
        cand.add(e);
      }
      if (cand.isEmpty()) {
        return null;
      }
      // necessary conditions first (cheap): the candidates' ports and addresses must each cover
      // the rule's, or some of its traffic is left for it to decide
      PortSet ports = PortSet.EMPTY;
      for (RuleLine c : cand) {
        ports = ports.union(c.portsFor(p));
      }
      if (!ports.containsAll(r.portsFor(p))) {
        return null;
      }
      // one candidate covering all the rule's addresses and ports decides it (the union region
      // below then contains the rule's region); the exact union test only for the other rules
      boolean one = false;
      for (RuleLine c : cand) {
        if (c.portsFor(p).containsAll(r.portsFor(p)) && c.remote().containsAll(r.remote())) {
          one = true;
          break;
        }
      }
      if (!one && !covered(cand, r, p)) {
        return null;
      }
      for (RuleLine c : cand) {
        if (!used.contains(c)) {
          used.add(c);
        }
      }
    }
    return used;
  }

  /** True when the union of the candidates' traffic contains all of r's (addresses × ports). */
  static boolean covered(List<RuleLine> cand, RuleLine r, Protocol p) {
    Region cover = Reachability.evaluate(Layer.Evaluation.ANY_ALLOW, cand, p, true);
    Region.Builder nb = new Region.Builder();
    for (int i = 0; i < r.remote().intervalCount(); i++) {
      nb.add(r.remote().lo(i), r.remote().hi(i), r.portsFor(p));
    }
    Region need = nb.build();
    return sameRegion(need.intersect(cover), need);
  }

  private static boolean sameRegion(Region a, Region b) {
    return a.los.equals(b.los) && a.his.equals(b.his) && a.ports.equals(b.ports);
  }

  private static Finding ruleFinding(
      String check,
      Policy policy,
      Severity sev,
      RuleSet rs,
      RuleLine r,
      String title,
      List<RuleLine> by) {
    Severity s = policy.severities().getOrDefault(check, sev == null ? Checks.base(check) : sev);
    String proto =
        r.protocols().size() == Protocol.values().length
            ? "any"
            : r.protocols().size() == 1
                ? r.protocols().iterator().next().word()
                : joinProtocols(r.protocols());
    List<String> ports = r.ports().toStrings();
    String id =
        NetAudit.id(
            check,
            rs.provider(),
            rs.id() + "#" + r.direction().word() + "/" + r.name(),
            r.direction(),
            proto,
            String.join(",", ports));
    List<Finding.PathStep> path = new ArrayList<>();
    for (RuleLine b : by) {
      path.add(stepOf(rs, b));
    }
    path.add(stepOf(rs, r));
    return new Finding(
        id,
        check,
        s,
        title,
        rs.id(),
        rs.name(),
        rs.provider(),
        null,
        r.direction(),
        proto,
        ports,
        r.remote().toCidrs(),
        r.remoteAsWritten(),
        Internet.internetWide(r.remote()),
        false,
        r.unknown(),
        path,
        null,
        r.source() == null ? null : r.source().file(),
        r.source() == null ? null : r.source().jsonPath(),
        rs.address());
  }

  private static String joinProtocols(Set<Protocol> ps) {
    List<String> w = new ArrayList<>();
    for (Protocol p : Protocol.values()) {
      if (ps.contains(p)) {
        w.add(p.word());
      }
    }
    return String.join("+", w);
  }

  private static Finding.PathStep stepOf(RuleSet rs, RuleLine l) {
    return new Finding.PathStep(
        rs.kind(),
        rs.name(),
        rs.id(),
        l.name(),
        l.priority() < 0 ? null : l.priority(),
        l.action(),
        l.source() == null ? null : l.source().file(),
        l.source() == null ? null : l.source().jsonPath());
  }
}
