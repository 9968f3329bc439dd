package io.leakguard.pii.detectors;

import io.leakguard.pii.spi.TextIndex;

/**
 * Reads a run of digit groups from the token index: digit-only tokens and digit words ({@code
 * five}, {@code zero}, {@code oh} inside a run), joined by soft gaps (up to four tokens of short
 * whitespace, one line break, one {@code -} or {@code .}, one {@code (} and one {@code )}). Keeps,
 * for every digit, the normalized char range it came from, so a window of digits maps back to a
 * span. Shared by the phone, card and SSN detectors; one instance per {@code detect} call (mutable,
 * reused across runs to avoid allocation).
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

  private String text;
  private TextIndex idx;

  /** Digit value of a digit-word token, or -1. {@code oh} counts as zero (trimmed at the ends). */
  static int wordDigit(String text, TextIndex idx, int t) {
    int f = idx.flags(t);
    if ((f & (TextIndex.LETTER | TextIndex.DIGIT | TextIndex.NON_ASCII)) != TextIndex.LETTER) {
      return -1;
    }
    int len = idx.length(t);
    if (len < 2 || len > 5) {
      return -1;
    }
    int s = idx.start(t);
    switch (Character.toLowerCase(text.charAt(s))) {
      case 'z':
        return idx.equalsIgnoreCase(t, "zero") ? 0 : -1;
      case 'o':
        if (idx.equalsIgnoreCase(t, "one")) {
          return 1;
        }
        return idx.equalsIgnoreCase(t, "oh") ? 10 : -1;
      case 't':
        if (idx.equalsIgnoreCase(t, "two")) {
          return 2;
        }
        return idx.equalsIgnoreCase(t, "three") ? 3 : -1;
      case 'f':
        if (idx.equalsIgnoreCase(t, "four")) {
          return 4;
        }
        return idx.equalsIgnoreCase(t, "five") ? 5 : -1;
      case 's':
        if (idx.equalsIgnoreCase(t, "six")) {
          return 6;
        }
        return idx.equalsIgnoreCase(t, "seven") ? 7 : -1;
      case 'e':
        return idx.equalsIgnoreCase(t, "eight") ? 8 : -1;
      case 'n':
        return idx.equalsIgnoreCase(t, "nine") ? 9 : -1;
      default:
        return -1;
    }
  }

  /** True when token {@code t} is made of ASCII digits only. */
  static boolean isDigitToken(TextIndex idx, int t) {
    return (idx.flags(t) & (TextIndex.DIGIT | TextIndex.LETTER | TextIndex.NON_ASCII))
        == TextIndex.DIGIT;
  }

  /** True when token {@code t} may start a run (digits, or a digit word other than {@code oh}). */
  static boolean canStart(String text, TextIndex idx, int t) {
    if (isDigitToken(idx, t)) {
      return true;
    }
    int w = wordDigit(text, idx, t);
    return w >= 0 && w <= 9;
  }

  /**
   * Reads the chunk starting at token {@code t} (which must satisfy {@link #canStart}). Returns
   * false when nothing usable was read.
   */
  boolean read(String text, TextIndex idx, int t) {
    this.text = text;
    this.idx = idx;
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
        wd = wordDigit(text, idx, cur);
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
          digit[digits] = (byte) (text.charAt(s + k) - '0');
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
      boolean ok = false;
      while (next < n && gapTokens < 4) {
        int f = idx.flags(next);
        if ((f & TextIndex.SPACE) != 0) {
          int l = idx.length(next);
          if ((f & TextIndex.NEWLINE) != 0) {
            if (l > 6 || countNewlines(idx.start(next), idx.end(next)) > 1) {
              break;
            }
            gapFlags |= GAP_NEWLINE | GAP_SPACE;
          } else {
            if (l > 3 || text.charAt(idx.start(next)) == '\t') {
              break;
            }
            gapFlags |= GAP_SPACE;
          }
        } else if ((f & TextIndex.PUNCT) != 0) {
          char c = text.charAt(idx.start(next));
          int bit;
          if (c == '-') {
            bit = GAP_DASH;
          } else if (c == '.') {
            bit = GAP_DOT;
          } else if (c == '(') {
            bit = GAP_OPEN;
          } else if (c == ')') {
            bit = GAP_CLOSE;
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
          ok = isDigitToken(idx, next) || wordDigit(text, idx, next) >= 0;
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

  private boolean isOh(int t) {
    return idx.length(t) == 2;
  }

  private int countNewlines(int s, int e) {
    int c = 0;
    for (int i = s; i < e; i++) {
      char ch = text.charAt(i);
      if (ch == '\n') {
        c++;
      } else if (ch == '\r' && (i + 1 >= e || text.charAt(i + 1) != '\n')) {
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
