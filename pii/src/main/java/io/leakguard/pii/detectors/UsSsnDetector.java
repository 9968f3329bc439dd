package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
import java.util.List;
import java.util.Set;

/**
 * Finds {@code US_SSN}: {@code AAA-GG-SSSS} with the SSA rules (area not 000, 666 or 900–999; group
 * not 00; serial not 0000; a few famous published numbers excluded).
 *
 * <p>Patterns and scores without context: {@code ssn.dashed} ({@code 123-45-6789}) 0.85; {@code
 * ssn.grouped} (3-2-4 with dots or spaces) 0.6; {@code ssn.digits} (nine digits in one group),
 * {@code ssn.spaced} (irregular grouping, spaced digits) and {@code ssn.words} 0.3, i.e. reported
 * only next to a context word ({@code ssn}, {@code social security}...), which adds 0.45 (0.1 for
 * the dashed form).
 *
 * <p>Known limits: ITINs (9xx) are rejected as SSNs by the area rule; SSNs written inside a longer
 * dash-joined cluster are not cut out of it.
 */
final class UsSsnDetector implements Detector {
  private static final int CONTEXT_WINDOW = 40;

  static final Set<String> CONTEXT =
      Set.of("ssn", "ssns", "social security", "social", "ss#", "ssa", "taxpayer", "tin");

  /** Published or advertised numbers that are never real SSNs. */
  private static final Set<String> KNOWN_FAKE = Set.of("078051120", "219099999", "123456789");

  @Override
  public String name() {
    return "us-ssn";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.US_SSN);
  }

  @Override
  public int triggerFlags() {
    return TextIndex.DIGIT | TextIndex.LETTER;
  }

  @Override
  public void detect(DetectionContext ctx) {
    String text = ctx.text();
    TextIndex idx = ctx.tokens();
    DigitSequence s = new DigitSequence();
    int n = idx.size();
    int reportedUntil = 0;
    int t = 0;
    while (t < n) {
      if (!DigitSequence.canStart(text, idx, t)) {
        t++;
        continue;
      }
      s.read(text, idx, t);
      if (s.digits >= 9) {
        reportedUntil = scan(ctx, text, idx, s, reportedUntil);
      }
      t = Math.max(t + 1, s.resumeToken());
    }
  }

  private static int scan(
      DetectionContext ctx, String text, TextIndex idx, DigitSequence s, int reportedUntil) {
    int from = 0;
    while (from < s.groups) {
      if (!NumberGuards.boundary(s, from) || s.groupCharStart(from) < reportedUntil) {
        from++;
        continue;
      }
      int d0 = s.groupStart[from];
      int to = from + 1;
      while (to <= s.groups && s.groupStart[to] - d0 < 9) {
        to++;
      }
      if (to > s.groups || s.groupStart[to] - d0 != 9 || !NumberGuards.boundary(s, to)) {
        from++;
        continue;
      }
      if (!rules(s.digit, d0)
          || NumberGuards.shape(s, from, to) != null
          || NumberGuards.surroundings(text, idx, s, from, to) != null) {
        from++;
        continue;
      }
      String canonical = s.digitsOf(from, to);
      if (KNOWN_FAKE.contains(canonical)) {
        from++;
        continue;
      }
      int start = s.groupCharStart(from);
      int stop = s.groupCharEnd(to - 1);
      boolean shape324 =
          to - from == 3
              && s.groupLength(from) == 3
              && s.groupLength(from + 1) == 2
              && s.gap[from + 1] == s.gap[from + 2]
              && !s.anyWord(from, to);
      boolean dashed = shape324 && s.gap[from + 1] == DigitSequence.GAP_DASH;
      String pattern;
      double base;
      if (dashed) {
        pattern = "ssn.dashed";
        base = 0.85;
      } else if (shape324
          && (s.gap[from + 1] == DigitSequence.GAP_DOT
              || s.gap[from + 1] == DigitSequence.GAP_SPACE)) {
        pattern = "ssn.grouped";
        base = 0.6;
      } else if (s.anyWord(from, to)) {
        pattern = "ssn.words";
        base = 0.3;
      } else if (to - from == 1) {
        pattern = "ssn.digits";
        base = 0.3;
      } else {
        pattern = "ssn.spaced";
        base = 0.3;
      }
      List<String> words = ctx.contextWords(start, stop, CONTEXT_WINDOW, CONTEXT);
      double score = base;
      if (!words.isEmpty()) {
        score += dashed ? 0.1 : 0.45;
      }
      String form = s.form(from, to, shape324 || "ssn.digits".equals(pattern));
      ctx.report(
          Candidate.builder(EntityType.US_SSN, start, stop)
              .baseScore(base)
              .score(Math.min(1.0, score))
              .form(form)
              .pattern(pattern)
              .validation("ssn-rules")
              .contextWords(words)
              .canonical(canonical)
              .build());
      reportedUntil = stop;
      from = to;
    }
    return reportedUntil;
  }

  /** Area not 000, 666, 900–999; group not 00; serial not 0000. */
  static boolean rules(byte[] d, int off) {
    int area = d[off] * 100 + d[off + 1] * 10 + d[off + 2];
    int group = d[off + 3] * 10 + d[off + 4];
    int serial = d[off + 5] * 1000 + d[off + 6] * 100 + d[off + 7] * 10 + d[off + 8];
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }
}
