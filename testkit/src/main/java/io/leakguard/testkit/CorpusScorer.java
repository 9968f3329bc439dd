package io.leakguard.testkit;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Scores a PII engine against labeled cases.
 *
 * <p>Rules (also in {@code docs/pii-corpus.md}):
 *
 * <ul>
 *   <li><b>Leak recall</b>: a gold entity span is <i>caught</i> when at least 90% of its letters
 *       and digits ({@link Character#isLetterOrDigit(int)} code points) lie inside the union of all
 *       findings, of any type. A span without letters or digits is caught when any finding overlaps
 *       it.
 *   <li><b>Type-correct recall</b>: the same rule over the union of the findings of the gold span's
 *       own type only.
 *   <li><b>Precision</b>: a finding is a true positive when it shares at least one code point with
 *       a gold entity span of the same type; every other finding (overlapping nothing gold, only a
 *       look-alike, or only gold spans of other types) is a false positive. Precision = TP / all
 *       findings (1.0 when there are no findings).
 *   <li><b>Look-alike flag share</b>: a look-alike span is flagged when any finding overlaps it.
 * </ul>
 *
 * <pre>{@code
 * CorpusReport rep = CorpusScorer.score(cases, PiiAnalyzer.builder().build());
 * System.out.println(rep.toMarkdown());
 * }</pre>
 */
public final class CorpusScorer {
  /** Share of letters and digits that must be covered for a gold span to count as caught. */
  public static final double COVERAGE = 0.9;

  private CorpusScorer() {}

  public static CorpusReport score(List<LabeledCase> cases, PiiAnalyzer analyzer) {
    Objects.requireNonNull(analyzer, "analyzer");
    return score(cases, analyzer::analyze);
  }

  /** Scores any engine given as a function from text to findings (code point offsets). */
  public static CorpusReport score(
      List<LabeledCase> cases, Function<String, List<PiiFinding>> engine) {
    CorpusReport.Builder b = new CorpusReport.Builder();
    for (LabeledCase c : cases) {
      scoreCase(c, engine.apply(c.text()), b);
    }
    return b.build();
  }

  static void scoreCase(LabeledCase c, List<PiiFinding> findings, CorpusReport.Builder b) {
    int[] cps = c.text().codePoints().toArray();
    int n = cps.length;
    boolean[] any = new boolean[n];
    Map<EntityType, boolean[]> byType = new EnumMap<>(EntityType.class);
    for (PiiFinding f : findings) {
      int s = Math.max(0, f.start());
      int e = Math.min(n, f.end());
      boolean[] t = byType.computeIfAbsent(f.type(), k -> new boolean[n]);
      for (int i = s; i < e; i++) {
        any[i] = true;
        t[i] = true;
      }
    }
    for (GoldSpan g : c.spans()) {
      if (g.isLookalike()) {
        boolean flagged = false;
        for (PiiFinding f : findings) {
          if (g.overlaps(f.start(), f.end())) {
            flagged = true;
            break;
          }
        }
        b.lookalike(c.id(), g, flagged);
      } else {
        boolean caught = covered(cps, any, g);
        boolean[] own = byType.get(g.entity());
        boolean typeCaught = own != null && covered(cps, own, g);
        b.entity(c.id(), g, caught, typeCaught);
      }
    }
    for (PiiFinding f : findings) {
      boolean tp = false;
      for (GoldSpan g : c.spans()) {
        if (!g.isLookalike() && g.entity() == f.type() && g.overlaps(f.start(), f.end())) {
          tp = true;
          break;
        }
      }
      b.finding(c.id(), f, tp, c.spans());
    }
  }

  /** The 90%-of-letters-and-digits rule. */
  static boolean covered(int[] cps, boolean[] mask, GoldSpan g) {
    int total = 0;
    int in = 0;
    boolean anyOverlap = false;
    int end = Math.min(g.end(), cps.length);
    for (int i = g.start(); i < end; i++) {
      anyOverlap |= mask[i];
      if (Character.isLetterOrDigit(cps[i])) {
        total++;
        if (mask[i]) {
          in++;
        }
      }
    }
    if (total == 0) {
      return anyOverlap;
    }
    return in >= COVERAGE * total - 1e-9;
  }
}
