package io.leakguard.net;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable set of IPv4 and IPv6 addresses, kept as sorted, disjoint, non-adjacent intervals
 * over one numeric space (IPv4 {@code a} is {@code a}; IPv6 {@code a} is {@code 2^32 + a}), plus
 * symbolic members that stand for addresses the export does not list ({@code AzureCloud}, {@code
 * sg:sg-0123}, {@code tag:web}). Symbolic members are never internet.
 *
 * <p>Example: {@code AddressSet.parse("10.0.0.0/8").union(AddressSet.parse("::/0"))}.
 *
 * <p>Known limits: a symbol is opaque; two symbols that overlap in reality are not merged.
 */
public final class AddressSet {
  /** Size of the IPv4 space, also the offset of IPv6 in the combined space. */
  public static final BigInteger V4_SIZE = BigInteger.ONE.shiftLeft(32);

  static final BigInteger V6_SIZE = BigInteger.ONE.shiftLeft(128);
  static final BigInteger MAX = V4_SIZE.add(V6_SIZE).subtract(BigInteger.ONE);

  public static final AddressSet EMPTY =
      new AddressSet(new BigInteger[0], new BigInteger[0], Set.of());
  public static final AddressSet ALL_V4 = range(BigInteger.ZERO, V4_SIZE.subtract(BigInteger.ONE));
  public static final AddressSet ALL_V6 = range(V4_SIZE, MAX);
  public static final AddressSet ALL = range(BigInteger.ZERO, MAX);

  private final BigInteger[] los;
  private final BigInteger[] his;
  private final Set<String> symbols;

  private AddressSet(BigInteger[] los, BigInteger[] his, Set<String> symbols) {
    this.los = los;
    this.his = his;
    this.symbols = symbols;
  }

  /** One interval in the combined space, inclusive. */
  static AddressSet range(BigInteger lo, BigInteger hi) {
    return new AddressSet(new BigInteger[] {lo}, new BigInteger[] {hi}, Set.of());
  }

  /** A symbolic member only. */
  public static AddressSet symbol(String name) {
    return new AddressSet(new BigInteger[0], new BigInteger[0], Set.of(name));
  }

  /**
   * Parses an address, a CIDR ({@code 10.0.0.5/24} means the whole /24) or a range {@code a-b}.
   * Returns null when the text is not an address.
   */
  public static AddressSet tryParse(String text) {
    if (text == null) {
      return null;
    }
    AddressSet cached = CACHE.get(text);
    if (cached != null) {
      return cached == NOT_AN_ADDRESS ? null : cached;
    }
    AddressSet a = fastV4(text);
    if (a == null) {
      a = slowParse(text);
    }
    if (CACHE.size() < 200_000) {
      // texts that are not addresses (Azure service tags such as Storage, repeated on every rule
      // that names them) are remembered too: the slow parse of a non-address is the costly one
      CACHE.put(text, a != null ? a : NOT_AN_ADDRESS);
    }
    return a;
  }

  /** Cache value for a text that is not an address, IP range or CIDR (never returned). */
  private static final AddressSet NOT_AN_ADDRESS = symbol("(not an address)");

  private static final java.util.concurrent.ConcurrentHashMap<String, AddressSet> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Plain {@code a.b.c.d} or {@code a.b.c.d/n} with decimal octets (no leading zeros), else null.
   */
  private static AddressSet fastV4(String t) {
    long v = 0;
    int octets = 0;
    int i = 0;
    int n = t.length();
    while (i < n && octets < 4) {
      int start = i;
      int x = 0;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9' && i - start < 3) {
        x = x * 10 + (t.charAt(i) - '0');
        i++;
      }
      if (i == start || x > 255 || (i - start > 1 && t.charAt(start) == '0')) {
        return null;
      }
      v = (v << 8) | x;
      octets++;
      if (octets < 4) {
        if (i >= n || t.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    if (octets != 4) {
      return null;
    }
    int prefix = 32;
    if (i < n) {
      if (t.charAt(i) != '/' || i + 1 >= n || n - i - 1 > 2) {
        return null;
      }
      prefix = 0;
      for (int k = i + 1; k < n; k++) {
        char c = t.charAt(k);
        if (c < '0' || c > '9') {
          return null;
        }
        prefix = prefix * 10 + (c - '0');
      }
      if (prefix > 32) {
        return null;
      }
    }
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    long lo = v & mask;
    long hi = lo | (~mask & 0xFFFFFFFFL);
    return range(BigInteger.valueOf(lo), BigInteger.valueOf(hi));
  }

  private static AddressSet slowParse(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    int dash = t.indexOf('-');
    if (dash > 0) {
      AddressSet a = tryParse(t.substring(0, dash));
      AddressSet b = tryParse(t.substring(dash + 1));
      if (a == null || b == null || a.los.length != 1 || b.los.length != 1) {
        return null;
      }
      if (a.los[0].compareTo(b.his[0]) > 0) {
        return null;
      }
      return range(a.los[0], b.his[0]);
    }
    if (!(Character.isDigit(t.charAt(0)) || t.indexOf(':') >= 0)) {
      return null;
    }
    IPAddressString s = new IPAddressString(t);
    IPAddress a = s.getAddress();
    if (a == null) {
      return null;
    }
    if (a.getNetworkPrefixLength() != null) {
      a = a.toPrefixBlock();
    }
    BigInteger lo = a.getLower().getValue();
    BigInteger hi = a.getUpper().getValue();
    if (a.isIPv6()) {
      lo = lo.add(V4_SIZE);
      hi = hi.add(V4_SIZE);
    }
    return range(lo, hi);
  }

  /** Parses or throws {@link IllegalArgumentException} quoting the text. */
  public static AddressSet parse(String text) {
    AddressSet a = tryParse(text);
    if (a == null) {
      throw new IllegalArgumentException("not an IP address, CIDR or range: '" + text + "'");
    }
    return a;
  }

  /** Union of many sets. */
  public static AddressSet unionAll(List<AddressSet> sets) {
    AddressSet r = EMPTY;
    for (AddressSet s : sets) {
      r = r.union(s);
    }
    return r;
  }

  public boolean isEmpty() {
    return los.length == 0 && symbols.isEmpty();
  }

  /** True when there is no numeric address (symbols may remain). */
  public boolean hasNoAddresses() {
    return los.length == 0;
  }

  public Set<String> symbols() {
    return symbols;
  }

  public int intervalCount() {
    return los.length;
  }

  public BigInteger lo(int i) {
    return los[i];
  }

  public BigInteger hi(int i) {
    return his[i];
  }

  /** True when the numeric address {@code v} (combined space) is in the set. */
  public boolean contains(BigInteger v) {
    int lo = 0;
    int hi = los.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (his[mid].compareTo(v) < 0) {
        lo = mid + 1;
      } else if (los[mid].compareTo(v) > 0) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** True when the single textual address is in the set. */
  public boolean containsAddress(String ip) {
    AddressSet a = tryParse(ip);
    return a != null && a.los.length == 1 && contains(a.los[0]);
  }

  public boolean containsAll(AddressSet o) {
    if (this == o) {
      return true;
    }
    return symbols.containsAll(o.symbols) && containsAllAddresses(o);
  }

  /** True when every address of {@code o} is in this set (symbolic members are not compared). */
  public boolean containsAllAddresses(AddressSet o) {
    // every interval of o must sit inside one interval of this (disjoint, non-adjacent)
    int i = 0;
    for (int j = 0; j < o.los.length; j++) {
      while (i < los.length && his[i].compareTo(o.los[j]) < 0) {
        i++;
      }
      if (i >= los.length || los[i].compareTo(o.los[j]) > 0 || his[i].compareTo(o.his[j]) < 0) {
        return false;
      }
    }
    return true;
  }

  public boolean intersects(AddressSet o) {
    int i = 0;
    int j = 0;
    while (i < los.length && j < o.los.length) {
      BigInteger lo = los[i].compareTo(o.los[j]) >= 0 ? los[i] : o.los[j];
      BigInteger hi = his[i].compareTo(o.his[j]) <= 0 ? his[i] : o.his[j];
      if (lo.compareTo(hi) <= 0) {
        return true;
      }
      if (his[i].compareTo(o.his[j]) < 0) {
        i++;
      } else {
        j++;
      }
    }
    if (symbols.isEmpty() || o.symbols.isEmpty()) {
      return false;
    }
    for (String s : o.symbols) {
      if (symbols.contains(s)) {
        return true;
      }
    }
    return false;
  }

  public AddressSet union(AddressSet o) {
    if (o.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return o;
    }
    List<BigInteger[]> all = new ArrayList<>(los.length + o.los.length);
    for (int i = 0; i < los.length; i++) {
      all.add(new BigInteger[] {los[i], his[i]});
    }
    for (int i = 0; i < o.los.length; i++) {
      all.add(new BigInteger[] {o.los[i], o.his[i]});
    }
    all.sort((x, y) -> x[0].compareTo(y[0]));
    List<BigInteger> nl = new ArrayList<>();
    List<BigInteger> nh = new ArrayList<>();
    for (BigInteger[] iv : all) {
      int n = nl.size();
      if (n > 0 && nh.get(n - 1).add(BigInteger.ONE).compareTo(iv[0]) >= 0) {
        if (iv[1].compareTo(nh.get(n - 1)) > 0) {
          nh.set(n - 1, iv[1]);
        }
      } else {
        nl.add(iv[0]);
        nh.add(iv[1]);
      }
    }
    return new AddressSet(
        nl.toArray(new BigInteger[0]),
        nh.toArray(new BigInteger[0]),
        mergeSymbols(symbols, o.symbols));
  }

  private static Set<String> mergeSymbols(Set<String> a, Set<String> b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    Set<String> s = new TreeSet<>(a);
    s.addAll(b);
    return Collections.unmodifiableSet(s);
  }

  public AddressSet intersect(AddressSet o) {
    List<BigInteger> nl = new ArrayList<>();
    List<BigInteger> nh = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < los.length && j < o.los.length) {
      BigInteger lo = los[i].max(o.los[j]);
      BigInteger hi = his[i].min(o.his[j]);
      if (lo.compareTo(hi) <= 0) {
        nl.add(lo);
        nh.add(hi);
      }
      if (his[i].compareTo(o.his[j]) < 0) {
        i++;
      } else {
        j++;
      }
    }
    Set<String> s = new TreeSet<>(symbols);
    s.retainAll(o.symbols);
    return new AddressSet(
        nl.toArray(new BigInteger[0]),
        nh.toArray(new BigInteger[0]),
        s.isEmpty() ? Set.of() : Collections.unmodifiableSet(s));
  }

  public AddressSet subtract(AddressSet o) {
    List<BigInteger> nl = new ArrayList<>();
    List<BigInteger> nh = new ArrayList<>();
    int j = 0;
    for (int i = 0; i < los.length; i++) {
      BigInteger lo = los[i];
      BigInteger hi = his[i];
      while (j < o.los.length && o.his[j].compareTo(lo) < 0) {
        j++;
      }
      int k = j;
      while (lo != null && k < o.los.length && o.los[k].compareTo(hi) <= 0) {
        if (o.los[k].compareTo(lo) > 0) {
          nl.add(lo);
          nh.add(o.los[k].subtract(BigInteger.ONE));
        }
        if (o.his[k].compareTo(hi) >= 0) {
          lo = null;
        } else {
          lo = o.his[k].add(BigInteger.ONE);
        }
        k++;
      }
      if (lo != null) {
        nl.add(lo);
        nh.add(hi);
      }
    }
    Set<String> s = symbols;
    if (!o.symbols.isEmpty() && !s.isEmpty()) {
      Set<String> t = new TreeSet<>(s);
      t.removeAll(o.symbols);
      s = Collections.unmodifiableSet(t);
    }
    return new AddressSet(nl.toArray(new BigInteger[0]), nh.toArray(new BigInteger[0]), s);
  }

  /** Number of numeric addresses of one family in the set. */
  public BigInteger size(boolean v6) {
    AddressSet f = intersect(v6 ? ALL_V6 : ALL_V4);
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < f.los.length; i++) {
      n = n.add(f.his[i].subtract(f.los[i])).add(BigInteger.ONE);
    }
    return n;
  }

  /** The numeric addresses as CIDR blocks, in address order. Symbols are not included. */
  public List<String> toCidrs() {
    List<String> c = cidrs;
    if (c == null) {
      c = List.copyOf(computeCidrs());
      cidrs = c;
    }
    return c;
  }

  /** Cached {@link #toCidrs()} (immutable, so computing it twice in a race is harmless). */
  private volatile List<String> cidrs;

  /** Cached {@link Internet#internetWide}: 0 unknown, 1 false, 2 true. */
  volatile byte wide;

  /** Cached hygiene test "only public addresses": 0 unknown, 1 false, 2 true. */
  volatile byte onlyPublic;

  /** Cached hygiene test "broad private source", two bits per provider ordinal (as above). */
  volatile byte broadPrivate;

  private List<String> computeCidrs() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < los.length; i++) {
      BigInteger lo = los[i];
      BigInteger hi = his[i];
      while (lo.compareTo(hi) <= 0) {
        boolean v6 = lo.compareTo(V4_SIZE) >= 0;
        BigInteger base = v6 ? V4_SIZE : BigInteger.ZERO;
        int bits = v6 ? 128 : 32;
        BigInteger rel = lo.subtract(base);
        int tz = rel.signum() == 0 ? bits : rel.getLowestSetBit();
        BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
        int maxBySpan = span.bitLength() - 1;
        int size = Math.min(tz, maxBySpan);
        out.add(format(rel, v6) + "/" + (bits - size));
        lo = lo.add(BigInteger.ONE.shiftLeft(size));
      }
    }
    return out;
  }

  /** Prints one numeric address of the combined space. */
  public static String formatAddress(BigInteger v) {
    boolean v6 = v.compareTo(V4_SIZE) >= 0;
    return format(v6 ? v.subtract(V4_SIZE) : v, v6);
  }

  private static String format(BigInteger rel, boolean v6) {
    if (!v6) {
      long x = rel.longValue();
      return ((x >> 24) & 255) + "." + ((x >> 16) & 255) + "." + ((x >> 8) & 255) + "." + (x & 255);
    }
    byte[] raw = rel.toByteArray();
    byte[] b = new byte[16];
    int n = Math.min(raw.length, 16);
    System.arraycopy(raw, raw.length - n, b, 16 - n, n);
    try {
      return new inet.ipaddr.ipv6.IPv6Address(b).toCompressedString();
    } catch (RuntimeException e) {
      return rel.toString(16);
    }
  }

  /** True when the numeric address is IPv6. */
  public static boolean isV6(BigInteger v) {
    return v.compareTo(V4_SIZE) >= 0;
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || o instanceof AddressSet
            && Arrays.equals(los, ((AddressSet) o).los)
            && Arrays.equals(his, ((AddressSet) o).his)
            && symbols.equals(((AddressSet) o).symbols);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(los) * 31 + Arrays.hashCode(his) + symbols.hashCode();
  }

  /** Feeds a canonical encoding of this set (equal sets, equal bytes) into {@code md}. */
  void digest(java.security.MessageDigest md) {
    Fingerprints.putInt(md, los.length);
    for (int i = 0; i < los.length; i++) {
      Fingerprints.putBytes(md, los[i].toByteArray());
      Fingerprints.putBytes(md, his[i].toByteArray());
    }
    Fingerprints.putStrings(md, new java.util.TreeSet<>(symbols));
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(toCidrs());
    parts.addAll(symbols);
    return parts.toString();
  }
}
