package io.leakguard.net;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of (remote address × destination port) for one protocol, as sorted disjoint address
 * intervals each carrying a non-empty port set. Adjacent intervals with equal port sets are merged,
 * so the representation is canonical.
 */
final class Region {
  static final Region EMPTY = new Region(List.of(), List.of(), List.of());
  static final Region FULL =
      new Region(List.of(BigInteger.ZERO), List.of(AddressSet.MAX), List.of(PortSet.ALL));

  final List<BigInteger> los;
  final List<BigInteger> his;
  final List<PortSet> ports;

  Region(List<BigInteger> los, List<BigInteger> his, List<PortSet> ports) {
    this.los = los;
    this.his = his;
    this.ports = ports;
  }

  boolean isEmpty() {
    return los.isEmpty();
  }

  /** Builder that merges adjacent equal cells. */
  static final class Builder {
    final List<BigInteger> los = new ArrayList<>();
    final List<BigInteger> his = new ArrayList<>();
    final List<PortSet> ports = new ArrayList<>();

    void add(BigInteger lo, BigInteger hi, PortSet p) {
      if (p.isEmpty()) {
        return;
      }
      int n = los.size();
      if (n > 0 && his.get(n - 1).add(BigInteger.ONE).equals(lo) && ports.get(n - 1).equals(p)) {
        his.set(n - 1, hi);
        return;
      }
      los.add(lo);
      his.add(hi);
      ports.add(p);
    }

    Region build() {
      return los.isEmpty() ? EMPTY : new Region(los, his, ports);
    }
  }

  /** Pointwise intersection. */
  Region intersect(Region o) {
    if (this == FULL) {
      return o;
    }
    if (o == FULL) {
      return this;
    }
    Builder b = new Builder();
    int i = 0;
    int j = 0;
    while (i < los.size() && j < o.los.size()) {
      BigInteger lo = los.get(i).max(o.los.get(j));
      BigInteger hi = his.get(i).min(o.his.get(j));
      if (lo.compareTo(hi) <= 0) {
        b.add(lo, hi, ports.get(i).intersect(o.ports.get(j)));
      }
      if (his.get(i).compareTo(o.his.get(j)) < 0) {
        i++;
      } else {
        j++;
      }
    }
    return b.build();
  }

  /** Keeps only the given addresses (all ports). */
  Region restrict(AddressSet a) {
    Builder b = new Builder();
    int i = 0;
    int j = 0;
    while (i < los.size() && j < a.intervalCount()) {
      BigInteger lo = los.get(i).max(a.lo(j));
      BigInteger hi = his.get(i).min(a.hi(j));
      if (lo.compareTo(hi) <= 0) {
        b.add(lo, hi, ports.get(i));
      }
      if (his.get(i).compareTo(a.hi(j)) < 0) {
        i++;
      } else {
        j++;
      }
    }
    return b.build();
  }

  /** Addresses for which some port of {@code p} is in the region. */
  AddressSet addressesWithPortsIn(PortSet p) {
    AddressSet r = AddressSet.EMPTY;
    List<AddressSet> parts = new ArrayList<>();
    for (int i = 0; i < los.size(); i++) {
      if (ports.get(i).intersects(p)) {
        parts.add(AddressSet.range(los.get(i), his.get(i)));
      }
    }
    return parts.isEmpty() ? r : AddressSet.unionAll(parts);
  }

  /** Union of every port set. */
  PortSet allPorts() {
    PortSet p = PortSet.EMPTY;
    for (PortSet q : ports) {
      p = p.union(q);
    }
    return p;
  }

  /** Addresses whose port set contains the port. */
  AddressSet addressesWithPort(int port) {
    return addressesWithPortsIn(PortSet.of(port));
  }

  /** The port set at one address, empty when absent. */
  PortSet portsAt(BigInteger a) {
    int lo = 0;
    int hi = los.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (his.get(mid).compareTo(a) < 0) {
        lo = mid + 1;
      } else if (los.get(mid).compareTo(a) > 0) {
        hi = mid - 1;
      } else {
        return ports.get(mid);
      }
    }
    return PortSet.EMPTY;
  }
}
