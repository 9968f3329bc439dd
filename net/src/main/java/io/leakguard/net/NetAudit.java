package io.leakguard.net;

import io.leakguard.core.Severity;
import io.leakguard.core.Warning;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The audit engine: runs exact reachability for every target and the hygiene checks for every rule
 * set, then applies the policy.
 *
 * <p>Example: {@code AuditReport r = NetAudit.audit(ExportReader.read(paths), Policy.defaults(),
 * LocalDate.now());}
 *
 * <p>Known limits: outbound exposure is computed (see {@link #check}) but not reported as findings;
 * protocols other than TCP, UDP and ICMP are not reported.
 */
public final class NetAudit {
  private NetAudit() {}

  public static AuditReport audit(NetModel model, Policy policy, LocalDate today) {
    Reachability reach = new Reachability();
    List<Finding> all = new ArrayList<>();
    for (Target t : model.targets()) {
      exposures(t, reach, policy, all);
    }
    for (RuleSet rs : model.ruleSets()) {
      Hygiene.check(rs, policy, all);
    }
    List<Warning> warnings = new ArrayList<>(model.warnings());
    List<Finding> kept = new ArrayList<>();
    List<Finding> suppressed = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Finding f : all) {
      if (!seen.add(f.id())) {
        continue;
      }
      Policy.Suppression hit = null;
      for (Policy.Suppression s : policy.suppressions()) {
        if (s.matches(f)) {
          if (s.expires().isBefore(today)) {
            warnings.add(
                new Warning(
                    "suppression-expired",
                    "suppression for "
                        + (s.id() != null ? s.id() : s.check() + "/" + s.target())
                        + " expired on "
                        + s.expires(),
                    null));
          } else {
            hit = s;
            break;
          }
        }
      }
      (hit == null ? kept : suppressed).add(f);
    }
    Comparator<Finding> order =
        Comparator.comparing((Finding f) -> -f.severity().ordinal())
            .thenComparing(Finding::check)
            .thenComparing(Finding::targetName, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::targetId)
            .thenComparing(f -> f.direction().ordinal())
            .thenComparing(Finding::protocol)
            .thenComparing(f -> firstPort(f.ports()));
    kept.sort(order);
    suppressed.sort(order);
    return new AuditReport(kept, dedupe(warnings), suppressed);
  }

  private static List<Warning> dedupe(List<Warning> ws) {
    return List.copyOf(new LinkedHashSet<>(ws));
  }

  private static int firstPort(List<String> ports) {
    if (ports.isEmpty()) {
      return -1;
    }
    String p = ports.get(0);
    int d = p.indexOf('-');
    return Integer.parseInt(d < 0 ? p : p.substring(0, d));
  }

  private static void exposures(Target t, Reachability reach, Policy policy, List<Finding> out) {
    AddressSet pub = Internet.publicFor(t.provider());
    boolean internal = policy.isInternal(t.tags());
    for (Protocol p : new Protocol[] {Protocol.TCP, Protocol.UDP, Protocol.ICMP}) {
      Reachability.Result res = reach.compute(t, Direction.INBOUND, p);
      Region r = res.region().restrict(pub);
      if (r.isEmpty()) {
        continue;
      }
      for (Segment seg : segments(r, p)) {
        if (!p.hasPorts()) {
          out.add(
              finding(
                  Checks.OPEN,
                  t,
                  p,
                  seg.lo,
                  seg.hi,
                  seg.sources,
                  unknown(res, seg.sources, seg.lo, seg.hi),
                  policy,
                  internal));
          continue;
        }
        if (seg.lo == 0 && seg.hi == PortSet.MAX) {
          out.add(
              finding(
                  Checks.ALL_PORTS,
                  t,
                  p,
                  0,
                  PortSet.MAX,
                  seg.sources,
                  unknown(res, seg.sources, 0, PortSet.MAX),
                  policy,
                  internal));
        }
        PortSet rest = PortSet.range(seg.lo, seg.hi);
        for (WatchedPort w : policy.watched()) {
          if (w.protocol() != p) {
            continue;
          }
          int lo = Math.max(seg.lo, w.lo());
          int hi = Math.min(seg.hi, w.hi());
          if (lo <= hi) {
            String check = w.isDatastore() ? Checks.DATASTORE : Checks.MANAGEMENT;
            out.add(
                finding(
                    check,
                    t,
                    p,
                    lo,
                    hi,
                    seg.sources,
                    unknown(res, seg.sources, lo, hi),
                    policy,
                    internal));
            rest = rest.subtract(PortSet.range(lo, hi));
          }
        }
        if (!(seg.lo == 0 && seg.hi == PortSet.MAX)) {
          for (int i = 0; i < rest.rangeCount(); i++) {
            out.add(
                finding(
                    Checks.OPEN,
                    t,
                    p,
                    rest.lo(i),
                    rest.hi(i),
                    seg.sources,
                    unknown(res, seg.sources, rest.lo(i), rest.hi(i)),
                    policy,
                    internal));
          }
        }
      }
    }
  }

  /** True when the exposure (sources × ports) is not entirely exposed by known values alone. */
  static boolean unknown(Reachability.Result res, AddressSet sources, int lo, int hi) {
    if (!res.unknown()) {
      return false;
    }
    Region kr = res.known().restrict(sources);
    PortSet need = PortSet.range(lo, hi);
    List<AddressSet> parts = new ArrayList<>();
    for (int i = 0; i < kr.los.size(); i++) {
      if (!kr.ports.get(i).containsAll(need)) {
        return true;
      }
      parts.add(AddressSet.range(kr.los.get(i), kr.his.get(i)));
    }
    return !AddressSet.unionAll(parts).containsAll(sources);
  }

  /** A contiguous port range with one exact source set. */
  record Segment(int lo, int hi, AddressSet sources) {}

  /** Splits the region's port space at every boundary and groups equal source sets. */
  static List<Segment> segments(Region r, Protocol p) {
    List<Segment> out = new ArrayList<>();
    if (!p.hasPorts()) {
      List<AddressSet> parts = new ArrayList<>();
      for (int i = 0; i < r.los.size(); i++) {
        parts.add(AddressSet.range(r.los.get(i), r.his.get(i)));
      }
      out.add(new Segment(0, PortSet.MAX, AddressSet.unionAll(parts)));
      return out;
    }
    TreeSet<Integer> cuts = new TreeSet<>();
    for (PortSet ps : r.ports) {
      for (int i = 0; i < ps.rangeCount(); i++) {
        cuts.add(ps.lo(i));
        cuts.add(ps.hi(i) + 1);
      }
    }
    Integer prev = null;
    for (Integer c : cuts) {
      if (prev != null) {
        List<AddressSet> parts = new ArrayList<>();
        for (int i = 0; i < r.los.size(); i++) {
          if (r.ports.get(i).contains(prev)) {
            parts.add(AddressSet.range(r.los.get(i), r.his.get(i)));
          }
        }
        if (!parts.isEmpty()) {
          AddressSet src = AddressSet.unionAll(parts);
          int n = out.size();
          if (n > 0 && out.get(n - 1).hi + 1 == prev && out.get(n - 1).sources.equals(src)) {
            out.set(n - 1, new Segment(out.get(n - 1).lo, c - 1, src));
          } else {
            out.add(new Segment(prev, c - 1, src));
          }
        }
      }
      prev = c;
    }
    return out;
  }

  private static Finding finding(
      String check,
      Target t,
      Protocol p,
      int lo,
      int hi,
      AddressSet sources,
      boolean unknown,
      Policy policy,
      boolean internal) {
    boolean wide = Internet.internetWide(sources);
    Severity sev = policy.severities().getOrDefault(check, Checks.base(check));
    if (!wide) {
      sev = Checks.shift(sev, -1);
    }
    if (!t.publicPath()) {
      sev = Checks.shift(sev, -1);
    }
    if (internal) {
      sev = Checks.shift(sev, +1);
    }
    BigInteger src = sources.lo(0);
    List<Reachability.Decision> trace = Reachability.trace(t, Direction.INBOUND, src, p, lo);
    List<Finding.PathStep> path = new ArrayList<>();
    Set<String> written = new LinkedHashSet<>();
    String file = t.source() == null ? null : t.source().file();
    String jsonPath = t.source() == null ? null : t.source().jsonPath();
    String address = t.address();
    boolean unk = unknown;
    for (Reachability.Decision d : trace) {
      path.add(step(d));
      if (d.rule() != null && d.rule().allow()) {
        written.addAll(d.rule().remoteAsWritten());
      }
    }
    // Locate the finding at the last allowing rule (the one a fix would change), else the target.
    for (Reachability.Decision d : trace) {
      if (d.rule() != null && d.rule().allow() && d.rule().source() != null) {
        file = d.rule().source().file();
        jsonPath = d.rule().source().jsonPath();
      }
    }
    String ports = lo == hi ? Integer.toString(lo) : lo + "-" + hi;
    String proto = p.word();
    String id = id(check, t.provider(), t.id(), Direction.INBOUND, proto, ports);
    String dst = t.privateIp() != null ? t.privateIp() : t.name();
    String title =
        Checks.title(check)
            + ": "
            + proto
            + "/"
            + ports
            + " on "
            + t.name()
            + (wide
                ? " from the whole internet"
                : " from " + sources.toCidrs().size() + " public range(s)")
            + (t.publicPath() ? "" : " (latent: no public path)");
    return new Finding(
        id,
        check,
        sev,
        title,
        t.id(),
        t.name(),
        t.provider(),
        t.privateIp(),
        Direction.INBOUND,
        proto,
        List.of(ports),
        sources.toCidrs(),
        new ArrayList<>(written),
        wide,
        t.publicPath(),
        unk,
        path,
        new Finding.Packet(AddressSet.formatAddress(src), dst, proto, lo),
        file,
        jsonPath,
        address);
  }

  static Finding.PathStep step(Reachability.Decision d) {
    RuleLine r = d.rule();
    String resource = r != null ? r.ruleSetName() : d.layer().resourceName();
    String resourceId =
        r != null
            ? r.ruleSetId()
            : d.layer().unknown()
                ? d.layer().unknownRef()
                : d.layer().ruleSets().isEmpty() ? null : d.layer().ruleSets().get(0).id();
    return new Finding.PathStep(
        d.role(),
        resource,
        resourceId,
        r == null ? null : r.name(),
        r == null || r.priority() < 0 ? null : r.priority(),
        d.decision(),
        r == null || r.source() == null ? null : r.source().file(),
        r == null || r.source() == null ? null : r.source().jsonPath());
  }

  /** The stable finding id: 16 hex digits of SHA-256 over the identifying fields. */
  public static String id(
      String check, Provider p, String resourceId, Direction d, String proto, String ports) {
    String key =
        String.join(
            "|",
            check,
            p.word(),
            resourceId.toLowerCase(java.util.Locale.ROOT),
            d.word(),
            proto,
            ports);
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The answer to one flow question. */
  public record FlowAnswer(String verdict, List<Finding.PathStep> layers, String target) {}

  /**
   * Answers one flow, like Azure's IP flow verify. {@code to} is a private IP or a target name /
   * id; {@code from} is the remote address for inbound, the target side is {@code to}. For
   * outbound, {@code from} names the target and {@code to} the remote address.
   *
   * @throws IllegalArgumentException when no target matches or an address does not parse
   */
  public static FlowAnswer check(
      NetModel m, String from, String to, Set<Protocol> protos, int port, Direction d) {
    String targetRef = d == Direction.INBOUND ? to : from;
    String remoteText = d == Direction.INBOUND ? from : to;
    Target t = findTarget(m, targetRef);
    if (t == null) {
      throw new IllegalArgumentException(
          "no target '"
              + targetRef
              + "' in the input (give a private IP, a name or a resource id)");
    }
    AddressSet remote = AddressSet.tryParse(remoteText);
    if (remote == null || remote.intervalCount() != 1 || !remote.lo(0).equals(remote.hi(0))) {
      throw new IllegalArgumentException("'" + remoteText + "' is not a single IP address");
    }
    String best = null;
    List<Finding.PathStep> bestLayers = List.of();
    for (Protocol p : protos) {
      List<Reachability.Decision> tr = Reachability.trace(t, d, remote.lo(0), p, port);
      String v = Reachability.verdict(tr);
      if (!t.latent() && AddressSet.isV6(remote.lo(0)) != (t.privateIp().indexOf(':') >= 0)) {
        v = "deny";
      }
      List<Finding.PathStep> ls = new ArrayList<>();
      for (Reachability.Decision dd : tr) {
        ls.add(step(dd));
      }
      if (best == null || rank(v) > rank(best)) {
        best = v;
        bestLayers = ls;
      }
    }
    return new FlowAnswer(best, bestLayers, t.id());
  }

  private static int rank(String v) {
    return v.equals("allow") ? 2 : v.equals("unknown") ? 1 : 0;
  }

  static Target findTarget(NetModel m, String ref) {
    for (Target t : m.targets()) {
      if (ref.equals(t.privateIp())) {
        return t;
      }
    }
    for (Target t : m.targets()) {
      if (ref.equalsIgnoreCase(t.id()) || ref.equalsIgnoreCase(t.name())) {
        return t;
      }
    }
    return null;
  }
}
