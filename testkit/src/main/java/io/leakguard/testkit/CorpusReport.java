package io.leakguard.testkit;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiFinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of {@link CorpusScorer}: leak recall overall, per type and per form, type-correct
 * recall, precision and the share of look-alikes flagged. Immutable.
 *
 * <p>Targets ({@link #targetFailures()}): overall leak recall on standard forms at least {@value
 * #TARGET_STANDARD_RECALL}, on non-standard forms at least {@value #TARGET_NON_STANDARD_RECALL},
 * precision at least {@value #TARGET_PRECISION}, at most {@value #TARGET_MAX_LOOKALIKE_SHARE} of
 * look-alikes flagged. Per-type rows below a target are marked in the Markdown table but do not
 * fail the targets.
 *
 * <pre>{@code
 * CorpusReport rep = CorpusScorer.score(cases, analyzer);
 * rep.leakRecall();                       // 0.991
 * rep.leakRecall(EntityType.EMAIL_ADDRESS, Form.SPACE_FOR_DOT);
 * Files.writeString(path, rep.toMarkdown());
 * }</pre>
 *
 * <p>The examples ({@link #misses()}, {@link #falsePositives()}, {@link #flaggedLookalikes()}) hold
 * case ids and offsets only, never text, and keep the first {@value #MAX_EXAMPLES} of each.
 */
public final class CorpusReport {
  public static final double TARGET_STANDARD_RECALL = 0.99;
  public static final double TARGET_NON_STANDARD_RECALL = 0.97;
  public static final double TARGET_PRECISION = 0.97;
  public static final double TARGET_MAX_LOOKALIKE_SHARE = 0.01;
  static final int MAX_EXAMPLES = 200;

  /** Counts of one group of gold entity spans. */
  public record Tally(int total, int caught, int typeCaught) {
    public double recall() {
      return total == 0 ? 1.0 : (double) caught / total;
    }

    public double typeCorrectRecall() {
      return total == 0 ? 1.0 : (double) typeCaught / total;
    }

    Tally add(boolean c, boolean t) {
      return new Tally(total + 1, caught + (c ? 1 : 0), typeCaught + (t ? 1 : 0));
    }

    static final Tally ZERO = new Tally(0, 0, 0);
  }

  /** A gold span or finding example: case id, label, span. */
  public record Example(String caseId, String type, String form, int start, int end) {}

  private final Map<EntityType, Map<Form, Tally>> byForm;
  private final Map<LookalikeKind, int[]> lookalikes; // {total, flagged}
  private final Map<EntityType, int[]> findings; // {total, tp, onLookalike, otherType, nothing}
  private final List<Example> misses;
  private final List<Example> falsePositives;
  private final List<Example> flagged;

  private CorpusReport(Builder b) {
    Map<EntityType, Map<Form, Tally>> m = new EnumMap<>(EntityType.class);
    b.byForm.forEach((k, v) -> m.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
    this.byForm = Collections.unmodifiableMap(m);
    Map<LookalikeKind, int[]> l = new EnumMap<>(LookalikeKind.class);
    b.lookalikes.forEach((k, v) -> l.put(k, v.clone()));
    this.lookalikes = l;
    Map<EntityType, int[]> f = new EnumMap<>(EntityType.class);
    b.findings.forEach((k, v) -> f.put(k, v.clone()));
    this.findings = f;
    this.misses = List.copyOf(b.misses);
    this.falsePositives = List.copyOf(b.falsePositives);
    this.flagged = List.copyOf(b.flagged);
  }

  // ------------------------------------------------------------------ tallies

  private Tally sum(EntityType type, Boolean standard) {
    Tally t = Tally.ZERO;
    for (Map.Entry<EntityType, Map<Form, Tally>> e : byForm.entrySet()) {
      if (type != null && e.getKey() != type) {
        continue;
      }
      for (Map.Entry<Form, Tally> f : e.getValue().entrySet()) {
        if (standard != null && f.getKey().standard() != standard) {
          continue;
        }
        Tally x = f.getValue();
        t = new Tally(t.total + x.total, t.caught + x.caught, t.typeCaught + x.typeCaught);
      }
    }
    return t;
  }

  /** All gold entity spans. */
  public Tally overall() {
    return sum(null, null);
  }

  public Tally overall(EntityType type) {
    return sum(type, null);
  }

  /** Gold spans in standard ({@code true}) or non-standard forms. */
  public Tally overall(boolean standardForms) {
    return sum(null, standardForms);
  }

  public Tally overall(EntityType type, boolean standardForms) {
    return sum(type, standardForms);
  }

  public Tally overall(EntityType type, Form form) {
    Map<Form, Tally> m = byForm.get(type);
    Tally t = m == null ? null : m.get(form);
    return t == null ? Tally.ZERO : t;
  }

  public double leakRecall() {
    return overall().recall();
  }

  public double leakRecall(EntityType type) {
    return overall(type).recall();
  }

  public double leakRecall(EntityType type, Form form) {
    return overall(type, form).recall();
  }

  public double standardRecall() {
    return overall(true).recall();
  }

  public double nonStandardRecall() {
    return overall(false).recall();
  }

  public double typeCorrectRecall() {
    return overall().typeCorrectRecall();
  }

  /** The (type, form) pairs present in the corpus, per type in form order. */
  public Map<EntityType, List<Form>> forms() {
    Map<EntityType, List<Form>> out = new EnumMap<>(EntityType.class);
    byForm.forEach((k, v) -> out.put(k, List.copyOf(v.keySet())));
    return out;
  }

  public int entityCount() {
    return overall().total();
  }

  public int findingCount() {
    int n = 0;
    for (int[] f : findings.values()) {
      n += f[0];
    }
    return n;
  }

  public int truePositiveFindings() {
    int n = 0;
    for (int[] f : findings.values()) {
      n += f[1];
    }
    return n;
  }

  /** TP / all findings; 1.0 without findings. */
  public double precision() {
    int n = findingCount();
    return n == 0 ? 1.0 : (double) truePositiveFindings() / n;
  }

  /** Precision of the findings of one type. */
  public double precision(EntityType type) {
    int[] f = findings.get(type);
    return f == null || f[0] == 0 ? 1.0 : (double) f[1] / f[0];
  }

  public int lookalikeCount() {
    int n = 0;
    for (int[] v : lookalikes.values()) {
      n += v[0];
    }
    return n;
  }

  public int lookalikesFlagged() {
    int n = 0;
    for (int[] v : lookalikes.values()) {
      n += v[1];
    }
    return n;
  }

  public double lookalikeFlagShare() {
    int n = lookalikeCount();
    return n == 0 ? 0.0 : (double) lookalikesFlagged() / n;
  }

  public double lookalikeFlagShare(LookalikeKind kind) {
    int[] v = lookalikes.get(kind);
    return v == null || v[0] == 0 ? 0.0 : (double) v[1] / v[0];
  }

  /** Gold entity spans not caught (first {@value #MAX_EXAMPLES}). */
  public List<Example> misses() {
    return misses;
  }

  /** False-positive findings (first {@value #MAX_EXAMPLES}); form holds the detector name. */
  public List<Example> falsePositives() {
    return falsePositives;
  }

  /** Flagged look-alikes (first {@value #MAX_EXAMPLES}). */
  public List<Example> flaggedLookalikes() {
    return flagged;
  }

  /** Which targets are missed, one line each; empty when all are met. */
  public List<String> targetFailures() {
    List<String> out = new ArrayList<>();
    if (standardRecall() < TARGET_STANDARD_RECALL) {
      out.add(
          "leak recall on standard forms "
              + pct(standardRecall())
              + " < "
              + pct(TARGET_STANDARD_RECALL));
    }
    if (nonStandardRecall() < TARGET_NON_STANDARD_RECALL) {
      out.add(
          "leak recall on non-standard forms "
              + pct(nonStandardRecall())
              + " < "
              + pct(TARGET_NON_STANDARD_RECALL));
    }
    if (precision() < TARGET_PRECISION) {
      out.add("precision " + pct(precision()) + " < " + pct(TARGET_PRECISION));
    }
    if (lookalikeFlagShare() > TARGET_MAX_LOOKALIKE_SHARE) {
      out.add(
          "look-alikes flagged "
              + pct(lookalikeFlagShare())
              + " > "
              + pct(TARGET_MAX_LOOKALIKE_SHARE));
    }
    return out;
  }

  public boolean meetsTargets() {
    return targetFailures().isEmpty();
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f%%", v * 100);
  }

  private static String mark(double v, double target) {
    return pct(v) + (v < target ? " ⚠" : "");
  }

  /** The full report as Markdown tables. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("### Summary\n\n| metric | value | target |\n|---|---:|---:|\n");
    row(sb, "gold entity spans", Integer.toString(entityCount()), "");
    row(sb, "leak recall (all forms)", pct(leakRecall()), "");
    row(
        sb,
        "leak recall, standard forms",
        pct(standardRecall()),
        "≥ " + pct(TARGET_STANDARD_RECALL));
    row(
        sb,
        "leak recall, non-standard forms",
        pct(nonStandardRecall()),
        "≥ " + pct(TARGET_NON_STANDARD_RECALL));
    row(sb, "type-correct recall", pct(typeCorrectRecall()), "");
    row(sb, "findings", Integer.toString(findingCount()), "");
    row(sb, "precision", pct(precision()), "≥ " + pct(TARGET_PRECISION));
    row(sb, "look-alikes", Integer.toString(lookalikeCount()), "");
    row(
        sb,
        "look-alikes flagged",
        pct(lookalikeFlagShare()),
        "≤ " + pct(TARGET_MAX_LOOKALIKE_SHARE));
    row(sb, "targets met", meetsTargets() ? "yes" : "no", "");

    sb.append("\n### Per entity type\n\n");
    sb.append(
        "| type | spans | leak recall | standard | non-standard | type-correct recall | findings | precision |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (EntityType t : EntityType.values()) {
      Tally all = overall(t);
      int[] f = findings.getOrDefault(t, new int[5]);
      if (all.total() == 0 && f[0] == 0) {
        continue;
      }
      Tally std = overall(t, true);
      Tally odd = overall(t, false);
      sb.append("| ")
          .append(t)
          .append(" | ")
          .append(all.total())
          .append(" | ")
          .append(pct(all.recall()))
          .append(" | ")
          .append(std.total() == 0 ? "–" : mark(std.recall(), TARGET_STANDARD_RECALL))
          .append(" | ")
          .append(odd.total() == 0 ? "–" : mark(odd.recall(), TARGET_NON_STANDARD_RECALL))
          .append(" | ")
          .append(pct(all.typeCorrectRecall()))
          .append(" | ")
          .append(f[0])
          .append(" | ")
          .append(f[0] == 0 ? "–" : mark(precision(t), TARGET_PRECISION))
          .append(" |\n");
    }

    sb.append("\n### Per entity type and form\n\n");
    sb.append("| type | form | standard? | spans | leak recall | type-correct recall |\n");
    sb.append("|---|---|---|---:|---:|---:|\n");
    for (Map.Entry<EntityType, Map<Form, Tally>> e : byForm.entrySet()) {
      for (Map.Entry<Form, Tally> f : e.getValue().entrySet()) {
        Tally x = f.getValue();
        double target = f.getKey().standard() ? TARGET_STANDARD_RECALL : TARGET_NON_STANDARD_RECALL;
        sb.append("| ")
            .append(e.getKey())
            .append(" | ")
            .append(f.getKey().label())
            .append(" | ")
            .append(f.getKey().standard() ? "yes" : "no")
            .append(" | ")
            .append(x.total())
            .append(" | ")
            .append(mark(x.recall(), target))
            .append(" | ")
            .append(pct(x.typeCorrectRecall()))
            .append(" |\n");
      }
    }

    sb.append("\n### False positives by finding type\n\n");
    sb.append(
        "| finding type | findings | true positives | on a look-alike | on gold of another type | on nothing labeled |\n");
    sb.append("|---|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<EntityType, int[]> e : findings.entrySet()) {
      int[] f = e.getValue();
      sb.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(f[0])
          .append(" | ")
          .append(f[1])
          .append(" | ")
          .append(f[2])
          .append(" | ")
          .append(f[3])
          .append(" | ")
          .append(f[4])
          .append(" |\n");
    }

    sb.append("\n### Look-alikes\n\n| kind | spans | flagged | share |\n|---|---:|---:|---:|\n");
    for (Map.Entry<LookalikeKind, int[]> e : new TreeMap<>(lookalikes).entrySet()) {
      int[] v = e.getValue();
      sb.append("| ")
          .append(e.getKey().label())
          .append(" | ")
          .append(v[0])
          .append(" | ")
          .append(v[1])
          .append(" | ")
          .append(pct(v[0] == 0 ? 0 : (double) v[1] / v[0]))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String a, String b, String c) {
    sb.append("| ").append(a).append(" | ").append(b).append(" | ").append(c).append(" |\n");
  }

  /** Mutable accumulator used by {@link CorpusScorer}. */
  static final class Builder {
    private final Map<EntityType, Map<Form, Tally>> byForm = new EnumMap<>(EntityType.class);
    private final Map<LookalikeKind, int[]> lookalikes = new EnumMap<>(LookalikeKind.class);
    private final Map<EntityType, int[]> findings = new EnumMap<>(EntityType.class);
    private final List<Example> misses = new ArrayList<>();
    private final List<Example> falsePositives = new ArrayList<>();
    private final List<Example> flagged = new ArrayList<>();

    void entity(String caseId, GoldSpan g, boolean caught, boolean typeCaught) {
      byForm
          .computeIfAbsent(g.entity(), k -> new EnumMap<>(Form.class))
          .merge(
              g.form(),
              Tally.ZERO.add(caught, typeCaught),
              (a, b) ->
                  new Tally(a.total + b.total, a.caught + b.caught, a.typeCaught + b.typeCaught));
      if (!caught && misses.size() < MAX_EXAMPLES) {
        misses.add(new Example(caseId, g.typeLabel(), g.formLabel(), g.start(), g.end()));
      }
    }

    void lookalike(String caseId, GoldSpan g, boolean isFlagged) {
      int[] v = lookalikes.computeIfAbsent(g.lookalike(), k -> new int[2]);
      v[0]++;
      if (isFlagged) {
        v[1]++;
        if (flagged.size() < MAX_EXAMPLES) {
          flagged.add(new Example(caseId, g.typeLabel(), g.formLabel(), g.start(), g.end()));
        }
      }
    }

    /** Call after all spans of the case were reported; {@code spans} are the case's spans. */
    void finding(String caseId, PiiFinding f, boolean tp, List<GoldSpan> spans) {
      int[] v = findings.computeIfAbsent(f.type(), k -> new int[5]);
      v[0]++;
      if (tp) {
        v[1]++;
        return;
      }
      boolean onLook = false;
      boolean onOther = false;
      for (GoldSpan g : spans) {
        if (g.overlaps(f.start(), f.end())) {
          if (g.isLookalike()) {
            onLook = true;
          } else {
            onOther = true;
          }
        }
      }
      v[onOther ? 3 : onLook ? 2 : 4]++;
      if (falsePositives.size() < MAX_EXAMPLES) {
        falsePositives.add(new Example(caseId, f.type().name(), f.detector(), f.start(), f.end()));
      }
    }

    CorpusReport build() {
      return new CorpusReport(this);
    }
  }
}
