package io.leakguard.pii.detectors;

import io.leakguard.pii.spi.TextIndex;

/**
 * Reads a run of digit groups from the token index: digit-only tokens and digit words ({@code
 * five}, {@code zero}, {@code oh} inside a run), joined by soft gaps (up to four tokens of short
 * whitespace, one line break, one {@code -} or {@code .}, one {@code (} and one {@code )}; a comma
 * between two digit words; {@code >} e-mail quote markers after the line break). Keeps, for every
 * digit, the normalized char range it came from, so a window of digits maps back to a span. Shared
 * by the phone, card and SSN detectors; mutable, reused across runs and texts (one per thread, see
 * {@link DigitRuns#scratch()}), reading the text's chars through {@link TextIndex#chars()}.
 *
 * <p>Design note: a run is read in chunks of at most {@link #MAX_DIGITS} digits / {@link
 * #MAX_GROUPS} groups; {@link #resumeToken} restarts the next chunk with an overlap of {@link
 * #OVERLAP} digits, so every window of up to 19 digits is seen while the total work stays linear
 * ({@code 1 1 1 1 ...} over a megabyte is read in constant work per digit).
 */
final class DigitSequence {
  static final int MAX_DIGITS = 64;
  static final int MAX_GROUPS = 64;
  static final int OVERLAP = 20;

  /** Gap flags. */
  static final int GAP_SPACE = 1;

  static final int GAP_DASH = 1 << 1;
  static final int GAP_DOT = 1 << 2;
  static final int GAP_OPEN = 1 << 3;
  static final int GAP_CLOSE = 1 << 4;
  static final int GAP_NEWLINE = 1 << 5;

  /** A comma between two digit words ({@code five two four, five seven}). */
  static final int GAP_COMMA = 1 << 6;

  /** Most {@code >} quote markers (and their spaces) allowed after a line break in one gap. */
  static final int MAX_QUOTE_TOKENS = 16;

  final byte[] digit = new byte[MAX_DIGITS];
  final int[] digitStart = new int[MAX_DIGITS];
  final int[] digitEnd = new int[MAX_DIGITS];

  /** First digit index of each group; group g spans digits [groupStart[g], groupStart[g+1]). */
  final int[] groupStart = new int[MAX_GROUPS + 1];

  /** Token index of each group. */
  final int[] groupToken = new int[MAX_GROUPS];

  /** Gap flags before group g (gap[0] = 0). */
  final int[] gap = new int[MAX_GROUPS];

  /** True when group g is a digit word. */
  final boolean[] word = new boolean[MAX_GROUPS];

  int digits;
  int groups;

  /** True when the run continues past this chunk. */
  boolean truncated;

  /** Token index just past the last group. */
  int endToken;

  private TextIndex idx;

  /** The text's chars ({@link TextIndex#chars()}), valid during one {@code detect} call. */
  private char[] chars;

  /** Digit words packed as lower-case ASCII bytes, index = digit value (10 = "oh"). */
  private static final long[] WORD_KEYS = {
    key("zero"),
    key("one"),
    key("two"),
    key("three"),
    key("four"),
    key("five"),
    key("six"),
    key("seven"),
    key("eight"),
    key("nine"),
    key("oh")
  };

  private static long key(String w) {
    long k = 0;
    for (int i = 0; i < w.length(); i++) {
      k = k << 8 | w.charAt(i);
    }
    return k;
  }

  /** Bit (c - 'a') set for the first letters of the digit words: z o t f s e n. */
  private static final int FIRST_LETTERS;

  static {
    int m = 0;
    for (char c : "zotfsen".toCharArray()) {
      m |= 1 << (c - 'a');
    }
    FIRST_LETTERS = m;
  }

  /**
   * Digit value of a digit-word token, or -1. {@code oh} counts as zero (value 10; trimmed at the
   * ends of a run). Allocation-free: the token is packed into a long and compared; most words are
   * rejected by their length or first letter.
   */
  static int wordDigit(TextIndex idx, int t) {
    int f = idx.flags(t);
    if ((f & (TextIndex.LETTER | TextIndex.DIGIT | TextIndex.NON_ASCII)) != TextIndex.LETTER) {
      return -1;
    }
    int s = idx.start(t);
    int len = idx.end(t) - s;
    if (len < 2 || len > 5) {
      return -1;
    }
    char[] c = idx.chars();
    int c0 = (c[s] | 0x20) - 'a';
    // an ASCII letter-only token (no NON_ASCII flag): c0 is in 0..25
    if (c0 < 0 || c0 > 25 || (FIRST_LETTERS >>> c0 & 1) == 0) {
      return -1;
    }
    long k = 0;
    for (int i = 0; i < len; i++) {
      k = k << 8 | (c[s + i] | 0x20);
    }
    for (int d = 0; d < WORD_KEYS.length; d++) {
      if (WORD_KEYS[d] == k) {
        return d;
      }
    }
    return -1;
  }

  /** True when token {@code t} is made of ASCII digits only. */
  static boolean isDigitToken(TextIndex idx, int t) {
    return (idx.flags(t) & (TextIndex.DIGIT | TextIndex.LETTER | TextIndex.NON_ASCII))
        == TextIndex.DIGIT;
  }

  /** True when token {@code t} may start a run (digits, or a digit word other than {@code oh}). */
  static boolean canStart(TextIndex idx, int t) {
    if (isDigitToken(idx, t)) {
      return true;
    }
    int w = wordDigit(idx, t);
    return w >= 0 && w <= 9;
  }

  /**
   * Necessary condition for a run to hold more than the group at token {@code t}: the first token
   * after {@code t} that is neither whitespace nor punctuation is digits or a digit word ({@link
   * #read} only continues over a gap of whitespace, punctuation and quote markers that ends at such
   * a token). Looks at a bounded number of tokens; true when the bound is reached.
   */
  static boolean mayContinue(TextIndex idx, int t) {
    int n = idx.size();
    int last = Math.min(n - 1, t + 4 + MAX_QUOTE_TOKENS + 1);
    for (int k = t + 1; k <= last; k++) {
      if ((idx.flags(k) & (TextIndex.SPACE | TextIndex.PUNCT)) == 0) {
        return isDigitToken(idx, k) || wordDigit(idx, k) >= 0;
      }
    }
    return last < n - 1;
  }

  /**
   * Reads the chunk starting at token {@code t} (which must satisfy {@link #canStart}). Returns
   * false when nothing usable was read.
   */
  boolean read(TextIndex idx, int t) {
    this.idx = idx;
    char[] c = idx.chars();
    this.chars = c;
    digits = 0;
    groups = 0;
    truncated = false;
    int n = idx.size();
    int pendingGap = 0;
    int cur = t;
    while (cur < n) {
      boolean isWord;
      int wd = -1;
      if (isDigitToken(idx, cur)) {
        isWord = false;
      } else {
        wd = wordDigit(idx, cur);
        if (wd < 0) {
          break;
        }
        isWord = true;
      }
      int len = isWord ? 1 : idx.length(cur);
      if (groups == MAX_GROUPS || digits + len > MAX_DIGITS) {
        truncated = true;
        break;
      }
      int g = groups++;
      groupStart[g] = digits;
      groupToken[g] = cur;
      gap[g] = pendingGap;
      word[g] = isWord;
      int s = idx.start(cur);
      if (isWord) {
        digit[digits] = (byte) (wd == 10 ? 0 : wd);
        digitStart[digits] = s;
        digitEnd[digits] = idx.end(cur);
        digits++;
      } else {
        for (int k = 0; k < len; k++) {
          digit[digits] = (byte) (c[s + k] - '0');
          digitStart[digits] = s + k;
          digitEnd[digits] = s + k + 1;
          digits++;
        }
      }
      // the gap to the next group
      int next = cur + 1;
      int gapFlags = 0;
      int gapTokens = 0;
      int puncts = 0;
      int quoteTokens = 0;
      boolean ok = false;
      while (next < n && gapTokens < 4) {
        int f = idx.flags(next);
        if ((gapFlags & GAP_NEWLINE) != 0 && quoteTokens < MAX_QUOTE_TOKENS && isQuote(next, f)) {
          // "...\n> > 755 1205": e-mail quote markers after the line break are not a separator
          next++;
          quoteTokens++;
          continue;
        }
        if ((f & TextIndex.SPACE) != 0) {
          int l = idx.length(next);
          if ((f & TextIndex.NEWLINE) != 0) {
            if (l > 6 || countNewlines(idx.start(next), idx.end(next)) > 1) {
              break;
            }
            gapFlags |= GAP_NEWLINE | GAP_SPACE;
          } else {
            if (l > 3 || c[idx.start(next)] == '\t') {
              break;
            }
            gapFlags |= GAP_SPACE;
          }
        } else if ((f & TextIndex.PUNCT) != 0) {
          char p = c[idx.start(next)];
          int bit;
          if (p == '-') {
            bit = GAP_DASH;
          } else if (p == '.') {
            bit = GAP_DOT;
          } else if (p == '(') {
            bit = GAP_OPEN;
          } else if (p == ')') {
            bit = GAP_CLOSE;
          } else if (p == ',' && isWord && idx.length(next) == 1) {
            bit = GAP_COMMA; // only after a digit word; the next group must be one too
          } else {
            break;
          }
          if ((gapFlags & bit) != 0
              || ((bit == GAP_DASH || bit == GAP_DOT) && (gapFlags & (GAP_DASH | GAP_DOT)) != 0)) {
            break;
          }
          gapFlags |= bit;
          puncts++;
        } else {
          ok =
              (gapFlags & GAP_COMMA) != 0
                  ? wordDigit(idx, next) >= 0
                  : isDigitToken(idx, next) || wordDigit(idx, next) >= 0;
          break;
        }
        next++;
        gapTokens++;
      }
      cur++;
      if (!ok || gapTokens == 0 || puncts > 2) {
        break;
      }
      pendingGap = gapFlags;
      cur = next;
    }
    // trim "oh" at the ends
    while (groups > 0 && word[groups - 1] && isOh(groupToken[groups - 1])) {
      groups--;
      digits = groupStart[groups];
      truncated = false;
    }
    if (groups == 0) {
      truncated = false; // a single token longer than a chunk: not a number
    }
    groupStart[groups] = digits;
    endToken = groups == 0 ? t + 1 : groupToken[groups - 1] + 1;
    return groups > 0;
  }

  /**
   * True when token {@code t} (flags {@code f}) is a {@code >} quote marker, or the short
   * whitespace right after one, inside a gap that already holds a line break.
   */
  private boolean isQuote(int t, int f) {
    if ((f & TextIndex.PUNCT) != 0) {
      return chars[idx.start(t)] == '>' && idx.length(t) == 1;
    }
    return (f & TextIndex.SPACE) != 0
        && (f & TextIndex.NEWLINE) == 0
        && idx.length(t) <= 2
        && t > 0
        && chars[idx.start(t - 1)] == '>';
  }

  private boolean isOh(int t) {
    return idx.length(t) == 2;
  }

  private int countNewlines(int s, int e) {
    int c = 0;
    for (int i = s; i < e; i++) {
      char ch = chars[i];
      if (ch == '\n') {
        c++;
      } else if (ch == '\r' && (i + 1 >= e || chars[i + 1] != '\n')) {
        c++;
      }
    }
    return c;
  }

  /**
   * The token at which the next chunk starts: after the run when it was complete, else the first
   * group that starts at or after {@code digits - OVERLAP} (always at least one group forward).
   */
  int resumeToken() {
    if (!truncated) {
      return endToken;
    }
    int g = 1;
    while (g < groups - 1 && groupStart[g] < digits - OVERLAP) {
      g++;
    }
    return groupToken[Math.min(g, groups - 1)];
  }

  /** Normalized char index of the first char of group {@code g}. */
  int groupCharStart(int g) {
    return digitStart[groupStart[g]];
  }

  /** Normalized char index just past group {@code g}. */
  int groupCharEnd(int g) {
    return digitEnd[groupStart[g + 1] - 1];
  }

  int groupLength(int g) {
    return groupStart[g + 1] - groupStart[g];
  }

  /** The digits of groups [from, to) as a string. */
  String digitsOf(int from, int to) {
    StringBuilder sb = new StringBuilder(groupStart[to] - groupStart[from]);
    for (int i = groupStart[from]; i < groupStart[to]; i++) {
      sb.append((char) ('0' + digit[i]));
    }
    return sb.toString();
  }

  /** Long value of digits [from, to) (at most 18 digits). */
  long value(int fromDigit, int toDigit) {
    long v = 0;
    for (int i = fromDigit; i < toDigit; i++) {
      v = v * 10 + digit[i];
    }
    return v;
  }

  /** Union of gap flags inside groups [from, to). */
  int gapsWithin(int from, int to) {
    int f = 0;
    for (int g = from + 1; g < to; g++) {
      f |= gap[g];
    }
    return f;
  }

  boolean anyWord(int from, int to) {
    for (int g = from; g < to; g++) {
      if (word[g]) {
        return true;
      }
    }
    return false;
  }

  /** True when every group in [from, to) has exactly one digit (spaced-out digits). */
  boolean allSingles(int from, int to) {
    for (int g = from; g < to; g++) {
      if (groupLength(g) != 1) {
        return false;
      }
    }
    return true;
  }

  /** Form name of groups [from, to) given whether their grouping is a standard one. */
  String form(int from, int to, boolean standardGrouping) {
    String f;
    if (anyWord(from, to)) {
      f = "words";
    } else if (standardGrouping) {
      f = "standard";
    } else {
      f = "spaced";
    }
    if ((gapsWithin(from, to) & GAP_NEWLINE) != 0) {
      f = "standard".equals(f) ? "line-break" : f + "+line-break";
    }
    return f;
  }
}
