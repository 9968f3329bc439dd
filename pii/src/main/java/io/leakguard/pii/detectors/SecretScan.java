package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import java.util.Arrays;
import java.util.List;

/**
 * The state of one {@link SecretDetector#detect} call: the text, the report sink, the assignment
 * being examined and the run caches that keep scanning linear. Not shared between threads or texts.
 *
 * <p>Design note (linear time): a pattern that needs "the run of chars of class C starting at p"
 * asks {@link #runEnd}. The answer is cached per class as the run {@code [from, to)}; a later
 * question from inside the same run is answered in O(1). Triggers are visited left to right, so
 * every char is scanned at most once per class, whatever the input ({@code eyJ-eyJ-eyJ...}, 1 MB of
 * {@code password=password=...}).
 */
final class SecretScan {
  final String text;

  /**
   * The text's chars ({@link io.leakguard.pii.spi.TextIndex#chars()}, valid during {@code detect};
   * may be longer than {@link #length}): array reads instead of {@code String.charAt} in hot loops.
   */
  final char[] chars;

  final int length;
  private final DetectionContext ctx;

  /** Char index before which triggers are skipped: the end of the last reported secret. */
  int resumeAt;

  /**
   * Per class bit {@code b}: the cached run {@code [runs[b], runs[b + CLASS_COUNT])}; allocated on
   * the first {@link #runEnd} (most texts never ask: no allocation for them).
   */
  private int[] runs;

  // ---- the assignment under examination (set by SecretDetector before an ASSIGN pattern runs)

  /** Keyword span in the text, e.g. {@code DB_PASSWORD}. */
  int keyStart;

  int keyEnd;

  /** The {@code =} or {@code :} char. */
  char separator;

  /** The value span (inside the quotes when quoted). */
  int valueStart;

  int valueEnd;

  /** The quote char around the value, or 0. */
  char quote;

  /** The keyword follows {@code ?} or {@code &} (URL query). */
  boolean query;

  /** The keyword rule that matched. */
  SecretKeywords.Rule rule;

  /** Scratch space for {@link SecretKeywords#match}, allocated on the first {@link #match}. */
  private char[] keywordBuf;

  private boolean[] keywordBoundary;

  SecretScan(String text, DetectionContext ctx) {
    this.text = text;
    this.length = text.length();
    this.ctx = ctx;
    char[] c = ctx.tokens().chars();
    this.chars = c != null && c.length >= length ? c : text.toCharArray();
  }

  /**
   * {@link SecretKeywords#match} of the keyword {@code text[from, to)} with this scan's scratch.
   */
  SecretKeywords.Rule match(int from, int to, boolean query) {
    if (keywordBuf == null) {
      keywordBuf = new char[SecretKeywords.MAX_KEYWORD];
      keywordBoundary = new boolean[SecretKeywords.MAX_KEYWORD];
    }
    return SecretKeywords.match(text, from, to, query, keywordBuf, keywordBoundary);
  }

  /**
   * Index of the first {@code ==} (its first {@code =}) at or after {@code from}, or {@link
   * Integer#MAX_VALUE}. {@code String.indexOf(char)} is vectorized: the cost is per {@code =}, not
   * per char.
   */
  int nextDoubleEquals(int from) {
    for (int p = text.indexOf('=', from); p >= 0 && p + 1 < length; p = text.indexOf('=', p + 1)) {
      if (chars[p + 1] == '=') {
        return p;
      }
    }
    return Integer.MAX_VALUE;
  }

  /**
   * End of the run of chars of class {@code cls} (a single {@link SecretChars} bit) from {@code p}.
   */
  int runEnd(int p, int cls) {
    int b = Integer.numberOfTrailingZeros(cls);
    int[] r = runs;
    if (r == null) {
      r = new int[2 * SecretChars.CLASS_COUNT];
      Arrays.fill(r, -1);
      runs = r;
    }
    if (p >= r[b] && p < r[b + SecretChars.CLASS_COUNT]) {
      return r[b + SecretChars.CLASS_COUNT];
    }
    int e = p;
    char[] a = chars;
    while (e < length && SecretChars.is(a[e], cls)) {
      e++;
    }
    r[b] = p;
    r[b + SecretChars.CLASS_COUNT] = e;
    return e;
  }

  char at(int i) {
    return i >= 0 && i < length ? chars[i] : 0;
  }

  boolean startsWith(String prefix, int at) {
    return text.startsWith(prefix, at);
  }

  boolean startsWithIgnoreCase(String prefix, int at) {
    return text.regionMatches(true, at, prefix, 0, prefix.length());
  }

  /** Context words within {@code window} chars of a span (see DetectionContext#contextWords). */
  List<String> contextWords(int start, int end, int window, java.util.Set<String> vocabulary) {
    return ctx.contextWords(start, end, window, vocabulary);
  }

  /** Reports one secret; the canonical value is the span as written, trimmed. */
  void report(
      SecretPattern pattern,
      int start,
      int end,
      double baseScore,
      double score,
      String validation,
      List<String> contextWords) {
    ctx.report(
        Candidate.builder(EntityType.SECRET, start, end)
            .baseScore(baseScore)
            .score(score)
            .pattern(pattern.id())
            .validation(validation)
            .contextWords(contextWords)
            .canonical(text.substring(start, end).strip())
            .build());
    resumeAt = Math.max(resumeAt, end);
  }

  void report(SecretPattern pattern, int start, int end, double score, String validation) {
    report(pattern, start, end, score, score, validation, List.of());
  }
}
