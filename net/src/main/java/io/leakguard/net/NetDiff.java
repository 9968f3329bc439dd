package io.leakguard.net;

import io.leakguard.core.Warning;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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

  /**
   * Precomputes what an incremental diff of {@code m} needs (SHA-256 content fingerprints of its
   * rule sets), so a diff of two loaded models does not compare every rule line. {@link
   * io.leakguard.net.read.ExportReader} calls it while reading; a diff computes what is missing.
   */
  public static void prepare(NetModel m) {
    Fingerprints.prepare(m);
    Incremental.index(m); // rule set ids, targets by rule set, digest of the targets
  }

  /**
   * The diff of two models. Only targets whose layers contain a changed rule set (or that differ
   * themselves) and the changed rule sets are re-audited on each side: everything else yields the
   * same finding ids on both sides and cannot appear in the diff. The result equals {@link
   * #fullDiff} (tested on random single-rule changes).
   */
  public static Report diff(NetModel before, NetModel after, Policy policy, LocalDate today) {
    NetModel[] sub = Incremental.affected(before, after, policy, today);
    if (sub == null) {
      return fullDiff(before, after, policy, today);
    }
    return diff(before, after, sub[0], sub[1], policy, today);
  }

  /** The diff computed from complete audits of both models (the reference for {@link #diff}). */
  public static Report fullDiff(NetModel before, NetModel after, Policy policy, LocalDate today) {
    return diff(before, after, before, after, policy, today);
  }

  private static Report diff(
      NetModel before,
      NetModel after,
      NetModel bAudit,
      NetModel aAudit,
      Policy policy,
      LocalDate today) {
    AuditReport b = NetAudit.audit(bAudit, policy, today);
    AuditReport a = NetAudit.audit(aAudit, policy, today);
    Set<String> bIds = new HashSet<>();
    b.findings().forEach(f -> bIds.add(f.id()));
    Set<String> aIds = new HashSet<>();
    a.findings().forEach(f -> aIds.add(f.id()));
    RuleIndex bRules = new RuleIndex(before);
    RuleIndex aRules = new RuleIndex(after);
    List<Entry> out = new ArrayList<>();
    for (Finding f : a.findings()) {
      if (!bIds.contains(f.id())) {
        out.add(new Entry("added", f, changes(f, bRules, aRules)));
      }
    }
    for (Finding f : b.findings()) {
      if (!aIds.contains(f.id())) {
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
    String tail = GCP_TAIL.matcher(p).matches() ? p.substring(p.lastIndexOf('.')) : "";
    return l.ruleSetId().toLowerCase(Locale.ROOT)
        + "|"
        + l.direction()
        + "|"
        + INDEX.matcher(l.name()).replaceAll("")
        + tail;
  }

  private static final Pattern GCP_TAIL = Pattern.compile(".*\\.(allowed|denied)\\[\\d+\\]$");
  private static final Pattern INDEX = Pattern.compile("\\[\\d+\\]");

  /**
   * Rule lines by {@link #key}, built lazily per rule set id (lower case) and only for the rule
   * sets a reported finding crosses. Per id, the first line with a key wins, in model order.
   */
  private static final class RuleIndex {
    private final NetModel model;
    private final Incremental.Index index;
    private final Map<String, Map<String, RuleLine>> built = new HashMap<>();

    RuleIndex(NetModel m) {
      this.model = m;
      this.index = Incremental.index(m); // rule sets by id, made once per model
    }

    /** Lines of the rule set(s) with this id, by key, in model order (empty when absent). */
    Map<String, RuleLine> lines(String idLower) {
      return built.computeIfAbsent(
          idLower,
          id -> {
            Map<String, RuleLine> out = new LinkedHashMap<>();
            for (int i : index.setsById.getOrDefault(id, new int[0])) {
              for (RuleLine l : model.ruleSets().get(i).lines()) {
                out.putIfAbsent(key(l), l);
              }
            }
            return out;
          });
    }

    /** The ids in model order (ids absent from the model last, in their given order). */
    List<String> ordered(Set<String> ids) {
      List<String> out = new ArrayList<>(ids);
      out.sort(Comparator.comparingInt(id -> index.setOrder.getOrDefault(id, Integer.MAX_VALUE)));
      return out;
    }
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

  private static List<RuleChange> changes(Finding f, RuleIndex before, RuleIndex after) {
    Set<String> sets = new LinkedHashSet<>();
    for (Finding.PathStep s : f.path()) {
      if (s.resourceId() != null) {
        for (String id : s.resourceId().split(",")) {
          sets.add(id.toLowerCase(Locale.ROOT));
        }
      }
    }
    sets.add(f.targetId().toLowerCase(Locale.ROOT));
    PortSet ports = ports(f); // once per finding, not once per rule line
    List<RuleChange> out = new ArrayList<>();
    for (String id : after.ordered(sets)) {
      Map<String, RuleLine> old = before.lines(id);
      for (Map.Entry<String, RuleLine> e : after.lines(id).entrySet()) {
        RuleLine l = e.getValue();
        if (l.direction() != f.direction()) {
          continue;
        }
        RuleLine was = old.get(e.getKey());
        if (!relevant(l, ports, f) && (was == null || !relevant(was, ports, f))) {
          continue;
        }
        if (was == null) {
          out.add(change("added", l));
        } else if (!same(was, l)) {
          out.add(change("modified", l));
        }
      }
    }
    for (String id : before.ordered(sets)) {
      Map<String, RuleLine> now = after.lines(id);
      for (Map.Entry<String, RuleLine> e : before.lines(id).entrySet()) {
        RuleLine l = e.getValue();
        if (l.direction() == f.direction()
            && !now.containsKey(e.getKey())
            && relevant(l, ports, f)) {
          out.add(change("removed", l));
        }
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

  /** The finding's ports as one set. */
  private static PortSet ports(Finding f) {
    PortSet ports = PortSet.EMPTY;
    for (String p : f.ports()) {
      ports = ports.union(PortSet.parse(p));
    }
    return ports;
  }

  /** True when the rule can match part of the finding's protocol and {@code ports}. */
  private static boolean relevant(RuleLine l, PortSet ports, Finding f) {
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
