package io.leakguard.pii.spi;

/** The index before round 3 (start and end arrays), kept as the oracle of a differential test. */
final class ReferenceTextIndex {
  /** A run of letters and/or digits. */
  public static final int ALNUM = 1;

  /** A run of whitespace. */
  public static final int SPACE = 1 << 1;

  /** A single character that is neither letter, digit nor whitespace. */
  public static final int PUNCT = 1 << 2;

  /** Contains at least one letter. */
  public static final int LETTER = 1 << 3;

  /** Contains at least one ASCII digit. */
  public static final int DIGIT = 1 << 4;

  /** Contains an upper-case letter. */
  public static final int UPPER = 1 << 5;

  /** Contains a lower-case letter. */
  public static final int LOWER = 1 << 6;

  /** Starts with an upper-case letter. */
  public static final int INITIAL_UPPER = 1 << 7;

  /** Only hex digits {@code [0-9a-fA-F]}. */
  public static final int HEX = 1 << 8;

  /** Whitespace containing a line break. */
  public static final int NEWLINE = 1 << 9;

  /** The punctuation token is {@code @}. */
  public static final int AT_SIGN = 1 << 10;

  /** The alnum token is the word {@code at} in any case. */
  public static final int AT_WORD = 1 << 11;

  /** The punctuation token is {@code =} or {@code :}. */
  public static final int ASSIGN = 1 << 12;

  /** The punctuation token is {@code -} (or a normalized dash). */
  public static final int DASH = 1 << 13;

  /** Contains a non-ASCII letter. */
  public static final int NON_ASCII = 1 << 14;

  private final String text;
  private int[] starts;
  private int[] ends;
  private int[] flags;
  private char[] chars;
  private int size;
  private int textFlags;

  private ReferenceTextIndex(String text, int capacity, ReferenceTextIndex recycle) {
    this.text = text;
    if (recycle != null && recycle.starts.length >= capacity) {
      this.starts = recycle.starts;
      this.ends = recycle.ends;
      this.flags = recycle.flags;
      recycle.size = 0; // the old index must not be read any more: make misuse visible
    } else {
      this.starts = new int[capacity];
      this.ends = new int[capacity];
      this.flags = new int[capacity];
    }
  }

  /** Builds the index in one pass over {@code text}. */
  public static ReferenceTextIndex of(String text) {
    return of(text, null);
  }

  /**
   * Builds the index in one pass over {@code text}, taking over the arrays of {@code recycle} when
   * they are large enough (an engine indexing text after text on one thread allocates nothing).
   * {@code recycle} must not be used afterwards; null means fresh arrays.
   */
  public static ReferenceTextIndex of(String text, ReferenceTextIndex recycle) {
    int n = text.length();
    // one bulk copy, then array reads: String.charAt re-checks bounds and the coder per call
    char[] buf = SCRATCH.get();
    if (buf.length < n) {
      buf = new char[Math.max(n, buf.length * 2)];
      if (n <= MAX_SCRATCH) {
        SCRATCH.set(buf);
      }
    }
    text.getChars(0, n, buf, 0);
    // about one token per 2.5 chars in prose: n / 2 rarely grows
    ReferenceTextIndex idx = new ReferenceTextIndex(text, Math.max(8, n / 2), recycle);
    idx.chars = buf;
    int i = 0;
    while (i < n) {
      char c = buf[i];
      int start = i;
      int f;
      int k = CLASS[c];
      if ((k & C_ALNUM) != 0 || (k & C_SURROGATE) != 0 && isAlnum(text, i)) {
        f = ALNUM;
        boolean hex = true;
        while (i < n) {
          char d = buf[i];
          int e = WORD[d];
          if (e > 0) {
            // ASCII letter or digit, or a BMP letter/digit: its flags come from the table
            f |= e & WORD_FLAGS;
            if ((e & NOT_HEX) != 0) {
              hex = false;
            }
            i++;
            continue;
          }
          if (e == 0) {
            break; // punctuation, space or control: never part of a word
          }
          // a mark or a surrogate: the slow, exact path
          int cp = text.codePointAt(i);
          if (Character.isLetterOrDigit(cp)) {
            f |= LETTER | NON_ASCII;
            hex = false;
            if (Character.isUpperCase(cp)) {
              f |= UPPER;
            } else if (Character.isLowerCase(cp)) {
              f |= LOWER;
            }
            i += Character.charCount(cp);
            continue;
          } else if (Character.getType(cp) == Character.NON_SPACING_MARK && i > start) {
            f |= NON_ASCII; // combining accent inside a name
            hex = false;
            i += Character.charCount(cp);
            continue;
          }
          break;
        }
        if (hex) {
          f |= HEX;
        }
        if ((k & C_UPPER) != 0) {
          f |= INITIAL_UPPER;
        }
        if (i - start == 2 && (c | 0x20) == 'a' && (buf[start + 1] | 0x20) == 't') {
          f |= AT_WORD;
        }
      } else if ((k & C_SPACE) != 0) {
        f = SPACE;
        while (i < n) {
          char d = buf[i];
          if ((CLASS[d] & C_SPACE) == 0) {
            break;
          }
          if (d == '\n' || d == '\r') {
            f |= NEWLINE;
          }
          i++;
        }
      } else {
        f = PUNCT;
        if (c == '@') {
          f |= AT_SIGN;
        } else if (c == '=' || c == ':') {
          f |= ASSIGN;
        } else if (c == '-') {
          f |= DASH;
        }
        i += Character.isHighSurrogate(c) && i + 1 < n ? 2 : 1;
      }
      idx.add(start, i, f);
    }
    return idx;
  }

  // Class of every BMP char, computed once from the same Character predicates the slow path uses
  // (so the table and the code-point path agree): 64 KB each, built in a few milliseconds.
  private static final int C_ALNUM = 1;
  private static final int C_SPACE = 2;
  private static final int C_UPPER = 4;
  private static final int C_SURROGATE = 8;
  private static final byte[] CLASS = new byte[1 << 16];

  /**
   * Per BMP char inside a word: {@code > 0} = a letter or digit, carrying its token flags ({@link
   * #WORD_FLAGS}) and {@link #NOT_HEX}; {@code 0} = ends the word; {@code < 0} = needs the
   * code-point path (surrogates, non-spacing marks).
   */
  private static final short[] WORD = new short[1 << 16];

  private static final int WORD_FLAGS = LETTER | DIGIT | UPPER | LOWER | NON_ASCII;
  private static final int NOT_HEX = ALNUM; // not among WORD_FLAGS: free for this table

  static {
    for (int c = 0; c < (1 << 16); c++) {
      char ch = (char) c;
      int k = 0;
      short w = 0;
      if (Character.isSurrogate(ch)) {
        k = C_SURROGATE;
        w = -1;
      } else if (c < 128) {
        if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
          k = C_ALNUM;
          if (c >= 'A' && c <= 'Z') {
            k |= C_UPPER;
          }
          if (c <= '9') {
            w = (short) DIGIT;
          } else {
            w = (short) (LETTER | (c <= 'Z' ? UPPER : LOWER));
            if ((c | 0x20) > 'f') {
              w |= (short) NOT_HEX;
            }
          }
        } else if (isSpace(ch)) {
          k = C_SPACE;
        }
      } else if (Character.isLetterOrDigit(c)) {
        k = C_ALNUM;
        if (Character.isUpperCase(c)) {
          k |= C_UPPER;
        }
        int wf = LETTER | NON_ASCII;
        if (Character.isUpperCase(c)) {
          wf |= UPPER;
        } else if (Character.isLowerCase(c)) {
          wf |= LOWER;
        }
        w = (short) (wf | NOT_HEX);
      } else {
        if (isSpace(ch)) {
          k = C_SPACE;
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
          w = -1;
        }
      }
      CLASS[c] = (byte) k;
      WORD[c] = w;
    }
  }

  /** Per-thread copy of the text being indexed; texts above this size get a one-off buffer. */
  private static final int MAX_SCRATCH = 1 << 20;

  private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[4096]);

  private static boolean isSpace(char c) {
    if (c >= 128 && c < 0x1680) {
      return c == 0xA0; // the only space separator between ASCII and U+1680
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isAlnum(String text, int i) {
    char c = text.charAt(i);
    if (c < 128) {
      return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    }
    return Character.isLetterOrDigit(text.codePointAt(i));
  }

  private void add(int s, int e, int f) {
    if (size == starts.length) {
      int cap = size * 2;
      starts = java.util.Arrays.copyOf(starts, cap);
      ends = java.util.Arrays.copyOf(ends, cap);
      flags = java.util.Arrays.copyOf(flags, cap);
    }
    starts[size] = s;
    ends[size] = e;
    flags[size] = f;
    textFlags |= f;
    size++;
  }

  /** The indexed (normalized) text. */
  public String text() {
    return text;
  }

  /**
   * The text's chars for fast loops: {@code chars()[i] == text().charAt(i)} for {@code i <
   * text().length()} (the array may be longer). Read only. It is a per-thread buffer: valid while
   * this is the thread's current index, i.e. inside {@code Detector.detect}; never keep it.
   */
  public char[] chars() {
    return chars;
  }

  /** Room for tokens in the arrays (what {@link #of(String, ReferenceTextIndex)} can recycle). */
  public int capacity() {
    return starts.length;
  }

  /** Number of tokens. */
  public int size() {
    return size;
  }

  /** Char index of token {@code t}'s first char. */
  public int start(int t) {
    return starts[t];
  }

  /** Char index just past token {@code t}. */
  public int end(int t) {
    return ends[t];
  }

  /** Flags of token {@code t}. */
  public int flags(int t) {
    return flags[t];
  }

  /** True when token {@code t} has all of {@code mask}. */
  public boolean is(int t, int mask) {
    return (flags[t] & mask) == mask;
  }

  /** The token's text (allocates). */
  public String tokenText(int t) {
    return text.substring(starts[t], ends[t]);
  }

  /** Length in chars of token {@code t}. */
  public int length(int t) {
    return ends[t] - starts[t];
  }

  /** Union of all token flags. */
  public int textFlags() {
    return textFlags;
  }

  /** The token containing char index {@code pos} (binary search), or -1 when out of range. */
  public int tokenAt(int pos) {
    if (pos < 0 || pos >= text.length()) {
      return -1;
    }
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] <= pos) {
        lo = mid + 1;
      } else if (starts[mid] > pos) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** True when token {@code t}'s text equals {@code word}, ignoring ASCII case. */
  public boolean equalsIgnoreCase(int t, String word) {
    return length(t) == word.length()
        && text.regionMatches(true, starts[t], word, 0, word.length());
  }
}
