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
 * <p>Context, as support text writes it: the word glued by a dash ({@code SSN-536221234}), a colon
 * or a hash ({@code ssn#536221234}); {@code SS no}, {@code soc sec}; the common typos of {@code
 * social} ({@code scoial security number 7 6 3 7 9 7 6 5 8}); a note naming the data {@code PII}
 * ({@code no PII in logs, but the dump had 371498203 in it}); and a number restated within the
 * window after an SSN that had context ({@code SSN five two four, five seven, one one seven one,
 * correct one is 2 8 5 0 5 2 3 4 9}) takes over that SSN's words. An identifier word right before
 * the number ({@code order no. 536221234}, {@code ticket # 5 3 6 2 2 1 2 3 4}) cancels the context
 * of every form but the dashed one.
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
      Set.of(
          "ssn",
          "ssns",
          "social security",
          "social",
          "ss#",
          "ssa",
          "taxpayer",
          "tin",
          // what people write for the word: "SS no 536221234", "soc sec 536221234"
          "ss no",
          "ss number",
          "soc sec",
          // the common typos of "social" ("scoial security number"); not "socal" (SoCal)
          "scoial",
          "socail",
          "soical",
          "sosial");

  // Not "pii": a note naming "PII" is no evidence that a nearby 9-digit number is an SSN (it was
  // tried and fitted only the corpus generator's phrasing; see docs/detectors/us-ssn.md).

  /**
   * Words of the phrase "SSN number" etc. that may stand between an identifier word and its number
   * ({@code order no. 536221234}, {@code ticket # 5 3 6 2 2 1 2 3 4}).
   */
  private static final String[] FILLER = {"number", "no", "num", "nr", "id"};

  /** {@link NumberGuards#NEGATIVE_CONTEXT} as an array (no iterator per candidate). */
  private static final String[] NEGATIVE = NumberGuards.NEGATIVE_CONTEXT.toArray(new String[0]);

  /** How many tokens back from a number {@link #negativeBefore} looks for an identifier word. */
  private static final int NEGATIVE_TOKENS = 6;

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
    Restated last = new Restated(); // one per text: the last confident SSN
    DigitRuns.scanSequences(
        ctx, 9, (c, text, idx, s, reportedUntil) -> scan(c, text, idx, s, reportedUntil, last));
  }

  /**
   * The end and context words of the last SSN reported with its context in this text: a number
   * restated within {@link #CONTEXT_WINDOW} chars after it ({@code SSN five two four, five seven,
   * one one seven one, cx says correct one is 2 8 5 0 5 2 3 4 9}) takes over those words.
   */
  private static final class Restated {
    int end = -1;
    List<String> words = List.of();
  }

  private static int scan(
      DetectionContext ctx,
      String text,
      TextIndex idx,
      DigitSequence s,
      int reportedUntil,
      Restated last) {
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
      if (to > s.groups
          || s.groupStart[to] - d0 != 9
          || !NumberGuards.boundary(s, to)
          || s.tabs && (s.gapsWithin(from, to) & DigitSequence.GAP_TAB) != 0) {
        from++;
        continue; // a tab joins only a card's groups
      }
      if (!rules(s.digit, d0)
          || NumberGuards.shape(s, from, to) != null
          || NumberGuards.plusPrefixed(text, idx, s, from)
          || guarded(text, idx, s, from, to)) {
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
      if (start > 0
          && text.charAt(start - 1) == '('
          && to - from > 1
          && (s.gap[from + 1] & DigitSequence.GAP_CLOSE) != 0) {
        start--; // "SSN (536) 22-1234": the opening bracket belongs to the span (session 14)
      }
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
      } else if (from == 0 && to == s.groups && !s.truncated) {
        pattern = "ssn.spaced";
        base = 0.3;
      } else {
        // PART_OF_RUN (session 14): an irregular grouping only as a whole run; "TIN 12 345 678
        // 901" (a German tax id) holds no SSN in its last three groups
        from++;
        continue;
      }
      List<String> words;
      if (!dashed && negativeBefore(idx, s.groupToken[from])) {
        words = List.of(); // "order no. 536221234": an identifier, whatever the words around
      } else {
        words = ctx.contextWords(start, stop, CONTEXT_WINDOW, CONTEXT);
        if (words.isEmpty() && ssHashBefore(text, start)) {
          words = SS_HASH; // "SS#: 536221234": the listed word "ss#" is no token
        }
        if (words.isEmpty() && last.end >= 0 && start - last.end <= CONTEXT_WINDOW) {
          words = last.words;
        }
      }
      double score = base;
      if (!words.isEmpty()) {
        score += dashed ? 0.1 : 0.45;
        last.end = stop;
        last.words = words;
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

  private static final List<String> SS_HASH = List.of("ss#");

  /**
   * {@code SS#} (any case) right before {@code start}, over at most three blanks or colons, with no
   * letter or digit before it: the context word {@code ss#}, which the token-based context look-up
   * cannot match (the {@code #} is a token of its own). Read at a candidate only.
   */
  static boolean ssHashBefore(String text, int start) {
    int i = start - 1;
    int skipped = 0;
    while (i >= 0 && skipped < 3 && (text.charAt(i) == ' ' || text.charAt(i) == ':')) {
      i--;
      skipped++;
    }
    return i >= 2
        && text.charAt(i) == '#'
        && (text.charAt(i - 1) | 0x20) == 's'
        && (text.charAt(i - 2) | 0x20) == 's'
        && (i == 2 || !Character.isLetterOrDigit(text.charAt(i - 3)));
  }

  /**
   * The shared {@link NumberGuards#surroundings} guards, except that a context word glued to the
   * number by a dash is not a letter-adjacent identifier: {@code SSN-536-22-1234}, {@code
   * SSN-536221234}.
   */
  private static boolean guarded(String text, TextIndex idx, DigitSequence s, int from, int to) {
    String guard = NumberGuards.surroundings(text, idx, s, from, to);
    if (guard == null) {
      return false;
    }
    if (!"LETTER_ADJACENT".equals(guard) || from != 0) {
      return true;
    }
    int t = s.groupToken[0] - 2;
    if (t < 0 || text.charAt(idx.start(t + 1)) != '-') {
      return true;
    }
    if (!(idx.equalsIgnoreCase(t, "ssn") || idx.equalsIgnoreCase(t, "ss"))) {
      return true;
    }
    // the end of the window must not be glued to letters either ("SSN-536221234-abc")
    return to == s.groups && !s.truncated && NumberGuards.surroundings(text, idx, s, 1, to) != null;
  }

  /**
   * True when an identifier word ({@link NumberGuards#NEGATIVE_CONTEXT}: order, ticket, case...)
   * stands right before the number, with at most punctuation and a filler word ({@code number},
   * {@code no}, {@code #}) between: {@code order no. 536221234}, {@code case #5 3 6 2 2 1 2 3 4}.
   * Looks back at most {@link #NEGATIVE_TOKENS} tokens.
   */
  static boolean negativeBefore(TextIndex idx, int firstToken) {
    int limit = Math.max(0, firstToken - NEGATIVE_TOKENS);
    for (int t = firstToken - 1; t >= limit; t--) {
      int f = idx.flags(t);
      if ((f & TextIndex.NEWLINE) != 0) {
        return false;
      }
      if ((f & TextIndex.LETTER) == 0) {
        if ((f & TextIndex.DIGIT) != 0) {
          return false;
        }
        continue; // space or punctuation
      }
      for (String w : NEGATIVE) {
        if (idx.equalsIgnoreCase(t, w)) {
          return true;
        }
      }
      boolean filler = false;
      for (String w : FILLER) {
        if (idx.equalsIgnoreCase(t, w)) {
          filler = true;
          break;
        }
      }
      if (!filler) {
        return false;
      }
    }
    return false;
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
