package io.leakguard.net;

import io.leakguard.core.Warning;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Differential audit: the same engine on a before and an after model, reporting only findings the
 * change adds or removes, each with the rule changes (in the rule sets on its path) responsible.
 *
 * <p>Example: {@code NetDiff.diff(ExportReader.read(plan, BEFORE), ExportReader.read(plan, AFTER),
 * Policy.defaults(), LocalDate.now())}.
 */
public final class NetDiff {
  private NetDiff() {}

  /**
   * One changed rule.
   *
   * @param change {@code added}, {@code removed} or {@code modified}
   */
  public record RuleChange(
      String change,
      String ruleSetId,
      String ruleSet,
      String rule,
      String direction,
      Long priority,
      String action,
      String file,
      String jsonPath) {}

  /** One added or removed finding with the rule changes responsible. */
  public record Entry(String change, Finding finding, List<RuleChange> ruleChanges) {
    public Entry {
      ruleChanges = List.copyOf(ruleChanges);
    }
  }

  /** The diff: entries (added first, in audit order) and the warnings of both sides. */
  public record Report(List<Entry> entries, List<Warning> warnings) {
    public Report {
      entries = List.copyOf(entries);
      warnings = List.copyOf(warnings);
    }
  }

  public static Report diff(NetModel before, NetModel after, Policy policy, LocalDate today) {
    AuditReport b = NetAudit.audit(before, policy, today);
    AuditReport a = NetAudit.audit(after, policy, today);
    Map<String, Finding> bIds = new LinkedHashMap<>();
    b.findings().forEach(f -> bIds.put(f.id(), f));
    Map<String, Finding> aIds = new LinkedHashMap<>();
    a.findings().forEach(f -> aIds.put(f.id(), f));
    Map<String, RuleLine> bRules = index(before);
    Map<String, RuleLine> aRules = index(after);
    List<Entry> out = new ArrayList<>();
    for (Finding f : a.findings()) {
      if (!bIds.containsKey(f.id())) {
        out.add(new Entry("added", f, changes(f, bRules, aRules)));
      }
    }
    for (Finding f : b.findings()) {
      if (!aIds.containsKey(f.id())) {
        out.add(new Entry("removed", f, changes(f, bRules, aRules)));
      }
    }
    Map<String, Warning> ws = new LinkedHashMap<>();
    for (Warning w : b.warnings()) {
      ws.putIfAbsent(w.code() + "|" + w.message(), w);
    }
    for (Warning w : a.warnings()) {
      ws.putIfAbsent(w.code() + "|" + w.message(), w);
    }
    return new Report(out, new ArrayList<>(ws.values()));
  }

  private static String key(RuleLine l) {
    String p = l.source() == null || l.source().jsonPath() == null ? "" : l.source().jsonPath();
    String tail =
        p.matches(".*\\.(allowed|denied)\\[\\d+\\]$") ? p.substring(p.lastIndexOf('.')) : "";
    return l.ruleSetId().toLowerCase(Locale.ROOT)
        + "|"
        + l.direction()
        + "|"
        + l.name().replaceAll("\\[\\d+\\]", "")
        + tail;
  }

  private static Map<String, RuleLine> index(NetModel m) {
    Map<String, RuleLine> out = new HashMap<>();
    for (RuleSet rs : m.ruleSets()) {
      for (RuleLine l : rs.lines()) {
        out.putIfAbsent(key(l), l);
      }
    }
    return out;
  }

  private static boolean same(RuleLine x, RuleLine y) {
    return x.priority() == y.priority()
        && x.allow() == y.allow()
        && x.protocols().equals(y.protocols())
        && x.remote().equals(y.remote())
        && x.ports().equals(y.ports())
        && x.local().equals(y.local())
        && x.localSelectors().equals(y.localSelectors())
        && x.sourcePortsRestricted() == y.sourcePortsRestricted()
        && x.unknown() == y.unknown();
  }

  private static List<RuleChange> changes(
      Finding f, Map<String, RuleLine> before, Map<String, RuleLine> after) {
    Set<String> sets = new LinkedHashSet<>();
    for (Finding.PathStep s : f.path()) {
      if (s.resourceId() != null) {
        for (String id : s.resourceId().split(",")) {
          sets.add(id.toLowerCase(Locale.ROOT));
        }
      }
    }
    sets.add(f.targetId().toLowerCase(Locale.ROOT));
    List<RuleChange> out = new ArrayList<>();
    for (Map.Entry<String, RuleLine> e : after.entrySet()) {
      RuleLine l = e.getValue();
      if (!sets.contains(l.ruleSetId().toLowerCase(Locale.ROOT))
          || l.direction() != f.direction()) {
        continue;
      }
      RuleLine old = before.get(e.getKey());
      if (!relevant(l, f) && (old == null || !relevant(old, f))) {
        continue;
      }
      if (old == null) {
        out.add(change("added", l));
      } else if (!same(old, l)) {
        out.add(change("modified", l));
      }
    }
    for (Map.Entry<String, RuleLine> e : before.entrySet()) {
      RuleLine l = e.getValue();
      if (sets.contains(l.ruleSetId().toLowerCase(Locale.ROOT))
          && l.direction() == f.direction()
          && !after.containsKey(e.getKey())
          && relevant(l, f)) {
        out.add(change("removed", l));
      }
    }
    out.sort(
        (x, y) ->
            Objects.compare(
                x.priority() == null ? -1L : x.priority(),
                y.priority() == null ? -1L : y.priority(),
                Long::compare));
    return out;
  }

  /** True when the rule can match part of the finding's protocol and ports. */
  private static boolean relevant(RuleLine l, Finding f) {
    PortSet ports = PortSet.EMPTY;
    for (String p : f.ports()) {
      ports = ports.union(PortSet.parse(p));
    }
    for (Protocol p : l.protocols()) {
      if ((f.protocol().equals("any") || f.protocol().contains(p.word()))
          && l.portsFor(p).intersects(ports)) {
        return true;
      }
    }
    return false;
  }

  private static RuleChange change(String c, RuleLine l) {
    return new RuleChange(
        c,
        l.ruleSetId(),
        l.ruleSetName(),
        l.name(),
        l.direction().word(),
        l.priority() < 0 ? null : l.priority(),
        l.action(),
        l.source() == null ? null : l.source().file(),
        l.source() == null ? null : l.source().jsonPath());
  }
}
