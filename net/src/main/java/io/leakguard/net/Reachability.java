package io.leakguard.net;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact reachability by splitting the address space at rule boundaries.
 *
 * <p>Design notes (for maintainers): for one layer, one direction and one protocol, the remote
 * address space is cut at every boundary of every applicable line's remote set. Inside one
 * elementary interval every line either matches every address or none, so the lines can be walked
 * in order once per interval with a "remaining ports" set (first match) or a running union (any
 * allow). The result is a {@link Region}: address intervals each with an exact port set. Chains of
 * layers intersect regions. Stateless layers additionally require the opposite direction to allow
 * some ephemeral port (1024-65535) towards the same remote. Results are cached by the identity of
 * the applicable lines of every layer, so targets that share layers (and whose local address and
 * labels select the same lines) are computed once; below that, each layer's own region is cached by
 * (layer, protocol, applicable lines), so a layer shared by many chains (a subnet NSG under NICs
 * with different NIC NSGs) is evaluated once per thread.
 */
final class Reachability {
  /** The result for one target, direction and protocol. */
  record Result(Region region, boolean unknown, Region known) {}

  private final Map<Object, Integer> ids = new IdentityHashMap<>();
  private final Map<IntsKey, Result> cache = new HashMap<>();

  private int id(Object o) {
    Integer v = ids.get(o);
    if (v == null) {
      v = ids.size();
      ids.put(o, v);
    }
    return v;
  }

  /**
   * Key marks (all negative, line and layer ids are not): a layer whose every line applies is keyed
   * by the layer alone, not line by line.
   */
  private static final int ALL_LINES = -6;

  private static final int REVERSE = -5;

  /** Appends the key of a layer's applicable lines: {@link #ALL_LINES} or each line's id. */
  private void keyLines(IntList key, List<RuleLine> applicable, List<RuleLine> all) {
    if (applicable == all) {
      key.add(ALL_LINES);
      return;
    }
    for (int i = 0; i < applicable.size(); i++) {
      key.add(id(applicable.get(i)));
    }
  }

  /** A growable int array. */
  private static final class IntList {
    int[] a = new int[32];
    int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }
  }

  /** True when the line applies to the target (local address and selectors). */
  static boolean applies(RuleLine l, Target t) {
    if (!l.localSelectors().isEmpty()) {
      if (!t.labels().contains("*")) {
        boolean any = false;
        for (String s : l.localSelectors()) {
          if (t.labels().contains(s)) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
    }
    if (t.latent()) {
      return !l.local().symbols().isEmpty()
          || !l.local().subtract(Internet.PUBLIC).hasNoAddresses();
    }
    return l.local().containsAddress(t.privateIp()) || l.local().symbols().contains("*");
  }

  /**
   * The lines that apply to the target, in order: {@code lines} itself (not a copy) when every line
   * applies, the usual case (an NSG's rules name no local address, or the target's).
   */
  static List<RuleLine> applicable(List<RuleLine> lines, Target t) {
    int n = lines.size();
    int i = 0;
    while (i < n && applies(lines.get(i), t)) {
      i++;
    }
    if (i == n) {
      return lines;
    }
    List<RuleLine> out = new ArrayList<>(n);
    for (int j = 0; j < i; j++) {
      out.add(lines.get(j));
    }
    for (int j = i + 1; j < n; j++) {
      RuleLine l = lines.get(j);
      if (applies(l, t)) {
        out.add(l);
      }
    }
    return out;
  }

  /** Lines of a layer per direction (the layer's own lists are rebuilt on every call). */
  private final Map<Layer, List<List<RuleLine>>> layerLines = new IdentityHashMap<>();

  private List<RuleLine> lines(Layer layer, Direction d) {
    return layerLines
        .computeIfAbsent(
            layer, k -> List.of(k.lines(Direction.values()[0]), k.lines(Direction.values()[1])))
        .get(d.ordinal());
  }

  /**
   * The applicable lines of the last (target, direction) asked for: the audit asks for the three
   * protocols of one target in a row, and the applicable lines do not depend on the protocol.
   */
  private Target lastTarget;

  private Direction lastDirection;
  private List<List<RuleLine>> lastFwd;
  private List<List<RuleLine>> lastRev;
  private int[] lastKey;

  Result compute(Target t, Direction d, Protocol p) {
    List<Layer> layers = t.layers(d);
    if (t != lastTarget || d != lastDirection) {
      List<List<RuleLine>> fwd = new ArrayList<>();
      List<List<RuleLine>> rev = new ArrayList<>();
      IntList key = new IntList();
      key.add(d.ordinal());
      key.add(-1); // protocol, set below
      key.add(
          t.latent()
              ? -1
              : AddressSet.parse(t.privateIp()).lo(0).compareTo(AddressSet.V4_SIZE) >= 0 ? -3 : -2);
      for (Layer layer : layers) {
        key.add(-10 - id(layer));
        List<RuleLine> all = lines(layer, d);
        List<RuleLine> f = layer.unknown() ? List.of() : applicable(all, t);
        fwd.add(f);
        keyLines(key, f, all);
        if (layer.stateless()) {
          List<RuleLine> back = lines(layer, d.opposite());
          List<RuleLine> r = applicable(back, t);
          rev.add(r);
          key.add(REVERSE);
          keyLines(key, r, back);
        } else {
          rev.add(null);
        }
      }
      lastTarget = t;
      lastDirection = d;
      lastFwd = fwd;
      lastRev = rev;
      lastKey = Arrays.copyOf(key.a, key.n);
    }
    List<List<RuleLine>> fwd = lastFwd;
    List<List<RuleLine>> rev = lastRev;
    int[] k = lastKey.clone();
    k[1] = p.ordinal();
    IntsKey key = new IntsKey(k);
    Result cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Result res = chain(layers, fwd, rev, d, p, t, false);
    if (res.unknown()) {
      res = new Result(res.region(), true, chain(layers, fwd, rev, d, p, t, true).region());
    }
    cache.put(key, res);
    return res;
  }

  /**
   * The chain's region. With {@code knownOnly}, unknown layers allow nothing and unknown allow
   * lines are dropped: what remains is exposed whatever the unknown values turn out to be.
   */
  private Result chain(
      List<Layer> layers,
      List<List<RuleLine>> fwd,
      List<List<RuleLine>> rev,
      Direction d,
      Protocol p,
      Target t,
      boolean knownOnly) {
    Region region = Region.FULL;
    boolean unknown = false;
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      if (layer.unknown()) {
        unknown = true;
        if (knownOnly) {
          return new Result(Region.EMPTY, true, null);
        }
        continue;
      }
      if (layer.isOpen()) {
        continue;
      }
      List<RuleLine> lines = fwd.get(i);
      if (knownOnly) {
        lines = new ArrayList<>(lines);
        lines.removeIf(l -> l.unknown() && l.allow());
      }
      Region r = layerRegion(layer, lines, p);
      for (RuleLine l : fwd.get(i)) {
        if (l.unknown() && l.allow() && l.matches(p)) {
          unknown = true;
        }
      }
      if (layer.stateless()) {
        Region back = layerRegion(layer, rev.get(i), p);
        r = r.restrict(back.addressesWithPortsIn(p.hasPorts() ? PortSet.EPHEMERAL : PortSet.ALL));
      }
      region = region.intersect(r);
      if (region.isEmpty()) {
        break;
      }
    }
    if (!t.latent()) {
      boolean v6 = t.privateIp().indexOf(':') >= 0;
      region = region.restrict(v6 ? AddressSet.ALL_V6 : AddressSet.ALL_V4);
    }
    return new Result(region, unknown, null);
  }

  /**
   * Regions of one layer per (layer, protocol, applicable lines): a layer met in many chains (a
   * subnet NSG under every NIC of the subnet, a NIC NSG on many NICs) is evaluated once per thread.
   */
  private final Map<IntsKey, Region> layerRegions = new HashMap<>();

  private Region layerRegion(Layer layer, List<RuleLine> lines, Protocol p) {
    int[] k;
    List<RuleLine> in = lines(layer, Direction.INBOUND);
    if (lines == in || lines == lines(layer, Direction.OUTBOUND)) {
      // every line of the layer for one direction (see applicable): keyed by the layer alone
      k = new int[] {id(layer), p.ordinal(), lines == in ? ALL_LINES : ALL_LINES - 1};
    } else {
      k = new int[lines.size() + 2];
      k[0] = id(layer);
      k[1] = p.ordinal();
      for (int i = 0; i < lines.size(); i++) {
        k[i + 2] = id(lines.get(i));
      }
    }
    IntsKey key = new IntsKey(k);
    Region r = layerRegions.get(key);
    if (r == null) {
      r = evaluate(layer.evaluation(), lines, p);
      layerRegions.put(key, r);
    }
    return r;
  }

  /** An int array compared by content (a cache key). */
  private static final class IntsKey {
    private final int[] a;
    private final int hash;

    IntsKey(int[] a) {
      this.a = a;
      this.hash = Arrays.hashCode(a);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof IntsKey && Arrays.equals(a, ((IntsKey) o).a);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The region one layer allows for a protocol. */
  static Region evaluate(Layer.Evaluation ev, List<RuleLine> lines, Protocol p) {
    return evaluate(ev, lines, p, false);
  }

  /**
   * The region one layer allows for a protocol; with {@code allAllow} every line counts as an
   * unrestricted allow (the union of the lines' traffic, as hygiene's shadowing test needs).
   */
  static Region evaluate(Layer.Evaluation ev, List<RuleLine> lines, Protocol p, boolean allAllow) {
    List<RuleLine> ls = new ArrayList<>();
    int n = 2;
    for (RuleLine l : lines) {
      if (!l.matches(p) || l.remote().hasNoAddresses()) {
        continue;
      }
      if (!allAllow && !l.allow() && l.sourcePortsRestricted()) {
        continue; // an attacker chooses the source port: this deny does not block
      }
      ls.add(l);
      n += 2 * l.remote().intervalCount();
    }
    if (ls.isEmpty()) {
      return Region.EMPTY;
    }
    // The cuts: every interval start and end + 1, sorted and distinct. Most fit in a long (IPv4
    // and the low part of the space) and are sorted as longs; the few that do not (IPv6, the end of
    // the space) come after all of them and are sorted as BigIntegers. Sorting them all as
    // BigIntegers was ~4% of a 1x audit.
    long[] small = new long[n];
    BigInteger[] big = new BigInteger[n];
    BigInteger[] ends1 = new BigInteger[(n - 2) / 2]; // each interval's end + 1, in line order
    int ns = 0;
    int nb = 0;
    small[ns++] = 0;
    big[nb++] = END;
    int e = 0;
    for (RuleLine l : ls) {
      AddressSet a = l.remote();
      for (int i = 0; i < a.intervalCount(); i++) {
        BigInteger lo = a.lo(i);
        BigInteger hi1 = a.hi(i).add(BigInteger.ONE);
        ends1[e++] = hi1;
        if (lo.bitLength() < 63) {
          small[ns++] = lo.longValue();
        } else {
          big[nb++] = lo;
        }
        if (hi1.bitLength() < 63) {
          small[ns++] = hi1.longValue();
        } else {
          big[nb++] = hi1;
        }
      }
    }
    Arrays.sort(small, 0, ns);
    Arrays.sort(big, 0, nb);
    int ms = 0;
    for (int i = 0; i < ns; i++) {
      if (ms == 0 || small[i] != small[ms - 1]) {
        small[ms++] = small[i];
      }
    }
    int mb = 0;
    for (int i = 0; i < nb; i++) {
      if (mb == 0 || !big[i].equals(big[mb - 1])) {
        big[mb++] = big[i];
      }
    }
    int m = ms + mb;
    BigInteger[] cuts = new BigInteger[m];
    for (int i = 0; i < ms; i++) {
      cuts[i] = BigInteger.valueOf(small[i]);
    }
    System.arraycopy(big, 0, cuts, ms, mb);
    // Each line's remote intervals as ranges of elementary-interval indexes [start, end): every
    // boundary is one of the cuts. The walk below moves one cursor per line forward, so testing
    // "line covers interval ci" is an int comparison instead of a binary search over BigIntegers.
    int lineCount = ls.size();
    int[] first = new int[lineCount + 1];
    int[] starts = new int[(n - 2) / 2];
    int[] ends = new int[(n - 2) / 2];
    int q = 0;
    for (int li = 0; li < lineCount; li++) {
      first[li] = q;
      AddressSet a = ls.get(li).remote();
      for (int i = 0; i < a.intervalCount(); i++) {
        starts[q] = cutIndex(a.lo(i), small, ms, big, mb);
        ends[q] = cutIndex(ends1[q], small, ms, big, mb);
        q++;
      }
    }
    first[lineCount] = q;
    int[] cursor = Arrays.copyOf(first, lineCount);
    Region.Builder b = new Region.Builder();
    for (int ci = 0; ci + 1 < m; ci++) {
      BigInteger prev = cuts[ci];
      PortSet allowed = PortSet.EMPTY;
      if (ev == Layer.Evaluation.FIRST_MATCH && !allAllow) {
        PortSet remaining = PortSet.ALL;
        for (int li = 0; li < lineCount; li++) {
          if (!covers(li, ci, first, starts, ends, cursor)) {
            continue;
          }
          RuleLine l = ls.get(li);
          PortSet lp = l.portsFor(p);
          if (l.allow()) {
            allowed = allowed.union(lp.intersect(remaining));
          }
          remaining = remaining.subtract(lp);
          if (remaining.isEmpty()) {
            break;
          }
        }
      } else {
        for (int li = 0; li < lineCount; li++) {
          RuleLine l = ls.get(li);
          if ((allAllow || l.allow()) && covers(li, ci, first, starts, ends, cursor)) {
            allowed = allowed.union(l.portsFor(p));
            if (allowed.isAll()) {
              break;
            }
          }
        }
      }
      b.add(prev, cuts[ci + 1].subtract(BigInteger.ONE), allowed);
    }
    return b.build();
  }

  /**
   * True when line {@code li} covers elementary interval {@code ci}; the line's cursor only moves
   * forward (intervals are visited in increasing order).
   */
  private static boolean covers(
      int li, int ci, int[] first, int[] starts, int[] ends, int[] cursor) {
    int c = cursor[li];
    int stop = first[li + 1];
    while (c < stop && ends[c] <= ci) {
      c++;
    }
    cursor[li] = c;
    return c < stop && starts[c] <= ci;
  }

  /** The index of cut {@code v} among the distinct sorted cuts (longs first, then the rest). */
  private static int cutIndex(BigInteger v, long[] small, int ms, BigInteger[] big, int mb) {
    return v.bitLength() < 63
        ? Arrays.binarySearch(small, 0, ms, v.longValue())
        : ms + Arrays.binarySearch(big, 0, mb, v);
  }

  private static final BigInteger END = AddressSet.MAX.add(BigInteger.ONE);

  /** One layer's decision for one packet. */
  record Decision(Layer layer, String role, RuleLine rule, String decision) {}

  /** Evaluates one packet through the target's layers in the direction's order. */
  static List<Decision> trace(Target t, Direction d, BigInteger remote, Protocol p, int port) {
    return trace(t, d, remote, p, port, null);
  }

  /**
   * {@link #trace(Target, Direction, BigInteger, Protocol, int)} with the target's applicable lines
   * per layer memoised in {@code memo} (one map per direction ordinal, for this target only), when
   * not null.
   */
  static List<Decision> trace(
      Target t,
      Direction d,
      BigInteger remote,
      Protocol p,
      int port,
      List<Map<Layer, List<RuleLine>>> memo) {
    List<Decision> out = new ArrayList<>();
    for (Layer layer : t.layers(d)) {
      if (layer.unknown()) {
        out.add(new Decision(layer, layer.role(), null, "unknown"));
        continue;
      }
      if (layer.isOpen()) {
        out.add(new Decision(layer, layer.role(), null, "allow"));
        continue;
      }
      RuleLine hit = match(layer.evaluation(), applicableIn(layer, d, t, memo), remote, p, port);
      String dec = hit == null ? "deny" : hit.unknown() && hit.allow() ? "unknown" : hit.action();
      out.add(new Decision(layer, layer.role(), hit, dec));
      if (layer.stateless() && hit != null && hit.allow()) {
        List<RuleLine> back = applicableIn(layer, d.opposite(), t, memo);
        Region br = evaluate(layer.evaluation(), back, p);
        PortSet ok = br.portsAt(remote).intersect(p.hasPorts() ? PortSet.EPHEMERAL : PortSet.ALL);
        RuleLine rhit =
            ok.isEmpty()
                ? match(layer.evaluation(), back, remote, p, 1024)
                : match(layer.evaluation(), back, remote, p, ok.first());
        out.add(
            new Decision(layer, layer.role() + "-return", rhit, ok.isEmpty() ? "deny" : "allow"));
      }
    }
    return out;
  }

  private static List<RuleLine> applicableIn(
      Layer layer, Direction d, Target t, List<Map<Layer, List<RuleLine>>> memo) {
    if (memo == null) {
      return applicable(layer.lines(d), t);
    }
    return memo.get(d.ordinal()).computeIfAbsent(layer, k -> applicable(k.lines(d), t));
  }

  static RuleLine match(
      Layer.Evaluation ev, List<RuleLine> lines, BigInteger remote, Protocol p, int port) {
    for (RuleLine l : lines) {
      if (!l.matches(p) || !l.remote().contains(remote) || !l.portsFor(p).contains(port)) {
        continue;
      }
      if (!l.allow() && l.sourcePortsRestricted()) {
        continue;
      }
      if (ev == Layer.Evaluation.ANY_ALLOW && !l.allow()) {
        continue;
      }
      return l;
    }
    return null;
  }

  /**
   * Verdict over decisions: deny if any layer denies, else unknown if any is unknown, else allow.
   */
  static String verdict(List<Decision> ds) {
    boolean unknown = false;
    for (Decision d : ds) {
      if (d.decision().equals("deny")) {
        return "deny";
      }
      if (d.decision().equals("unknown")) {
        unknown = true;
      }
    }
    return unknown ? "unknown" : "allow";
  }
}
