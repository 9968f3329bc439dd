package io.leakguard.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of ports 0-65535 as sorted, disjoint, non-adjacent inclusive intervals.
 *
 * <p>Example: {@code PortSet.parse("80-90").union(PortSet.of(443))}. Prints as {@code ["80-90",
 * "443"]}.
 */
public final class PortSet {
  public static final int MAX = 65535;
  public static final PortSet EMPTY = new PortSet(new int[0]);
  public static final PortSet ALL = new PortSet(new int[] {0, MAX});
  static final PortSet EPHEMERAL = new PortSet(new int[] {1024, MAX});

  /** Pairs lo, hi, lo, hi ... */
  private final int[] b;

  /** {@link #complement()}, memoised: a cache, not state (equals and hashCode ignore it). */
  private PortSet complement;

  private PortSet(int[] b) {
    this.b = b;
  }

  public static PortSet of(int port) {
    return range(port, port);
  }

  public static PortSet range(int lo, int hi) {
    if (lo < 0 || hi > MAX || lo > hi) {
      throw new IllegalArgumentException("bad port range " + lo + "-" + hi);
    }
    return new PortSet(new int[] {lo, hi});
  }

  /**
   * Parses {@code *}, {@code N} or {@code N-M}.
   *
   * @throws IllegalArgumentException quoting the text
   */
  public static PortSet parse(String text) {
    String t = text.trim();
    if (t.equals("*") || t.equalsIgnoreCase("any") || t.equalsIgnoreCase("all")) {
      return ALL;
    }
    try {
      int dash = t.indexOf('-');
      if (dash > 0) {
        return range(
            Integer.parseInt(t.substring(0, dash).trim()),
            Integer.parseInt(t.substring(dash + 1).trim()));
      }
      return of(Integer.parseInt(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port or port range: '" + text + "'", e);
    }
  }

  public boolean isEmpty() {
    return b.length == 0;
  }

  public boolean isAll() {
    return b.length == 2 && b[0] == 0 && b[1] == MAX;
  }

  public int rangeCount() {
    return b.length / 2;
  }

  public int lo(int i) {
    return b[2 * i];
  }

  public int hi(int i) {
    return b[2 * i + 1];
  }

  public int first() {
    return b[0];
  }

  public boolean contains(int p) {
    for (int i = 0; i < b.length; i += 2) {
      if (p >= b[i] && p <= b[i + 1]) {
        return true;
      }
    }
    return false;
  }

  public boolean containsAll(PortSet o) {
    // every range of o must sit inside one range of this (ranges are disjoint, non-adjacent)
    int i = 0;
    for (int j = 0; j < o.b.length; j += 2) {
      while (i < b.length && b[i + 1] < o.b[j]) {
        i += 2;
      }
      if (i >= b.length || b[i] > o.b[j] || b[i + 1] < o.b[j + 1]) {
        return false;
      }
    }
    return true;
  }

  public boolean intersects(PortSet o) {
    int i = 0;
    int j = 0;
    while (i < b.length && j < o.b.length) {
      if (Math.max(b[i], o.b[j]) <= Math.min(b[i + 1], o.b[j + 1])) {
        return true;
      }
      if (b[i + 1] < o.b[j + 1]) {
        i += 2;
      } else {
        j += 2;
      }
    }
    return false;
  }

  public PortSet union(PortSet o) {
    if (o.b.length == 0 || isAll() || this == o) {
      return this;
    }
    if (b.length == 0 || o.isAll()) {
      return o;
    }
    // merge of two sorted range lists
    int[] out = new int[b.length + o.b.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < b.length || j < o.b.length) {
      int lo;
      int hi;
      if (j >= o.b.length || (i < b.length && b[i] <= o.b[j])) {
        lo = b[i];
        hi = b[i + 1];
        i += 2;
      } else {
        lo = o.b[j];
        hi = o.b[j + 1];
        j += 2;
      }
      if (n > 0 && out[n - 1] + 1 >= lo) {
        out[n - 1] = Math.max(out[n - 1], hi);
      } else {
        out[n++] = lo;
        out[n++] = hi;
      }
    }
    return new PortSet(n == out.length ? out : Arrays.copyOf(out, n));
  }

  public PortSet intersect(PortSet o) {
    if (isAll() || this == o) {
      return o;
    }
    if (o.isAll()) {
      return this;
    }
    if (b.length == 0 || o.b.length == 0) {
      return EMPTY;
    }
    int[] out = new int[b.length + o.b.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < b.length && j < o.b.length) {
      int lo = Math.max(b[i], o.b[j]);
      int hi = Math.min(b[i + 1], o.b[j + 1]);
      if (lo <= hi) {
        out[n++] = lo;
        out[n++] = hi;
      }
      if (b[i + 1] < o.b[j + 1]) {
        i += 2;
      } else {
        j += 2;
      }
    }
    if (n == 0) {
      return EMPTY;
    }
    if (n == b.length && Arrays.equals(b, 0, n, out, 0, n)) {
      return this; // no allocation when o covers this (the usual case in the reachability sweep)
    }
    if (n == o.b.length && Arrays.equals(o.b, 0, n, out, 0, n)) {
      return o;
    }
    return new PortSet(Arrays.copyOf(out, n));
  }

  public PortSet subtract(PortSet o) {
    if (o.b.length == 0 || b.length == 0) {
      return this;
    }
    if (o.isAll()) {
      return EMPTY;
    }
    return intersect(o.complement());
  }

  /**
   * The complement, memoised (sets are immutable and rule port sets are subtracted once per
   * elementary interval of every reachability sweep; a race only computes it twice).
   */
  public PortSet complement() {
    PortSet c = complement;
    if (c == null) {
      c = computeComplement();
      complement = c;
    }
    return c;
  }

  private PortSet computeComplement() {
    int[] out = new int[b.length + 2];
    int n = 0;
    int next = 0;
    for (int i = 0; i < b.length; i += 2) {
      if (b[i] > next) {
        out[n++] = next;
        out[n++] = b[i] - 1;
      }
      next = b[i + 1] + 1;
    }
    if (next <= MAX) {
      out[n++] = next;
      out[n++] = MAX;
    }
    return new PortSet(Arrays.copyOf(out, n));
  }

  /** The ranges as {@code "N"} or {@code "N-M"}. */
  public List<String> toStrings() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < b.length; i += 2) {
      out.add(b[i] == b[i + 1] ? Integer.toString(b[i]) : b[i] + "-" + b[i + 1]);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortSet && Arrays.equals(b, ((PortSet) o).b);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(b);
  }

  /** Feeds a canonical encoding of this set (equal sets, equal bytes) into {@code md}. */
  void digest(java.security.MessageDigest md) {
    Fingerprints.putInt(md, b.length);
    for (int v : b) {
      Fingerprints.putInt(md, v);
    }
  }

  @Override
  public String toString() {
    return toStrings().toString();
  }
}
