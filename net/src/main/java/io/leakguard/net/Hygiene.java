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
    NetAudit.RuleSetIds ids = new NetAudit.RuleSetIds(rs);
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
                    ids,
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
                  ids,
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
                    ids,
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
                    ids,
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

  /**
   * True when the union of the candidates' traffic contains all of r's (addresses × ports), for the
   * address intervals (symbols count for nothing).
   *
   * <p>How: r's ports are cut at every candidate port boundary; inside one piece the candidates
   * whose ports hold it are the same for every port, so it is enough that their address intervals
   * together cover r's, which one sweep over the sorted intervals tells. The union region over the
   * whole address space that this test used to build ({@code Reachability.evaluate} of the
   * candidates, intersected with r's region) cost ~3/4 of the hygiene checks of the 1x benchmark;
   * {@code HygieneShadowTest} checks that both give the same answer.
   */
  static boolean covered(List<RuleLine> cand, RuleLine r, Protocol p) {
    PortSet need = r.portsFor(p);
    AddressSet addrs = r.remote();
    if (need.isEmpty() || addrs.intervalCount() == 0) {
      return true;
    }
    // piece starts: the starts of r's port ranges and every candidate boundary inside them
    int size = need.rangeCount();
    for (RuleLine c : cand) {
      size += 2 * c.portsFor(p).rangeCount();
    }
    int[] starts = new int[size];
    int k = 0;
    for (int i = 0; i < need.rangeCount(); i++) {
      starts[k++] = need.lo(i);
    }
    for (RuleLine c : cand) {
      PortSet cp = c.portsFor(p);
      for (int i = 0; i < cp.rangeCount(); i++) {
        if (need.contains(cp.lo(i))) {
          starts[k++] = cp.lo(i);
        }
        if (cp.hi(i) < PortSet.MAX && need.contains(cp.hi(i) + 1)) {
          starts[k++] = cp.hi(i) + 1;
        }
      }
    }
    java.util.Arrays.sort(starts, 0, k);
    List<AddressSet> sets = new ArrayList<>(cand.size());
    for (int i = 0; i < k; i++) {
      if (i > 0 && starts[i] == starts[i - 1]) {
        continue;
      }
      int port = starts[i];
      sets.clear();
      boolean one = false;
      for (RuleLine c : cand) {
        if (c.portsFor(p).contains(port)) {
          if (c.remote().containsAllAddresses(addrs)) {
            one = true;
            break;
          }
          sets.add(c.remote());
        }
      }
      if (!one && !intervalsCover(sets, addrs)) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the address intervals of {@code sets} together cover every interval of {@code need}:
   * a point walks through each needed interval, jumping to the furthest end among the intervals
   * that hold it (one cursor per set, moving forward only).
   */
  private static boolean intervalsCover(List<AddressSet> sets, AddressSet need) {
    int[] cursor = new int[sets.size()];
    for (int j = 0; j < need.intervalCount(); j++) {
      BigInteger at = need.lo(j);
      BigInteger end = need.hi(j);
      while (true) {
        BigInteger reach = null;
        for (int s = 0; s < cursor.length; s++) {
          AddressSet a = sets.get(s);
          int i = cursor[s];
          while (i < a.intervalCount() && a.hi(i).compareTo(at) < 0) {
            i++;
          }
          cursor[s] = i;
          if (i < a.intervalCount()
              && a.lo(i).compareTo(at) <= 0
              && (reach == null || a.hi(i).compareTo(reach) > 0)) {
            reach = a.hi(i);
          }
        }
        if (reach == null) {
          return false;
        }
        if (reach.compareTo(end) >= 0) {
          break;
        }
        at = reach.add(BigInteger.ONE);
      }
    }
    return true;
  }

  private static Finding ruleFinding(
      String check,
      NetAudit.RuleSetIds ids,
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
    String id = ids.id(check, r, proto, String.join(",", ports));
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
