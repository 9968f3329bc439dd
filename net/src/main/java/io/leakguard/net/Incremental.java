package io.leakguard.net;

import java.lang.ref.WeakReference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks the part of two models that a diff has to re-audit.
 *
 * <p>Design notes (for maintainers): a finding id depends only on (check, provider, target id,
 * direction, protocol, ports), and the ports and checks of a target's findings depend only on the
 * target's own fields (id, provider, address, labels) and on the rule lines of its layers; a
 * hygiene finding depends only on its rule set. So a target that is field-for-field the same on
 * both sides, whose layers reference the same rule set ids and none of them changed, yields the
 * same finding ids before and after, and cannot appear in the diff. Findings are deduplicated by id
 * across targets, so the affected set is closed over target ids (every target sharing an id with an
 * affected one is re-audited too). Source locations (file, JSON path) are ignored when comparing
 * rule lines: they do not enter ids (the two sides usually live in different folders).
 *
 * <p>Falls back to a full audit (returns null) when the policy has an expired suppression (its
 * warning would depend on every finding).
 */
final class Incremental {
  private Incremental() {}

  /**
   * The sub-models {before, after} to audit, or null when the full models must be audited. The
   * sub-models keep the full warnings lists.
   */
  static NetModel[] affected(NetModel before, NetModel after, Policy policy, LocalDate today) {
    for (Policy.Suppression s : policy.suppressions()) {
      if (s.expires().isBefore(today)) {
        return null;
      }
    }
    Index bi = index(before);
    Index ai = index(after);
    if (Arrays.equals(bi.targetsDigest, ai.targetsDigest)) {
      // the usual change (rules only): the targets are the same on both sides, field for field
      // and in order, so the targets to re-audit are those whose layers use a changed rule set,
      // found by id in the indexes; no walk over the targets, no rule line compared
      Set<String> changed = new HashSet<>();
      for (Map.Entry<String, byte[][]> e : bi.fingerprints.entrySet()) {
        byte[][] other = ai.fingerprints.get(e.getKey());
        if (other == null || !Arrays.deepEquals(e.getValue(), other)) {
          changed.add(e.getKey());
        }
      }
      for (String id : ai.fingerprints.keySet()) {
        if (!bi.fingerprints.containsKey(id)) {
          changed.add(id);
        }
      }
      Set<String> targetIds = new HashSet<>();
      for (String id : changed) {
        for (int i : bi.targetsBySet.getOrDefault(id, NONE)) {
          targetIds.add(lower(before.targets().get(i).id()));
        }
        for (int i : ai.targetsBySet.getOrDefault(id, NONE)) {
          targetIds.add(lower(after.targets().get(i).id()));
        }
      }
      return new NetModel[] {
        sub(before, bi, targetIds, changed), sub(after, ai, targetIds, changed)
      };
    }
    Map<String, List<RuleSet>> bSets = byId(before);
    Map<String, List<RuleSet>> aSets = byId(after);
    // the comparisons are pure and independent: both cores share them (a one-rule diff on 100,000
    // rules is dominated by comparing every unchanged line)
    Set<String> changed =
        bSets.entrySet().parallelStream()
            .filter(
                e -> {
                  List<RuleSet> other = aSets.get(e.getKey());
                  return other == null || !sameSets(e.getValue(), other);
                })
            .map(Map.Entry::getKey)
            .collect(java.util.stream.Collectors.toCollection(HashSet::new));
    for (String id : aSets.keySet()) {
      if (!bSets.containsKey(id)) {
        changed.add(id);
      }
    }
    Set<RuleSet> changedSets = Collections.newSetFromMap(new IdentityHashMap<>());
    for (String id : changed) {
      changedSets.addAll(bSets.getOrDefault(id, List.of()));
      changedSets.addAll(aSets.getOrDefault(id, List.of()));
    }
    // per target: null when it touches a changed rule set, else its signature (computed in
    // parallel, merged in order below so the result is the same as a sequential walk)
    Sig[] bSig = sigs(before.targets(), changedSets);
    Sig[] aSig = sigs(after.targets(), changedSets);
    Set<String> targetIds = new HashSet<>();
    Map<Sig, Integer> count = new HashMap<>();
    for (int i = 0; i < bSig.length; i++) {
      if (bSig[i] == null) {
        targetIds.add(lower(before.targets().get(i).id()));
      } else {
        count.merge(bSig[i], 1, Integer::sum);
      }
    }
    for (int i = 0; i < aSig.length; i++) {
      if (aSig[i] == null) {
        targetIds.add(lower(after.targets().get(i).id()));
        continue;
      }
      Sig s = aSig[i];
      Integer n = count.get(s);
      if (n == null) {
        targetIds.add(lower(s.id()));
      } else if (n == 1) {
        count.remove(s);
      } else {
        count.put(s, n - 1);
      }
    }
    for (Sig s : count.keySet()) {
      targetIds.add(lower(s.id())); // only before
    }
    return new NetModel[] {sub(before, targetIds, changed), sub(after, targetIds, changed)};
  }

  private static NetModel sub(NetModel m, Set<String> targetIds, Set<String> changedSets) {
    // few ids are affected: test every target against them case-insensitively without building a
    // lower-case copy of each id (ids are lower-cased keys; a case-insensitive match that
    // toLowerCase would not make only re-audits a target more on both sides, which is harmless)
    Set<String> tIds = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    tIds.addAll(targetIds);
    Set<String> rIds = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    rIds.addAll(changedSets);
    List<Target> ts = new ArrayList<>();
    for (Target t : m.targets()) {
      if (tIds.contains(t.id())) {
        ts.add(t);
      }
    }
    List<RuleSet> rs = new ArrayList<>();
    for (RuleSet r : m.ruleSets()) {
      if (rIds.contains(r.id())) {
        rs.add(r);
      }
    }
    return new NetModel(ts, rs, m.warnings());
  }

  private static final int[] NONE = new int[0];

  /** {@link #sub(NetModel, Set, Set)} by the index: targets and rule sets in model order. */
  private static NetModel sub(NetModel m, Index x, Set<String> targetIds, Set<String> changedSets) {
    List<Integer> ti = new ArrayList<>();
    for (String id : targetIds) {
      for (int i : x.targetsById.getOrDefault(id, NONE)) {
        ti.add(i);
      }
    }
    Collections.sort(ti);
    List<Target> ts = new ArrayList<>(ti.size());
    for (int i : ti) {
      ts.add(m.targets().get(i));
    }
    List<Integer> ri = new ArrayList<>();
    for (String id : changedSets) {
      for (int i : x.setsById.getOrDefault(id, NONE)) {
        ri.add(i);
      }
    }
    Collections.sort(ri);
    List<RuleSet> rs = new ArrayList<>(ri.size());
    for (int i : ri) {
      rs.add(m.ruleSets().get(i));
    }
    return new NetModel(ts, rs, m.warnings());
  }

  /**
   * What a diff needs of one model, computed once per model instance ({@link NetDiff#prepare} at
   * read time, else on first use): per rule set id (lower case) the fingerprints of the rule sets
   * with that id (model and layers, in first-seen order, as {@link #byId}), the targets whose
   * layers use that id, the targets and the model's rule sets by id, and a SHA-256 digest of every
   * target's {@link Sig} in order (equal digests: the same targets field for field, source
   * locations aside). Holds no model objects, only ids, indexes and digests.
   */
  static final class Index {
    final Map<String, byte[][]> fingerprints = new HashMap<>();
    final Map<String, int[]> targetsBySet = new HashMap<>();
    final Map<String, int[]> targetsById = new HashMap<>();

    /** Indexes into {@code m.ruleSets()} by id, in first-seen order (LinkedHashMap). */
    final Map<String, int[]> setsById = new LinkedHashMap<>();

    /** Position of each id in {@link #setsById} (first-seen order of the model's rule sets). */
    final Map<String, Integer> setOrder = new HashMap<>();

    final byte[] targetsDigest;

    Index(NetModel m) {
      for (Map.Entry<String, List<RuleSet>> e : byId(m).entrySet()) {
        byte[][] fps = new byte[e.getValue().size()][];
        for (int i = 0; i < fps.length; i++) {
          fps[i] = Fingerprints.of(e.getValue().get(i));
        }
        fingerprints.put(e.getKey(), fps);
      }
      Map<String, List<Integer>> bySet = new HashMap<>();
      Map<String, List<Integer>> byTarget = new HashMap<>();
      List<Target> targets = m.targets();
      for (int i = 0; i < targets.size(); i++) {
        Target t = targets.get(i);
        byTarget.computeIfAbsent(lower(t.id()), k -> new ArrayList<>(1)).add(i);
        for (Layer l : t.layers()) {
          for (RuleSet rs : l.ruleSets()) {
            List<Integer> at = bySet.computeIfAbsent(lower(rs.id()), k -> new ArrayList<>());
            if (at.isEmpty() || at.get(at.size() - 1) != i) {
              at.add(i);
            }
          }
        }
      }
      bySet.forEach((k, v) -> targetsBySet.put(k, ints(v)));
      byTarget.forEach((k, v) -> targetsById.put(k, ints(v)));
      Map<String, List<Integer>> sets = new LinkedHashMap<>();
      for (int i = 0; i < m.ruleSets().size(); i++) {
        sets.computeIfAbsent(lower(m.ruleSets().get(i).id()), k -> new ArrayList<>(1)).add(i);
      }
      sets.forEach(
          (k, v) -> {
            setOrder.put(k, setsById.size());
            setsById.put(k, ints(v));
          });
      targetsDigest = digest(targets);
    }

    private static int[] ints(List<Integer> v) {
      int[] out = new int[v.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = v.get(i);
      }
      return out;
    }

    /**
     * SHA-256 over every target's {@link Sig} fields in a length-prefixed encoding (tags by key,
     * labels sorted: {@code Sig.equals} compares them as a map and a set), targets in order.
     */
    private static byte[] digest(List<Target> targets) {
      MessageDigest md;
      try {
        md = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      Fingerprints.putInt(md, targets.size());
      for (Target t : targets) {
        Fingerprints.putString(md, t.id());
        Fingerprints.putString(md, t.name());
        Fingerprints.putInt(md, t.provider() == null ? -1 : t.provider().ordinal());
        Fingerprints.putString(md, t.privateIp());
        List<Map.Entry<String, String>> tags = new ArrayList<>(t.tags().entrySet());
        tags.sort(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.naturalOrder())));
        Fingerprints.putInt(md, tags.size());
        for (Map.Entry<String, String> e : tags) {
          Fingerprints.putString(md, e.getKey());
          Fingerprints.putString(md, e.getValue());
        }
        List<String> labels = new ArrayList<>(t.labels());
        labels.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
        Fingerprints.putStrings(md, labels);
        md.update((byte) (t.publicPath() ? 1 : 0));
        Fingerprints.putString(md, t.publicPathReason());
        Fingerprints.putString(md, t.address());
        Fingerprints.putInt(md, t.layers().size());
        for (Layer l : t.layers()) {
          Fingerprints.putString(md, l.role());
          Fingerprints.putInt(md, l.evaluation() == null ? -1 : l.evaluation().ordinal());
          md.update((byte) ((l.stateless() ? 1 : 0) | (l.unknown() ? 2 : 0)));
          Fingerprints.putString(md, l.unknownRef());
          Fingerprints.putInt(md, l.ruleSets().size());
          for (RuleSet rs : l.ruleSets()) {
            Fingerprints.putString(md, rs.id());
          }
        }
      }
      return md.digest();
    }
  }

  private static final int SLOTS = 4;

  @SuppressWarnings("unchecked")
  private static final WeakReference<NetModel>[] KEYS = new WeakReference[SLOTS];

  private static final Index[] VALUES = new Index[SLOTS];
  private static int next;

  /**
   * The index of {@code m}, kept for the last {@value #SLOTS} models (by identity; a watch loop
   * diffs each model twice: as the after side, then as the before side).
   */
  static Index index(NetModel m) {
    synchronized (KEYS) {
      for (int i = 0; i < SLOTS; i++) {
        if (KEYS[i] != null && KEYS[i].get() == m) {
          return VALUES[i];
        }
      }
    }
    Index x = new Index(m);
    synchronized (KEYS) {
      KEYS[next] = new WeakReference<>(m);
      VALUES[next] = x;
      next = (next + 1) % SLOTS;
    }
    return x;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Every rule set of the model and of its targets' layers, by id (lower case). */
  private static Map<String, List<RuleSet>> byId(NetModel m) {
    Set<RuleSet> all = new LinkedHashSet<>(m.ruleSets()); // identity (RuleSet.equals)
    for (Target t : m.targets()) {
      for (Layer l : t.layers()) {
        all.addAll(l.ruleSets());
      }
    }
    Map<String, List<RuleSet>> out = new HashMap<>();
    for (RuleSet rs : all) {
      out.computeIfAbsent(lower(rs.id()), k -> new ArrayList<>(1)).add(rs);
    }
    return out;
  }

  private static boolean touches(Target t, Set<RuleSet> changed) {
    if (changed.isEmpty()) {
      return false;
    }
    for (Layer l : t.layers()) {
      for (RuleSet rs : l.ruleSets()) {
        if (changed.contains(rs)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean sameSets(List<RuleSet> a, List<RuleSet> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      RuleSet x = a.get(i);
      RuleSet y = b.get(i);
      if (!Fingerprints.same(x, y)) {
        return false;
      }
    }
    return true;
  }

  /** A target's fields that can influence its findings, except source locations. */
  private record Sig(
      String id,
      String name,
      Provider provider,
      String privateIp,
      Map<String, String> tags,
      Set<String> labels,
      boolean publicPath,
      String publicPathReason,
      String address,
      List<LayerSig> layers) {}

  private record LayerSig(
      String role,
      Layer.Evaluation evaluation,
      boolean stateless,
      boolean unknown,
      String unknownRef,
      List<String> ruleSetIds) {}

  private static Sig[] sigs(List<Target> targets, Set<RuleSet> changedSets) {
    Sig[] out = new Sig[targets.size()];
    java.util.stream.IntStream.range(0, out.length)
        .parallel()
        .forEach(
            i -> {
              Target t = targets.get(i);
              if (!touches(t, changedSets)) {
                Sig s = sig(t);
                out[i] = s;
              }
            });
    return out;
  }

  private static Sig sig(Target t) {
    List<LayerSig> ls = new ArrayList<>(t.layers().size());
    for (Layer l : t.layers()) {
      List<String> ids = new ArrayList<>(l.ruleSets().size());
      for (RuleSet rs : l.ruleSets()) {
        ids.add(rs.id());
      }
      ls.add(
          new LayerSig(l.role(), l.evaluation(), l.stateless(), l.unknown(), l.unknownRef(), ids));
    }
    return new Sig(
        t.id(),
        t.name(),
        t.provider(),
        t.privateIp(),
        t.tags(),
        t.labels(),
        t.publicPath(),
        t.publicPathReason(),
        t.address(),
        ls);
  }
}
