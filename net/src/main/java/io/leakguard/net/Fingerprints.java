package io.leakguard.net;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * SHA-256 content fingerprints of rule sets, so an incremental diff tells changed rule sets from
 * unchanged ones without comparing 100,000 rule lines field by field.
 *
 * <p>The fingerprint covers every field of the rule set and of its lines except source locations
 * (id, name, provider, kind, address; per line priority, access, direction, flags, ports, remote
 * and local address sets, name, protocols, selectors, sources as written, rule set name and id), in
 * a length-prefixed canonical encoding (sets sorted), so equal content gives equal bytes; SHA-256
 * makes a collision between different content negligible (the same trust Git puts in its object
 * ids). Fingerprints are computed once per {@link RuleSet} instance (identity: {@code
 * RuleSet.equals} is identity) and kept in a weak map; {@link io.leakguard.net.read.ExportReader}
 * computes them while reading, so a diff of two loaded models only compares 32-byte arrays.
 */
final class Fingerprints {
  private Fingerprints() {}

  private static final Map<RuleSet, byte[]> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Computes the fingerprints of every rule set of {@code m} (model and layers). */
  static void prepare(NetModel m) {
    List<RuleSet> all = new ArrayList<>(m.ruleSets());
    for (Target t : m.targets()) {
      for (Layer l : t.layers()) {
        all.addAll(l.ruleSets());
      }
    }
    all.parallelStream().forEach(Fingerprints::of);
  }

  static byte[] of(RuleSet rs) {
    byte[] fp = CACHE.get(rs);
    if (fp == null) {
      fp = compute(rs);
      CACHE.put(rs, fp);
    }
    return fp;
  }

  static boolean same(RuleSet a, RuleSet b) {
    return Arrays.equals(of(a), of(b));
  }

  private static byte[] compute(RuleSet rs) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    putString(md, rs.id());
    putString(md, rs.name());
    putInt(md, rs.provider().ordinal());
    putString(md, rs.kind());
    putString(md, rs.address());
    putInt(md, rs.lines().size());
    for (RuleLine l : rs.lines()) {
      putLong(md, l.priority());
      md.update(
          (byte)
              ((l.allow() ? 1 : 0)
                  | (l.sourcePortsRestricted() ? 2 : 0)
                  | (l.unknown() ? 4 : 0)
                  | (l.platformDefault() ? 8 : 0)));
      putInt(md, l.direction().ordinal());
      l.ports().digest(md);
      l.remote().digest(md);
      l.local().digest(md);
      putString(md, l.name());
      List<Integer> protos = new ArrayList<>();
      for (Protocol p : l.protocols()) {
        protos.add(p.ordinal());
      }
      Collections.sort(protos);
      putInt(md, protos.size());
      for (int p : protos) {
        putInt(md, p);
      }
      putStrings(md, new java.util.TreeSet<>(l.localSelectors()));
      putStrings(md, l.remoteAsWritten());
      putString(md, l.ruleSetName());
      putString(md, l.ruleSetId());
    }
    return md.digest();
  }

  static void putInt(MessageDigest md, int v) {
    md.update((byte) (v >>> 24));
    md.update((byte) (v >>> 16));
    md.update((byte) (v >>> 8));
    md.update((byte) v);
  }

  static void putLong(MessageDigest md, long v) {
    putInt(md, (int) (v >>> 32));
    putInt(md, (int) v);
  }

  static void putBytes(MessageDigest md, byte[] b) {
    putInt(md, b.length);
    md.update(b);
  }

  /** A string with its length (null as -1). */
  static void putString(MessageDigest md, String s) {
    if (s == null) {
      putInt(md, -1);
      return;
    }
    putBytes(md, s.getBytes(StandardCharsets.UTF_8));
  }

  static void putStrings(MessageDigest md, Collection<String> c) {
    putInt(md, c.size());
    for (String s : c) {
      putString(md, s);
    }
  }
}
