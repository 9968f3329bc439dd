package io.leakguard.pii.spi;

/**
 * The single pass over a normalized text that all detectors share: the text cut into tokens, each a
 * maximal run of letters and digits ({@link #ALNUM}), a maximal run of whitespace ({@link #SPACE}),
 * or one other character ({@link #PUNCT}). Each token carries character-class flags; detectors
 * start their hand-written parsers at tokens whose flags interest them (the "triggers").
 *
 * <p>Stored as parallel int arrays; {@link #textFlags()} is the union over all tokens so a detector
 * can be skipped when its trigger class is absent.
 */
public final class TextIndex {
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
  // token t is [starts[t], starts[t + 1]): tokens cover the text without gaps, and
  // starts[size] == text.length() (one int per token instead of a start and an end)
  private int[] starts;
  private int[] flags;
  private char[] chars;
  private int size;
  private int textFlags;

  // posting lists built on demand by tokensWith: mask, tokens, count per slot (LISTS slots)
  private static final int LISTS = 4;
  private int[] listMask; // null until the first tokensWith call
  private int[] listCount;
  private int[][] lists;
  private int listsUsed;

  // the at triggers (atTriggers), appended in token order by finish and exactToken
  private int[] atList;
  private int atCount;

  private TextIndex(String text, int capacity, TextIndex recycle) {
    this.text = text;
    if (recycle != null && recycle.starts.length >= capacity) {
      this.starts = recycle.starts;
      this.flags = recycle.flags;
      // the posting arrays are rebuilt on demand (listsUsed starts at 0)
      this.listMask = recycle.listMask;
      this.listCount = recycle.listCount;
      this.lists = recycle.lists;
      this.atList = recycle.atList;
      recycle.size = 0;
      recycle.atCount = 0; // the old index must not be read any more: make misuse visible
    } else {
      this.starts = new int[capacity];
      this.flags = new int[capacity];
    }
    if (atList == null) {
      atList = new int[16];
    }
  }

  /** Builds the index in one pass over {@code text}. */
  public static TextIndex of(String text) {
    return of(text, null);
  }

  /**
   * Builds the index in one pass over {@code text}, taking over the arrays of {@code recycle} when
   * they are large enough (an engine indexing text after text on one thread allocates nothing).
   * {@code recycle} must not be used afterwards; null means fresh arrays.
   */
  public static TextIndex of(String text, TextIndex recycle) {
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
    return build(text, buf, recycle);
  }

  /**
   * Like {@link #of(String, TextIndex)} for a caller that already holds the text's chars: {@code
   * chars[i] == text.charAt(i)} for every {@code i < text.length()} (the array may be longer). The
   * index reads {@code chars} without copying and hands it out as {@link #chars()}, so the caller
   * must leave it unchanged while the index is in use. The engine passes the buffer its normalizer
   * wrote, saving a second copy of every text.
   */
  public static TextIndex of(String text, char[] chars, TextIndex recycle) {
    if (chars.length < text.length()) {
      throw new IllegalArgumentException("chars shorter than the text");
    }
    return build(text, chars, recycle);
  }

  /**
   * The pass. Design note: branch-free per char, so it costs the same on any mix of words, spaces
   * and punctuation (a token-by-token loop mispredicts its exits about once per token, i.e. every
   * 2-3 chars of prose).
   *
   * <p>Per char, {@link #ENT} gives its token type (word, space, punct), its flag bits and {@link
   * #E_SLOW}. A token starts where the type changes and at every punct char. Each char writes its
   * index into {@code starts[size]} and then advances {@code size} by 0 or 1 (a char inside a token
   * writes into the next, unused slot, overwritten later), and writes the token's bits accumulated
   * so far into {@code flags[size - 1]}; the first char's {@link #INITIAL_UPPER} is kept, later
   * chars' dropped. {@link #finish} then turns each token's bits into its flags (HEX, AT_WORD, the
   * type's own bits). A surrogate or a non-spacing mark (rare: emoji, decomposed accents) leaves
   * the loop: the token it belongs to is redone by {@link #exactToken}, then the loop resumes after
   * it.
   */
  private static TextIndex build(String text, char[] buf, TextIndex recycle) {
    int n = text.length();
    // every char may be a token, plus the end sentinel: the loop writes without capacity checks
    TextIndex idx = new TextIndex(text, n + 1, recycle);
    idx.chars = buf;
    int[] starts = idx.starts;
    int[] flags = idx.flags;
    int size = 0;
    int all = 0;
    int i = 0;
    while (true) {
      int segment = i;
      int firstRaw = size;
      int acc = 0;
      int prevType = NO_TYPE;
      for (; i < n; i++) {
        int e = ENT[buf[i]];
        if ((e & E_SLOW) != 0) {
          break;
        }
        int type = e >>> E_TYPE_SHIFT;
        // 1 when a token starts here: the type changed, the char is punct (type 2: each punct
        // char is a token) or it is the first (prevType NO_TYPE). Three ALU ops; a table look-up
        // by (prevType, type) cost ~10% more for the whole pass
        int x = (prevType ^ type) | (type & 2);
        int starting = (x | -x) >>> 31;
        acc = (acc & (starting - 1)) | e; // a token start drops the previous token's bits
        starts[size] = i;
        size += starting;
        flags[size - 1] = acc;
        prevType = type;
      }
      if (i == n) {
        starts[size] = n;
        all |= finish(idx, starts, flags, buf, firstRaw, size);
        break;
      }
      // a surrogate or non-spacing mark at i: redo the token being built (it may extend over it)
      if (i > segment) {
        size--;
        i = starts[size];
      }
      starts[size] = i; // the end of the last finished token, for finish
      all |= finish(idx, starts, flags, buf, firstRaw, size);
      i = exactToken(buf, n, i, starts, flags, size);
      if (mayBeAtTrigger(buf, starts[size], i, flags[size])) {
        idx.addAt(size);
      }
      all |= flags[size];
      size++;
      if (i == n) {
        starts[size] = n;
        break;
      }
    }
    idx.size = size;
    idx.textFlags = all;
    return idx;
  }

  /**
   * Turns the accumulated bits of tokens {@code [from, to)} into flags; returns their union. Also
   * sets {@link #AT_WORD} and lists the {@link #atTriggers()}: one table look-up by (length, first
   * char) per token rules out all but a few percent of the tokens ({@code a}, {@code at}, {@code
   * as}...), which take the exact test.
   */
  private static int finish(
      TextIndex idx, int[] starts, int[] flags, char[] buf, int from, int to) {
    int all = 0;
    for (int t = from; t < to; t++) {
      int raw = flags[t];
      int s = starts[t];
      char c = buf[s];
      int f =
          (raw & E_FLAGS)
              | ((~raw >>> (E_NOT_HEX_SHIFT - 8)) & HEX)
              | ((CLASS[c] & C_UPPER) << 5); // INITIAL_UPPER
      int len = starts[t + 1] - s;
      if (MAY_AT[Math.min(len, 15) << 7 | Math.min(c, 127)] != 0) {
        f = atToken(idx, buf, t, s, len, c, f);
      }
      flags[t] = f;
      all |= f;
    }
    return all;
  }

  /**
   * The at sign spelled out in other languages, as the e-mail detector reads them (its {@code
   * FOREIGN_AT_WORDS}, in any case); {@link #FOREIGN_AT_STEMS}: the lower-case part of each that
   * the detector searches, found at {@link #FOREIGN_STEM_OFFSETS} in the word. A test checks that
   * these lists match the detector's. {@code snabel} is the first token of {@code snabel-a}.
   */
  static final String[] FOREIGN_AT_WORDS = {
    "arroba",
    "arobase",
    "chiocciola",
    "klammeraffe",
    "małpa",
    "malpa",
    "apenstaartje",
    "snabel",
    "zavináč",
    "zavinac",
    "kukac"
  };

  static final String[] FOREIGN_AT_STEMS = {
    "roba",
    "roba",
    "cciola",
    "lammeraffe",
    "ałpa",
    "alpa",
    "penstaartje",
    "nabel",
    "avináč",
    "avinac",
    "ukac"
  };

  static final int[] FOREIGN_STEM_OFFSETS = {2, 1, 4, 1, 1, 1, 1, 1, 1, 1, 1};

  /**
   * Per (length up to 15) {@code << 7 |} (first char, non-ASCII as 127): 1 when a token of the
   * branch-free pass may be an at trigger ({@link #atToken} decides).
   */
  private static final byte[] MAY_AT = new byte[16 << 7];

  static {
    MAY_AT[1 << 7 | '@'] = 1;
    for (char c : new char[] {'a', 'A'}) {
      MAY_AT[1 << 7 | c] = 1; // "(a)", "[a]"
      MAY_AT[2 << 7 | c] = 1; // "at"
    }
    // by the first letter of each foreign at word, either case (and 127: a non-ASCII char equal to
    // one ignoring case, such as the Kelvin sign)
    for (String w : FOREIGN_AT_WORDS) {
      int len = w.length();
      MAY_AT[len << 7 | w.charAt(0)] = 1;
      MAY_AT[len << 7 | Character.toUpperCase(w.charAt(0))] = 1;
      MAY_AT[len << 7 | 127] = 1;
    }
  }

  /**
   * A token of the branch-free pass (no surrogate, no mark: it is exactly a maximal run of {@link
   * Character#isLetterOrDigit} chars, a run of spaces or one punctuation char) that passed {@link
   * #MAY_AT}: sets {@link #AT_WORD} and lists it when it is an at trigger. A foreign at word's stem
   * (the lower-case part the e-mail detector searches) sits at a fixed offset of a word of its
   * length.
   */
  private static int atToken(TextIndex idx, char[] buf, int t, int s, int len, char c, int f) {
    boolean at;
    if (len == 1) {
      // '@', or the a of "(a)" / "[a]"
      at = c == '@' || (c | 0x20) == 'a' && s > 0 && (buf[s - 1] == '(' || buf[s - 1] == '[');
    } else if (len == 2) {
      at = (c | 0x20) == 'a' && (buf[s + 1] | 0x20) == 't';
      if (at) {
        f |= AT_WORD;
      }
    } else {
      at = false;
      for (int k = 0; k < FOREIGN_AT_WORDS.length; k++) {
        if (len == FOREIGN_AT_WORDS[k].length()
            && regionEquals(buf, s + FOREIGN_STEM_OFFSETS[k], FOREIGN_AT_STEMS[k])) {
          at = true;
          break;
        }
      }
    }
    if (at) {
      idx.addAt(t);
    }
    return f;
  }

  /**
   * Whether a token of the exact pass ({@link #exactToken}: {@code [s, e)}, flags {@code f}) may be
   * an at trigger: the tests of {@link #atToken}, but a word qualifies when it holds any foreign
   * stem anywhere (a mark or a surrogate letter next to a foreign word makes the token longer than
   * the word); and a lone high surrogate's token, which takes the next char with it (an {@code @}
   * or a foreign word's first letter: see {@link #atTriggers()}).
   */
  private static boolean mayBeAtTrigger(char[] buf, int s, int e, int f) {
    int len = e - s;
    char c = buf[s];
    if ((f & (AT_SIGN | AT_WORD)) != 0) {
      return true;
    }
    if (len == 2 && Character.isHighSurrogate(c) && !Character.isLowSurrogate(buf[s + 1])) {
      return true;
    }
    if (len == 1) {
      return (c | 0x20) == 'a' && s > 0 && (buf[s - 1] == '(' || buf[s - 1] == '[');
    }
    if ((f & ALNUM) == 0) {
      return false;
    }
    for (String stem : FOREIGN_AT_STEMS) {
      for (int q = s; q + stem.length() <= e; q++) {
        if (regionEquals(buf, q, stem)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean regionEquals(char[] buf, int at, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (buf[at + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void addAt(int t) {
    if (atCount == atList.length) {
      atList = java.util.Arrays.copyOf(atList, atCount * 2);
    }
    atList[atCount++] = t;
  }

  /**
   * The token at {@code i}, char class by char class, with the code-point path for surrogates and
   * non-spacing marks: writes {@code starts[t]} and {@code flags[t]}, returns the token's end.
   */
  private static int exactToken(char[] buf, int n, int i, int[] starts, int[] flags, int t) {
    char c = buf[i];
    int start = i;
    int f;
    int k = CLASS[c];
    if ((k & C_ALNUM) != 0 || (k & C_SURROGATE) != 0 && isAlnum(buf, n, i)) {
      int acc = 0;
      while (i < n) {
        int e = WORD[buf[i]];
        if (e > 0) {
          // ASCII letter or digit, or a BMP letter/digit: its flags come from the table
          acc |= e;
          i++;
          continue;
        }
        if (e == 0) {
          break; // punctuation, space or control: never part of a word
        }
        // a mark or a surrogate: the slow, exact path
        int cp = Character.codePointAt(buf, i, n);
        if (Character.isLetterOrDigit(cp)) {
          acc |= LETTER | NON_ASCII | NOT_HEX;
          if (Character.isUpperCase(cp)) {
            acc |= UPPER;
          } else if (Character.isLowerCase(cp)) {
            acc |= LOWER;
          }
          i += Character.charCount(cp);
          continue;
        } else if (Character.getType(cp) == Character.NON_SPACING_MARK && i > start) {
          acc |= NON_ASCII | NOT_HEX; // combining accent inside a name
          i += Character.charCount(cp);
          continue;
        }
        break;
      }
      f = ALNUM | (acc & WORD_FLAGS);
      if ((acc & NOT_HEX) == 0) {
        f |= HEX;
      }
      if ((k & C_UPPER) != 0) {
        f |= INITIAL_UPPER;
      }
      if (i - start == 2 && (c | 0x20) == 'a' && (buf[start + 1] | 0x20) == 't') {
        f |= AT_WORD;
      }
    } else if ((k & C_SPACE) != 0) {
      int acc = k;
      i++;
      while (i < n) {
        int d = CLASS[buf[i]];
        if ((d & C_SPACE) == 0) {
          break;
        }
        acc |= d;
        i++;
      }
      f = (acc & C_NEWLINE) != 0 ? SPACE | NEWLINE : SPACE;
    } else {
      f = c < 128 ? PUNCT_FLAGS[c] : PUNCT;
      i += Character.isHighSurrogate(c) && i + 1 < n ? 2 : 1;
    }
    starts[t] = start;
    flags[t] = f;
    return i;
  }

  // Class of every BMP char, computed once from the same Character predicates the slow path uses
  // (so the table and the code-point path agree): 64 KB each, built in a few milliseconds.
  private static final int C_ALNUM = 1;
  private static final int C_SPACE = 2;
  private static final int C_UPPER = 4;
  private static final int C_SURROGATE = 8;
  private static final int C_NEWLINE = 16; // '\n' or '\r' (also C_SPACE)
  private static final byte[] CLASS = new byte[1 << 16];

  /** Flags of a punctuation token per ASCII char. */
  private static final int[] PUNCT_FLAGS = new int[128];

  /**
   * Per BMP char inside a word: {@code > 0} = a letter or digit, carrying its token flags ({@link
   * #WORD_FLAGS}) and {@link #NOT_HEX}; {@code 0} = ends the word; {@code < 0} = needs the
   * code-point path (surrogates, non-spacing marks).
   */
  private static final short[] WORD = new short[1 << 16];

  private static final int WORD_FLAGS = LETTER | DIGIT | UPPER | LOWER | NON_ASCII;
  private static final int NOT_HEX = ALNUM; // not among WORD_FLAGS: free for this table

  // The fast pass's per-char entry (ENT): the flag bits 0..14 the char gives its token (a word
  // char ALNUM and its WORD_FLAGS, a space char SPACE and NEWLINE for CR/LF, a punct char its
  // PUNCT_FLAGS; never INITIAL_UPPER, which only the first char decides), E_NOT_HEX (set for
  // every char but [0-9a-fA-F]), the token type and E_SLOW.
  private static final int E_FLAGS = 0x7FFF;
  private static final int E_NOT_HEX_SHIFT = 15;
  private static final int E_NOT_HEX = 1 << E_NOT_HEX_SHIFT;
  private static final int E_TYPE_SHIFT = 16; // 0 word, 1 space, 2 punct
  private static final int E_SLOW = 1 << 18; // surrogate or non-spacing mark: exact pass
  private static final int[] ENT = new int[1 << 16];

  /** Type before the first char: whatever comes starts a token. */
  private static final int NO_TYPE = 3;

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
      if (c == '\n' || c == '\r') {
        k |= C_NEWLINE;
      }
      CLASS[c] = (byte) k;
      WORD[c] = w;
    }
    for (int c = 0; c < 128; c++) {
      PUNCT_FLAGS[c] = PUNCT;
    }
    PUNCT_FLAGS['@'] |= AT_SIGN;
    PUNCT_FLAGS['='] |= ASSIGN;
    PUNCT_FLAGS[':'] |= ASSIGN;
    PUNCT_FLAGS['-'] |= DASH;
    for (int c = 0; c < (1 << 16); c++) {
      int k = CLASS[c];
      int w = WORD[c];
      int e;
      if (w < 0) {
        e = E_SLOW; // surrogate or non-spacing mark
      } else if ((k & C_ALNUM) != 0) {
        e = ALNUM | (w & WORD_FLAGS) | ((w & NOT_HEX) != 0 ? E_NOT_HEX : 0);
      } else if ((k & C_SPACE) != 0) {
        e = (1 << E_TYPE_SHIFT) | E_NOT_HEX | SPACE | ((k & C_NEWLINE) != 0 ? NEWLINE : 0);
      } else {
        e = (2 << E_TYPE_SHIFT) | E_NOT_HEX | (c < 128 ? PUNCT_FLAGS[c] : PUNCT);
      }
      ENT[c] = e;
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

  /** Whether the code point at {@code i} (a surrogate) is a letter or digit. */
  private static boolean isAlnum(char[] buf, int n, int i) {
    return Character.isLetterOrDigit(Character.codePointAt(buf, i, n));
  }

  /** The indexed (normalized) text. */
  public String text() {
    return text;
  }

  /**
   * The text's chars for fast loops: {@code chars()[i] == text().charAt(i)} for {@code i <
   * text().length()} (the array may be longer). Read only. It is a per-thread buffer: valid while
   * this is the thread's current index, i.e. inside {@link Detector#detect}; never keep it.
   */
  public char[] chars() {
    return chars;
  }

  /** Room for tokens in the arrays (what {@link #of(String, TextIndex)} can recycle). */
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
    return starts[t + 1];
  }

  /** Flags of token {@code t}. */
  public int flags(int t) {
    return flags[t];
  }

  /**
   * The tokens that have every flag of {@code mask}, in increasing order: entries {@code [0,
   * countWith(mask))} of the returned array (it may be longer). A posting list for detectors that
   * care about few tokens: walk the digit tokens for numbers, the {@link #INITIAL_UPPER} tokens for
   * names, instead of every token of the text.
   *
   * <pre>{@code
   * int[] digits = idx.tokensWith(TextIndex.DIGIT);
   * for (int k = 0, m = idx.countWith(TextIndex.DIGIT); k < m; k++) {
   *   int t = digits[k]; // a token with an ASCII digit
   * }
   * }</pre>
   *
   * <p>Built on the first call per mask and text (one branch-free pass over the token flags, about
   * a nanosecond per token) and cached for a few masks; nothing is built for masks nobody asks for.
   * Read only; like {@link #chars()} it is per-thread scratch, valid only while this index is in
   * use (inside {@link Detector#detect}).
   *
   * @param mask one or more flag constants of this class, e.g. {@code DIGIT} or {@code ALNUM |
   *     INITIAL_UPPER}; must not be 0
   */
  public int[] tokensWith(int mask) {
    int k = slot(mask); // first: it may allocate the arrays
    return lists[k];
  }

  /** The number of tokens that have every flag of {@code mask}; see {@link #tokensWith(int)}. */
  public int countWith(int mask) {
    int k = slot(mask);
    return listCount[k];
  }

  private int slot(int mask) {
    if (mask == 0) {
      throw new IllegalArgumentException("mask must name at least one flag");
    }
    if (lists == null) {
      listMask = new int[LISTS];
      listCount = new int[LISTS];
      lists = new int[LISTS][];
    }
    for (int k = 0; k < listsUsed; k++) {
      if (listMask[k] == mask) {
        return k;
      }
    }
    int k = listsUsed < LISTS ? listsUsed++ : mask & (LISTS - 1); // a fifth mask evicts one
    int[] list = lists[k];
    if (list == null || list.length < size) {
      list = new int[Math.max(16, starts.length)];
      lists[k] = list;
    }
    int count = 0;
    for (int t = 0; t < size; t++) {
      list[count] = t;
      // +1 when (flags & mask) == mask: the xor is then 0 and 0 - 1 has the sign bit
      count += (((flags[t] & mask) ^ mask) - 1) >>> 31;
    }
    listMask[k] = mask;
    listCount[k] = count;
    return k;
  }

  /**
   * The tokens where an e-mail address's at may be written, in increasing order: entries {@code [0,
   * atTriggerCount())} of the returned array (it may be longer). They are every {@link #AT_SIGN}
   * and {@link #AT_WORD} token, every one-letter {@code a} or {@code A} token right after {@code (}
   * or {@code [} (the letter at {@code (a)}), and every letter token that may be {@code arroba},
   * {@code arobase}, {@code chiocciola} or {@code klammeraffe} in any case (it holds the lower-case
   * stem {@code roba}, {@code cciola} or {@code lammeraffe}). Also every token of a lone high
   * surrogate: it takes the char after it into its token, so an {@code @} or the first letter of a
   * foreign at word ({@code \uD83Darroba}) may hide there. A superset: the reader checks each
   * token. Listed during the index pass, so a detector looking for these finds them without a walk
   * over every token or a search of the text.
   *
   * <pre>{@code
   * int[] ats = idx.atTriggers();
   * for (int k = 0, m = idx.atTriggerCount(); k < m; k++) {
   *   int t = ats[k]; // "@", "at", "a" after a bracket, or a foreign at word
   * }
   * }</pre>
   *
   * <p>Read only; like {@link #chars()} it is per-thread scratch, valid only while this index is in
   * use (inside {@link Detector#detect}).
   */
  public int[] atTriggers() {
    return atList;
  }

  /** The number of {@link #atTriggers()}. */
  public int atTriggerCount() {
    return atCount;
  }

  /** True when token {@code t} has all of {@code mask}. */
  public boolean is(int t, int mask) {
    return (flags[t] & mask) == mask;
  }

  /** The token's text (allocates). */
  public String tokenText(int t) {
    return text.substring(starts[t], end(t));
  }

  /** Length in chars of token {@code t}. */
  public int length(int t) {
    return end(t) - starts[t];
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
      if (starts[mid + 1] <= pos) {
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
