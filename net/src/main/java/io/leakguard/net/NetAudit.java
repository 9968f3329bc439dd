package io.leakguard.net;

import io.leakguard.core.Severity;
import io.leakguard.core.Warning;
import io.leakguard.net.internal.Parallel;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    Interner interner = new Interner();
    // caches are per thread; chains met by both threads are computed twice (same result)
    ThreadLocal<Reachability> reach = ThreadLocal.withInitial(Reachability::new);
    ThreadLocal<Templates> memo = ThreadLocal.withInitial(() -> new Templates(interner));
    List<Finding> all =
        byChain(
            model.targets(),
            (Target t, List<Finding> out) -> exposures(t, reach.get(), memo.get(), policy, out));
    all.addAll(
        Parallel.map(
            model.ruleSets(), (RuleSet rs, List<Finding> out) -> Hygiene.check(rs, policy, out)));
    List<Warning> warnings = new ArrayList<>(model.warnings());
    List<Finding> kept = new ArrayList<>();
    List<Finding> suppressed = new ArrayList<>();
    Ids seen = new Ids(all.size());
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
    return new AuditReport(sorted(kept), dedupe(warnings), sorted(suppressed));
  }

  /**
   * The set of finding ids seen, for the first-one-wins dedupe. Ids are 16 hex digits (64 bits of
   * SHA-256, see {@link #id}), so they are kept as longs in an open-addressing table sized once (a
   * {@code LinkedHashSet<String>} of 277,827 ids, grown by rehashing, was ~3% of the samples of a
   * 1x audit, all on the main thread); any other id goes to a hash set.
   */
  static final class Ids {
    private final long[] keys;
    private final boolean[] used;
    private final java.util.HashSet<String> other = new java.util.HashSet<>();

    Ids(int expected) {
      int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
      keys = new long[cap];
      used = new boolean[cap];
    }

    /** True when {@code id} was not in the set (it is now). */
    boolean add(String id) {
      long v = hex64(id);
      if (v == -1 && !"ffffffffffffffff".equals(id)) {
        return other.add(id);
      }
      int mask = keys.length - 1;
      int i = (int) ((v * 0x9E3779B97F4A7C15L) >>> 40) & mask;
      while (used[i]) {
        if (keys[i] == v) {
          return false;
        }
        i = (i + 1) & mask;
      }
      used[i] = true;
      keys[i] = v;
      return true;
    }

    /** The value of 16 lower-case hex digits, else -1. */
    private static long hex64(String s) {
      if (s.length() != 16) {
        return -1;
      }
      long v = 0;
      for (int i = 0; i < 16; i++) {
        char c = s.charAt(i);
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) {
          return -1;
        }
        v = (v << 4) | d;
      }
      return v;
    }
  }

  /**
   * {@link Parallel#map} over targets, but each thread takes whole groups of targets with the same
   * layers (same {@link Layer} instances, so usually the same reachability chain), so a chain's
   * reachability and finding templates, cached per thread, are computed by one thread instead of by
   * every thread that meets one of its targets. The outputs are concatenated in target order: the
   * result is the one-thread result.
   */
  static <R> List<R> byChain(List<Target> targets, Parallel.Step<Target, R> step) {
    int n = targets.size();
    if (n < Parallel.MIN_PARALLEL || Parallel.threads() <= 1) {
      return Parallel.map(targets, step);
    }
    Map<List<Layer>, List<Integer>> byLayers = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byLayers.computeIfAbsent(targets.get(i).layers(), k -> new ArrayList<>()).add(i);
    }
    // tasks of about n / (8 x threads) targets, groups one after the other (cut at task ends), so a
    // slow task does not leave a core idle at the end
    int size = Math.max(16, (n + Parallel.threads() * 8 - 1) / (Parallel.threads() * 8));
    List<List<Integer>> tasks = new ArrayList<>();
    List<Integer> task = new ArrayList<>();
    for (List<Integer> g : byLayers.values()) {
      for (int i : g) {
        task.add(i);
        if (task.size() >= size) {
          tasks.add(task);
          task = new ArrayList<>();
        }
      }
    }
    if (!task.isEmpty()) {
      tasks.add(task);
    }
    @SuppressWarnings("unchecked")
    List<R>[] slots = new List[n];
    // the slots are written by the workers and read here after Parallel.map returned (Future.get)
    Parallel.map(
        tasks,
        (List<Integer> g, List<Void> unused) -> {
          for (int i : g) {
            List<R> out = new ArrayList<>();
            step.apply(targets.get(i), out);
            slots[i] = out;
          }
        },
        2,
        1);
    int total = 0;
    for (List<R> s : slots) {
      total += s.size();
    }
    List<R> all = new ArrayList<>(total);
    for (List<R> s : slots) {
      all.addAll(s);
    }
    return all;
  }

  /**
   * Report order: severity (highest first), check, target name (nulls first), target id, direction,
   * protocol, first port. Sorted as keys (first port parsed once, equal strings by reference skip
   * the comparison) with a stable sort on every core: the order {@code List.sort} with the
   * equivalent comparator chain gives.
   *
   * <p>Not {@code Arrays.parallelSort}: on a 2-core machine the common fork-join pool has one
   * thread, and parallelSort then sorts on the calling thread alone (the sort of the 1x benchmark's
   * 277,827 findings was ~3% of the CPU samples, all on the main thread while the other core
   * idled). Here the keys are built and sorted in one run per thread, and the sorted runs are
   * merged (ties from the earlier run first, so the result is the stable sort's).
   */
  static List<Finding> sorted(List<Finding> fs) {
    int n = fs.size();
    SortKey[] keys = new SortKey[n];
    int runs = n < 4 * Parallel.MIN_PARALLEL ? 1 : Parallel.threads();
    List<int[]> bounds = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      bounds.add(new int[] {(int) ((long) n * r / runs), (int) ((long) n * (r + 1) / runs)});
    }
    Parallel.map(
        bounds,
        (int[] b, List<Void> unused) -> {
          for (int i = b[0]; i < b[1]; i++) {
            Finding f = fs.get(i);
            keys[i] =
                new SortKey(
                    f, f.severity().ordinal(), f.direction().ordinal(), firstPort(f.ports()));
          }
          java.util.Arrays.sort(keys, b[0], b[1], SortKey::compare);
        },
        2,
        1);
    // pairwise merges of neighbouring runs until one is left
    SortKey[] src = keys;
    SortKey[] dst = new SortKey[n];
    while (bounds.size() > 1) {
      List<int[]> merged = new ArrayList<>();
      for (int r = 0; r < bounds.size(); r += 2) {
        int[] a = bounds.get(r);
        if (r + 1 == bounds.size()) {
          System.arraycopy(src, a[0], dst, a[0], a[1] - a[0]);
          merged.add(a);
          continue;
        }
        int[] b = bounds.get(r + 1);
        int i = a[0];
        int j = b[0];
        int k = a[0];
        while (i < a[1] && j < b[1]) {
          dst[k++] = SortKey.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
        }
        while (i < a[1]) {
          dst[k++] = src[i++];
        }
        while (j < b[1]) {
          dst[k++] = src[j++];
        }
        merged.add(new int[] {a[0], b[1]});
      }
      bounds = merged;
      SortKey[] t = src;
      src = dst;
      dst = t;
    }
    Finding[] out = new Finding[n];
    for (int i = 0; i < n; i++) {
      out[i] = src[i].f();
    }
    return java.util.Arrays.asList(out);
  }

  private record SortKey(Finding f, int severity, int direction, int port) {
    static int compare(SortKey a, SortKey b) {
      int c = Integer.compare(b.severity, a.severity);
      if (c != 0) {
        return c;
      }
      c = text(a.f.check(), b.f.check());
      if (c != 0) {
        return c;
      }
      String an = a.f.targetName();
      String bn = b.f.targetName();
      if (an != bn) {
        if (an == null || bn == null) {
          return an == null ? -1 : 1;
        }
        c = an.compareTo(bn);
        if (c != 0) {
          return c;
        }
      }
      c = text(a.f.targetId(), b.f.targetId());
      if (c != 0) {
        return c;
      }
      c = Integer.compare(a.direction, b.direction);
      if (c != 0) {
        return c;
      }
      c = text(a.f.protocol(), b.f.protocol());
      return c != 0 ? c : Integer.compare(a.port, b.port);
    }

    private static int text(String x, String y) {
      return x == y ? 0 : x.compareTo(y);
    }
  }

  private static List<Warning> dedupe(List<Warning> ws) {
    return List.copyOf(new LinkedHashSet<>(ws));
  }

  /**
   * The first port of a finding's port list ({@code 22}, the {@code 1024} of {@code 1024-2048}), or
   * -1.
   */
  static int firstPort(List<String> ports) {
    if (ports.isEmpty()) {
      return -1;
    }
    String p = ports.get(0);
    int d = p.indexOf('-');
    return Integer.parseInt(p, 0, d < 0 ? p.length() : d, 10); // no substring per call (sort)
  }

  /**
   * The target-independent part of one exposure finding. Everything here depends only on the
   * reachability result (which is shared by every target with the same layer chain and applicable
   * rules) and on the provider, so it is computed once per distinct chain and reused.
   */
  record Template(
      String check,
      int lo,
      int hi,
      AddressSet sources,
      List<String> cidrs,
      boolean wide,
      boolean unknown,
      List<Finding.PathStep> path,
      List<String> written,
      boolean ruleLocated,
      String file,
      String jsonPath,
      String src,
      String ports) {}

  /**
   * Memo of templates per (reachability result identity, provider); one per audit thread. Lists
   * equal in content are shared through the audit's {@link Interner}, so the JSON writer, which
   * encodes a shared list once, sees one instance per distinct list.
   */
  static final class Templates {
    private final Map<Reachability.Result, Map<Provider, List<Template>>> memo =
        new IdentityHashMap<>();
    private final Interner interner;

    /** Applicable lines per layer of the last target traced, per direction (see trace). */
    private Target traced;

    private final List<Map<Layer, List<RuleLine>>> applicable =
        List.of(new IdentityHashMap<>(), new IdentityHashMap<>());

    List<Reachability.Decision> trace(Target t, BigInteger src, Protocol p, int port) {
      if (t != traced) {
        traced = t;
        applicable.forEach(Map::clear);
      }
      return Reachability.trace(t, Direction.INBOUND, src, p, port, applicable);
    }

    Templates(Interner interner) {
      this.interner = interner;
    }

    List<Template> get(Reachability.Result res, Target t, Protocol p, Policy policy) {
      return memo.computeIfAbsent(res, k -> new EnumMap<>(Provider.class))
          .computeIfAbsent(t.provider(), k -> intern(templates(res, t, p, policy, this)));
    }

    /**
     * The interned CIDR list of a canonical source set. The set's own list is one instance per set
     * ({@link AddressSet#toCidrs} is memoised), so it is interned once per thread and then found by
     * identity: {@code Interner.of} hashes the whole list (up to ~100 strings for an "internet
     * minus a few ranges" source) on every call, ~3% of the samples of a 1x audit.
     */
    private List<String> cidrs(AddressSet sources) {
      List<String> c = sources.toCidrs();
      List<String> hit = cidrsMemo.get(c);
      if (hit == null) {
        hit = interner.of(c);
        cidrsMemo.put(c, hit);
      }
      return hit;
    }

    private final Map<List<String>, List<String>> cidrsMemo = new IdentityHashMap<>();

    private List<Template> intern(List<Template> xs) {
      List<Template> out = new ArrayList<>(xs.size());
      for (Template x : xs) {
        out.add(
            new Template(
                x.check(),
                x.lo(),
                x.hi(),
                x.sources(),
                cidrs(x.sources()),
                x.wide(),
                x.unknown(),
                interner.of(x.path()),
                interner.of(x.written()),
                x.ruleLocated(),
                x.file(),
                x.jsonPath(),
                x.src(),
                x.ports()));
      }
      return out;
    }
  }

  /** One shared instance per distinct (immutable) list, across the audit's threads. */
  static final class Interner {
    private final java.util.concurrent.ConcurrentHashMap<List<?>, List<?>> lists =
        new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.ConcurrentHashMap<AddressSet, AddressSet> sets =
        new java.util.concurrent.ConcurrentHashMap<>();

    AddressSet canon(AddressSet a) {
      AddressSet prev = sets.putIfAbsent(a, a);
      return prev == null ? a : prev;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> of(List<T> xs) {
      List<?> prev = lists.putIfAbsent(xs, xs);
      return prev == null ? xs : (List<T>) prev;
    }
  }

  private static void exposures(
      Target t, Reachability reach, Templates memo, Policy policy, List<Finding> out) {
    boolean internal = policy.isInternal(t.tags());
    TargetIds ids = new TargetIds(t);
    for (Protocol p : new Protocol[] {Protocol.TCP, Protocol.UDP, Protocol.ICMP}) {
      Reachability.Result res = reach.compute(t, Direction.INBOUND, p);
      for (Template x : memo.get(res, t, p, policy)) {
        out.add(finding(x, t, ids, p, policy, internal));
      }
    }
  }

  /** The findings' target-independent parts for one result, in report order. */
  private static List<Template> templates(
      Reachability.Result res, Target t, Protocol p, Policy policy, Templates memo) {
    AddressSet pub = Internet.publicFor(t.provider());
    Region r = res.region().restrict(pub);
    List<Template> out = new ArrayList<>();
    if (r.isEmpty()) {
      return out;
    }
    for (Segment raw : segments(r, p)) {
      // equal source sets of different chains share one instance (and its CIDRs, width test)
      Segment seg = new Segment(raw.lo(), raw.hi(), memo.interner.canon(raw.sources()));
      if (!p.hasPorts()) {
        out.add(
            template(
                memo,
                Checks.OPEN,
                t,
                p,
                seg.lo,
                seg.hi,
                seg.sources,
                unknown(res, seg.sources, seg.lo, seg.hi)));
        continue;
      }
      if (seg.lo == 0 && seg.hi == PortSet.MAX) {
        out.add(
            template(
                memo,
                Checks.ALL_PORTS,
                t,
                p,
                0,
                PortSet.MAX,
                seg.sources,
                unknown(res, seg.sources, 0, PortSet.MAX)));
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
              template(memo, check, t, p, lo, hi, seg.sources, unknown(res, seg.sources, lo, hi)));
          rest = rest.subtract(PortSet.range(lo, hi));
        }
      }
      if (!(seg.lo == 0 && seg.hi == PortSet.MAX)) {
        for (int i = 0; i < rest.rangeCount(); i++) {
          out.add(
              template(
                  memo,
                  Checks.OPEN,
                  t,
                  p,
                  rest.lo(i),
                  rest.hi(i),
                  seg.sources,
                  unknown(res, seg.sources, rest.lo(i), rest.hi(i))));
        }
      }
    }
    return out;
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

  /**
   * The parts of a finding that depend on the chain only. {@code t} is any target of the chain: the
   * trace depends only on its layers and on which lines apply to it, which the chain key fixes.
   */
  private static Template template(
      Templates memo,
      String check,
      Target t,
      Protocol p,
      int lo,
      int hi,
      AddressSet sources,
      boolean unknown) {
    boolean wide = Internet.internetWide(sources);
    BigInteger src = sources.lo(0);
    List<Reachability.Decision> trace = memo.trace(t, src, p, lo);
    List<Finding.PathStep> path = new ArrayList<>();
    Set<String> written = new LinkedHashSet<>();
    boolean located = false;
    String file = null;
    String jsonPath = null;
    for (Reachability.Decision d : trace) {
      path.add(step(d));
      if (d.rule() != null && d.rule().allow()) {
        written.addAll(d.rule().remoteAsWritten());
      }
    }
    // Locate the finding at the last allowing rule (the one a fix would change), else the target.
    for (Reachability.Decision d : trace) {
      if (d.rule() != null && d.rule().allow() && d.rule().source() != null) {
        located = true;
        file = d.rule().source().file();
        jsonPath = d.rule().source().jsonPath();
      }
    }
    return new Template(
        check,
        lo,
        hi,
        sources,
        sources.toCidrs(),
        wide,
        unknown,
        List.copyOf(path),
        List.copyOf(new ArrayList<>(written)),
        located,
        file,
        jsonPath,
        AddressSet.formatAddress(src),
        lo == hi ? Integer.toString(lo) : lo + "-" + hi);
  }

  private static Finding finding(
      Template x, Target t, TargetIds ids, Protocol p, Policy policy, boolean internal) {
    String check = x.check();
    boolean wide = x.wide();
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
    String file = t.source() == null ? null : t.source().file();
    String jsonPath = t.source() == null ? null : t.source().jsonPath();
    if (x.ruleLocated()) {
      file = x.file();
      jsonPath = x.jsonPath();
    }
    String ports = x.ports();
    String proto = p.word();
    String id = ids.id(check, proto, ports);
    String dst = t.privateIp() != null ? t.privateIp() : t.name();
    List<String> cidrs = x.cidrs();
    String title =
        Checks.title(check)
            + ": "
            + proto
            + "/"
            + ports
            + " on "
            + t.name()
            + (wide ? " from the whole internet" : " from " + cidrs.size() + " public range(s)")
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
        cidrs,
        x.written(),
        wide,
        t.publicPath(),
        x.unknown(),
        x.path(),
        new Finding.Packet(x.src(), dst, proto, x.lo()),
        file,
        jsonPath,
        t.address());
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
    return hash(check, p, resourceId.toLowerCase(java.util.Locale.ROOT), d, proto, ports);
  }

  /** {@link #id} of a resource id already in lower case. */
  private static String hash(
      String check, Provider p, String lowerResourceId, Direction d, String proto, String ports) {
    Sha256 s = SHA256.get();
    s.reset();
    s.update(check);
    s.update("|");
    s.update(p.word());
    s.update("|");
    s.update(lowerResourceId);
    s.update("|");
    s.update(d.word());
    s.update("|");
    s.update(proto);
    s.update("|");
    s.update(ports);
    return s.hex16();
  }

  /**
   * SHA-256 states after {@code check + prefixTail}, one per check met (at most a handful per
   * target or rule set: parallel arrays, compared by reference first), so each id compresses only
   * its own tail.
   */
  static final class CheckMarks {
    private final String prefixTail;
    private final Sha256 sha = SHA256.get();
    private String[] checks = new String[4];
    private Sha256.Mark[] marks = new Sha256.Mark[4];
    private int count;

    CheckMarks(String prefixTail) {
      this.prefixTail = prefixTail;
    }

    /** The thread's SHA-256 state set to the one after {@code check + prefixTail}. */
    Sha256 start(String check) {
      Sha256.Mark m = null;
      for (int i = 0; i < count; i++) {
        if (checks[i] == check || checks[i].equals(check)) {
          m = marks[i];
          break;
        }
      }
      if (m == null) {
        sha.reset();
        sha.update(check);
        sha.update(prefixTail);
        m = sha.mark();
        if (count == checks.length) {
          checks = java.util.Arrays.copyOf(checks, count * 2);
          marks = java.util.Arrays.copyOf(marks, count * 2);
        }
        checks[count] = check;
        marks[count++] = m;
      }
      sha.reset(m);
      return sha;
    }
  }

  /**
   * The inbound finding ids of one target, {@link #id} computed faster: the SHA-256 state after the
   * common prefix {@code check|provider|id|inbound|} (two to three 64-byte blocks of a typical
   * resource id) is kept per check and restored, so each id compresses only its last block(s).
   */
  static final class TargetIds {
    private final CheckMarks marks;

    TargetIds(Target t) {
      marks =
          new CheckMarks(
              "|"
                  + t.provider().word()
                  + "|"
                  + t.id().toLowerCase(java.util.Locale.ROOT)
                  + "|"
                  + Direction.INBOUND.word()
                  + "|");
    }

    String id(String check, String proto, String ports) {
      Sha256 sha = marks.start(check);
      sha.update(proto);
      sha.update("|");
      sha.update(ports);
      return sha.hex16();
    }
  }

  /**
   * The ids of one rule set's hygiene findings, {@link #id} computed faster: the resource id of a
   * rule finding is {@code <rule set id>#<direction>/<rule name>}, so the SHA-256 state after
   * {@code check|provider|<rule set id in lower case>#} is kept per check and restored, and each id
   * compresses only its tail. Falls back to {@link #id} when the rule set id or a rule name is not
   * ASCII (where lower-casing the parts could differ from lower-casing the whole).
   */
  static final class RuleSetIds {
    private final RuleSet rs;
    private final CheckMarks marks;

    RuleSetIds(RuleSet rs) {
      this.rs = rs;
      marks =
          rs.id() != null && ascii(rs.id())
              ? new CheckMarks(
                  "|"
                      + rs.provider().word()
                      + "|"
                      + rs.id().toLowerCase(java.util.Locale.ROOT)
                      + "#")
              : null;
    }

    String id(String check, RuleLine r, String proto, String ports) {
      Direction d = r.direction();
      if (marks == null || r.name() == null || !ascii(r.name())) {
        return NetAudit.id(
            check, rs.provider(), rs.id() + "#" + d.word() + "/" + r.name(), d, proto, ports);
      }
      Sha256 sha = marks.start(check);
      sha.update(d.word());
      sha.update("/");
      sha.update(r.name().toLowerCase(java.util.Locale.ROOT));
      sha.update("|");
      sha.update(d.word());
      sha.update("|");
      sha.update(proto);
      sha.update("|");
      sha.update(ports);
      return sha.hex16();
    }

    private static boolean ascii(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) >= 0x80) {
          return false;
        }
      }
      return true;
    }
  }

  /** One SHA-256 state per thread (ids are computed on the audit threads). */
  private static final ThreadLocal<Sha256> SHA256 = ThreadLocal.withInitial(Sha256::new);

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
