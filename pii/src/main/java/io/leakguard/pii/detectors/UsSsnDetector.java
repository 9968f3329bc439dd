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
 * {@code ssn.spaced} (irregular grouping, spaced digits) and {@code ssn.words} 0.3 (0.6 when the
 * words are clustered 3-2-4 by dashes or commas), i.e. reported only next to a context word ({@code
 * ssn}, {@code social security}...), which adds 0.45 (0.1 for the dashed form).
 *
 * <p>Known limits: ITINs (9xx) are rejected as SSNs by the area rule; SSNs written inside a longer
 * dash-joined cluster are not cut out of it.
 */
final class UsSsnDetector implements Detector {
  /**
   * Wider than the other detectors' 40: SSNs are often restated a clause after the word ({@code SSN
   * on file 546-34-2039, cx says correct one is 230685294}).
   */
  private static final int CONTEXT_WINDOW = 64;

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
    DigitRuns.scanSequences(ctx, 9, UsSsnDetector::scan);
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
          || NumberGuards.plusPrefixed(text, idx, s, from)
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
              && separator(s.gap[from + 1]) == separator(s.gap[from + 2])
              && !s.anyWord(from, to);
      int sep = separator(s.gap[from + 1]);
      boolean dashed = shape324 && sep == DigitSequence.GAP_DASH;
      String pattern;
      double base;
      if (dashed) {
        pattern = "ssn.dashed";
        base = 0.85;
      } else if (shape324 && (sep == DigitSequence.GAP_DOT || sep == DigitSequence.GAP_SPACE)) {
        pattern = "ssn.grouped";
        base = 0.6;
      } else if (s.anyWord(from, to)) {
        pattern = "ssn.words";
        base = wordClusters324(s, from, to) ? 0.6 : 0.3;
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

  /**
   * The separator of a gap with a line break ignored: {@code 698-\n45-9893} is dashed, a bare line
   * break counts as a space.
   */
  private static int separator(int gap) {
    if ((gap & DigitSequence.GAP_NEWLINE) == 0) {
      return gap;
    }
    int p = gap & (DigitSequence.GAP_DASH | DigitSequence.GAP_DOT);
    return p != 0 ? p : DigitSequence.GAP_SPACE;
  }

  /**
   * True when the window is digit words read out in the SSN grouping, clusters of 3, 2 and 4 words
   * split by the same dash or comma ({@code four one nine - zero four - six five eight three},
   * {@code five two four, five seven, one one seven one}).
   */
  static boolean wordClusters324(DigitSequence s, int from, int to) {
    if (to - from != 9) {
      return false;
    }
    int split = DigitSequence.GAP_DASH | DigitSequence.GAP_COMMA;
    int kind = -1;
    for (int g = from; g < to; g++) {
      if (!s.word[g]) {
        return false;
      }
      int k = g - from;
      int sp = g == from ? 0 : s.gap[g] & split;
      boolean boundary = k == 3 || k == 5;
      if (boundary) {
        if (sp == 0 || (kind >= 0 && sp != kind)) {
          return false;
        }
        kind = sp;
      } else if (sp != 0) {
        return false;
      }
    }
    return true;
  }

  /** Area not 000, 666, 900–999; group not 00; serial not 0000. */
  static boolean rules(byte[] d, int off) {
    int area = d[off] * 100 + d[off + 1] * 10 + d[off + 2];
    int group = d[off + 3] * 10 + d[off + 4];
    int serial = d[off + 5] * 1000 + d[off + 6] * 100 + d[off + 7] * 10 + d[off + 8];
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }
}
