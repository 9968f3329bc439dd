package io.leakguard.net;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
